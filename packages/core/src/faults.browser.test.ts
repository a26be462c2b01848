import { randomFile, sha256Hex, storedSha256, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  createHttpEndpoint,
  isStoreError,
  Uploader,
  type Endpoint,
  type UploaderEvents,
  type UploaderOptions,
} from './index.js';

// Faults injected by a real proxy between Chromium (XHR transport) and the real local store.
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

const expiredXml =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
const noSuchUploadXml =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
const part = (n: number) => `[?&]partNumber=${n}&`;
const inject = (rule: { method?: string; url?: string; times?: number; fault: unknown }) =>
  executeServerCommand('ferry-fault', rule);
const partPuts = () => executeServerCommand<number[], undefined>('ferry-store-puts');

/** Uploads a random file and resolves with its final snapshot and every retry seen. */
async function upload(options: Partial<UploaderOptions> = {}, size = 12 * MiB) {
  const uploader = new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB, retry: { backoffMs: 10 }, ...options });
  const retries: UploaderEvents['retry'][] = [];
  uploader.on('retry', (event) => retries.push(event));
  const file = randomFile(size, 'faulty.bin');
  const { id } = uploader.add(file);
  const settled = () => untilSettled(uploader, id);
  return { uploader, id, file, retries, settled };
}

const identical = async (key: string, file: File) => expect(await storedSha256(key)).to.equal(await sha256Hex(file));

describe('faults between Chromium and the store', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('retries a part answered 500', async () => {
    await inject({ method: 'PUT', url: part(2), fault: { kind: 'status', status: 500 } });
    const { file, retries, settled } = await upload();
    const done = await settled();
    expect(done.state).to.equal('done');
    expect(retries.map((r) => [r.partNumber, (r.error as { status: number }).status])).to.deep.equal([[2, 500]]);
    await identical(done.key!, file);
  });

  it('waits as long as a 503 Retry-After says', async () => {
    await inject({
      method: 'PUT',
      url: part(1),
      fault: { kind: 'status', status: 503, headers: { 'Retry-After': '1' } },
    });
    const started = performance.now();
    const { retries, settled } = await upload();
    expect((await settled()).state).to.equal('done');
    expect(retries[0]?.delayMs).to.equal(1000);
    expect(performance.now() - started).to.be.at.least(1000);
  });

  it('waits until the HTTP date a 503 Retry-After names', async () => {
    // Whole seconds, 4 to 5 s ahead: still ahead when a loaded machine is slow to reach part 1.
    const retryAt = new Date(Date.now() + 5000).toUTCString();
    await inject({
      method: 'PUT',
      url: part(1),
      fault: { kind: 'status', status: 503, headers: { 'Retry-After': retryAt } },
    });
    const { uploader, retries, settled } = await upload();
    // Measured from the refusal, not from the test's start: under load the upload may take a
    // while to reach its first part.
    let refusedAt = 0;
    uploader.on('retry', () => (refusedAt = Date.now()));
    expect((await settled()).state).to.equal('done');
    const { delayMs } = retries[0]!;
    // The time from the refusal to that date (the event fires a moment after the header is read).
    expect(Math.abs(delayMs - (Date.parse(retryAt) - refusedAt))).to.be.below(100);
    expect(delayMs).to.be.above(0);
  });

  it('counts a single PUT resumed after a pause once: progress never passes the size', async () => {
    await inject({ method: 'PUT', fault: { kind: 'throttle', bytesPerSecond: 4 * MiB } });
    const { uploader, id, file, settled } = await upload({ multipartThreshold: 64 * MiB }, 24 * MiB);
    const seen: number[] = [];
    uploader.on('progress', ({ upload }) => seen.push(upload.bytesSent));
    await new Promise<void>((resolve) =>
      uploader.on('progress', ({ upload }) => upload.bytesSent > 2 * MiB && resolve()),
    );
    uploader.pause(id);
    uploader.resume(id);
    const done = await settled();
    expect(done.state).to.equal('done');
    expect(done.method).to.equal('single');
    expect(done.bytesSent).to.equal(file.size);
    expect(Math.max(...seen)).to.be.at.most(file.size);
    expect(seen.every((value, i) => i === 0 || value >= seen[i - 1]!)).to.equal(true);
    await identical(done.key!, file);
  });

  it('retries a part whose connection is reset mid-body', async () => {
    // Chromium itself retries a PUT once when a reused keep-alive socket is reset, so several
    // resets make sure the engine sees at least one.
    await inject({ method: 'PUT', url: part(1), times: 3, fault: { kind: 'reset', afterBytes: MiB } });
    const { file, retries, settled } = await upload();
    const done = await settled();
    expect(done.state).to.equal('done');
    expect(retries.length).to.be.at.least(1);
    expect(retries.every((r) => (r.error as { code: string }).code === 'network')).to.equal(true);
    await identical(done.key!, file);
  });

  it('retries a part the browser aborts on its own (as Safari does in the background), never failing the upload', async () => {
    // The real XMLHttpRequest of part 2 is aborted from outside Ferry, as the browser does: its
    // abort event fires while Ferry's own signal is untouched. (window.stop() would do the same,
    // but in Firefox it also cuts the test runner's connection.)
    await inject({ method: 'PUT', url: part(2), times: 1, fault: { kind: 'throttle', bytesPerSecond: 2 * MiB } });
    const partTwo: XMLHttpRequest[] = [];
    // The real open, called with its XMLHttpRequest below; its overloads need the narrower type.
    // eslint-disable-next-line @typescript-eslint/unbound-method, @typescript-eslint/no-unnecessary-type-assertion
    const open = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, method: string, url: string) => void;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it (open's overloads)
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
      if (/[?&]partNumber=2&/.test(String(url))) partTwo.push(this);
      open.call(this, method, String(url));
    } as typeof XMLHttpRequest.prototype.open;
    let started: Awaited<ReturnType<typeof upload>>;
    try {
      started = await upload({ concurrency: 1 });
      const { uploader } = started;
      await new Promise<void>((resolve) =>
        uploader.on('progress', ({ upload }) => upload.bytesSent > 5 * MiB + 256 * 1024 && resolve()),
      );
    } finally {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it (open's overloads)
      XMLHttpRequest.prototype.open = open as typeof XMLHttpRequest.prototype.open;
    }
    const { file, retries, settled } = started;
    expect(partTwo).to.have.length(1);
    partTwo[0]!.abort();
    const done = await settled();
    expect(done.state).to.equal('done');
    expect(retries.map((r) => [r.partNumber, (r.error as { code: string }).code])).to.deep.equal([[2, 'network']]);
    await identical(done.key!, file);
  });

  it('aborts a PUT that stalls (body taken, no answer) and sends it again', async () => {
    await inject({ method: 'PUT', url: part(1), fault: { kind: 'stall' } });
    const { file, retries, settled } = await upload({ stallTimeout: 1500 }, 6 * MiB);
    const done = await settled();
    expect(done.state).to.equal('done');
    // Part 1 is the one held: on a loaded machine another part may also pass a stall timeout, and
    // is sent again the same way, so only part 1's retries are counted exactly.
    expect(retries.filter((r) => r.partNumber === 1).map((r) => (r.error as { code: string }).code)).to.deep.equal([
      'stalled',
    ]);
    expect(retries.every((r) => (r.error as { code: string }).code === 'stalled')).to.equal(true);
    await identical(done.key!, file);
  });

  it('re-signs at once when the store calls a URL expired, never failing', async () => {
    await inject({ method: 'PUT', url: part(3), fault: { kind: 'status', status: 403, body: expiredXml } });
    const { file, retries, settled } = await upload();
    const done = await settled();
    expect(done.state).to.equal('done');
    expect(retries.map((r) => [r.partNumber, (r.error as { code: string }).code, r.delayMs])).to.deep.equal([
      [3, 'url-expired', 0],
    ]);
    await identical(done.key!, file);
  });

  it('starts the multipart upload again when the store lost it (NoSuchUpload): an explicit restart, with progress as the parts go again', async () => {
    await inject({ method: 'PUT', url: part(2), fault: { kind: 'status', status: 404, body: noSuchUploadXml } });
    const createsBefore = await executeServerCommand<number, undefined>('ferry-store-creates');
    const { uploader, file, settled } = await upload();
    const changes: string[] = [];
    let restarted = false;
    const afterRestart: { bytesSent: number; partsDone: number }[] = [];
    uploader.on('state', ({ upload, previous }) => {
      changes.push(`${previous}>${upload.state}`);
      if (previous === 'uploading' && upload.state === 'preparing') restarted = true;
    });
    uploader.on(
      'progress',
      ({ upload }) => restarted && afterRestart.push({ bytesSent: upload.bytesSent, partsDone: upload.parts.done }),
    );
    const done = await settled();
    expect(done.state).to.equal('done');
    expect(changes).to.deep.equal([
      'preparing>uploading',
      'uploading>preparing',
      'preparing>uploading',
      'uploading>completing',
      'completing>done',
    ]);
    expect((await executeServerCommand<number, undefined>('ferry-store-creates')) - createsBefore).to.equal(2);
    // Every part is sent again, and the page hears of it: parts done climb back to 3.
    expect(afterRestart.length).to.be.greaterThan(0);
    expect(Math.max(...afterRestart.map((event) => event.partsDone))).to.equal(3);
    expect(afterRestart.every((event, i) => i === 0 || event.bytesSent >= afterRestart[i - 1]!.bytesSent)).to.equal(
      true,
    );
    await identical(done.key!, file);
  });

  it("stops with 'upload-lost' when asked to", async () => {
    await inject({ method: 'PUT', url: part(1), fault: { kind: 'status', status: 404, body: noSuchUploadXml } });
    const { settled } = await upload({ onUploadLost: 'fail' });
    const failed = await settled();
    expect(failed.state).to.equal('error');
    expect(failed.error?.code).to.equal('upload-lost');
  });

  it('gives up after the retry limit with the last cause; retry() then sends only the missing part', async () => {
    await inject({ method: 'PUT', url: part(3), times: 10, fault: { kind: 'status', status: 500 } });
    const { uploader, id, file, settled } = await upload({ retry: { limit: 2, backoffMs: 1 } });
    const failed = await settled();
    expect(failed.error?.code).to.equal('retries-exhausted');
    expect((failed.error?.cause as { status: number }).status).to.equal(500);
    await executeServerCommand('ferry-faults-clear');
    const before = (await partPuts()).length;
    uploader.retry(id);
    const done = await settled();
    expect(done.state).to.equal('done');
    expect((await partPuts()).slice(before)).to.deep.equal([3]);
    await identical(done.key!, file);
  });

  it('aborts the multipart upload after a failure no retry can mend: nothing is left open', async () => {
    // A store that refuses part 2 for good (400), as a misconfigured bucket would.
    await inject({ method: 'PUT', url: part(2), times: 10, fault: { kind: 'status', status: 400 } });
    const { settled } = await upload();
    const failed = await settled();
    expect(failed.error?.code).to.equal('store');
    // (Uploads the simulated NoSuchUpload tests left behind are still open: the store never lost them.)
    const isOpen = async () =>
      (await executeServerCommand<string[], undefined>('ferry-open-uploads')).includes(failed.key!);
    for (let i = 0; i < 50 && (await isOpen()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await isOpen()).to.equal(false);
  });

  it('shows a 500 on a single PUT to the engine (CORS headers on the fault) and retries it', async () => {
    await inject({ method: 'PUT', fault: { kind: 'status', status: 500 } });
    const { retries, settled } = await upload({}, 1000);
    expect((await settled()).state).to.equal('done');
    expect(retries.map((r) => (r.error as { status: number }).status)).to.deep.equal([500]);
  });

  it('surfaces 403 SignatureDoesNotMatch with the store’s StringToSign, never retried', async () => {
    // A signer that returns another Content-Type than the one it signed: the classic 403.
    const http = createHttpEndpoint({ url: stack.endpoint });
    const misconfigured: Endpoint = {
      ...http,
      singlePutParams: async (input, options) => ({
        ...(await http.singlePutParams(input, options)),
        headers: { 'Content-Type': 'image/png' },
      }),
    };
    const { settled, retries } = await upload({ endpoint: misconfigured }, 1000);
    const failed = await settled();
    expect(failed.error?.code).to.equal('signature-mismatch');
    const { details } = failed.error as unknown as { details: Record<string, string> };
    expect(details['Code']).to.equal('SignatureDoesNotMatch');
    expect(details['StringToSign']).to.contain('AWS4-HMAC-SHA256');
    expect(retries).to.deep.equal([]);
  });

  it('per-part checksums: an endpoint that hashes each part before signing gets x-amz-checksum-sha256 signed; a part corrupted on the way is refused (BadDigest) and sent again', async () => {
    // The hashing endpoint is the test's own (crypto.subtle, SHA-256); what it exercises is the
    // engine handing each part's bytes to signParts and the HTTP endpoint forwarding `checksums`.
    const inner = createHttpEndpoint({ url: stack.endpoint });
    const signed: string[][] = [];
    const endpoint: Endpoint = {
      ...inner,
      async signParts(input, options) {
        const values: Record<number, string> = {};
        for (const n of input.partNumbers) {
          const digest = await crypto.subtle.digest('SHA-256', await input.bytes!(n).arrayBuffer());
          values[n] = btoa(String.fromCharCode(...new Uint8Array(digest)));
        }
        const parts = await inner.signParts({ ...input, checksums: { algorithm: 'sha256', values } }, options);
        signed.push(...parts.map((part) => Object.keys(part.headers)));
        return parts;
      },
    };
    await inject({ method: 'PUT', url: part(2), times: 1, fault: { kind: 'corrupt', offset: 1000 } });
    const part2PutsBefore = (await partPuts()).filter((n) => n === 2).length;
    const { file, retries, settled } = await upload({
      endpoint,
      // A BadDigest says the bytes were damaged on the way: sending them again mends it.
      retry: {
        backoffMs: 10,
        shouldRetry: ({ error }) => (isStoreError(error) && error.details.Code === 'BadDigest' ? true : undefined),
      },
    });
    const done = await settled();
    expect(done.state, done.error?.message).to.equal('done');
    expect(signed.every((names) => names.includes('x-amz-checksum-sha256'))).to.equal(true);
    expect(
      retries.map((retry) => [retry.partNumber, isStoreError(retry.error) && retry.error.details.Code]),
    ).to.deep.equal([[2, 'BadDigest']]);
    expect((await partPuts()).filter((n) => n === 2).length - part2PutsBefore).to.equal(2);
    await identical(done.key!, file);
  });
});
