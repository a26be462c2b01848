import { startTestStack, watchPartConcurrency, type TestStack } from '@ferry/testing';
import { untilSettled } from '@ferry/testing/browser';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEndpoint, Uploader, type Endpoint, type UploaderOptions } from './index.js';

const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function randomFile(size: number, name = 'random.bin', type = 'application/octet-stream') {
  const data = new Uint8Array(randomBytes(size));
  return { data, file: new File([data], name, { type }) };
}

const settled = (up: Uploader, id: string) => untilSettled(up, id);

function uploader(options: Partial<UploaderOptions> = {}) {
  return new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB, ...options });
}

describe('Uploader in Node (fetch transport) against the local store', () => {
  it('sends a small file in one PUT, through queued → preparing → uploading → done', async () => {
    const { data, file } = randomFile(1024, 'note.txt', 'text/plain');
    const up = uploader();
    const states: string[] = [];
    up.on('add', ({ upload }) => states.push(upload.state));
    up.on('state', ({ upload }) => states.push(upload.state));
    const done = await settled(up, up.add(file).id);
    expect(states).toEqual(['queued', 'preparing', 'uploading', 'done']);
    expect(done.method).toBe('single');
    expect(done.bytesSent).toBe(1024);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
    expect((await stack.objectHead(done.key!)).contentType).toBe('text/plain');
  });

  it('uploads 23 MiB as multipart, parts in parallel, progress monotonic, object identical', async () => {
    const { data, file } = randomFile(23 * MiB);
    const up = uploader({ concurrency: 3 });
    const watch = watchPartConcurrency(stack.store);
    const progress: number[] = [];
    up.on('progress', ({ upload }) => progress.push(upload.bytesSent));
    const done = await settled(up, up.add(file).id);
    watch.stop();
    expect(done.state).toBe('done');
    expect(done.method).toBe('multipart');
    expect(done.parts).toEqual({ done: 5, total: 5 });
    expect(watch.parts).toBe(5);
    expect(watch.peak).toBeGreaterThanOrEqual(2);
    expect(watch.peak).toBeLessThanOrEqual(3);
    expect(progress.every((value, i) => i === 0 || value >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(23 * MiB);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('coalesces progress into one event per file per scheduled frame, and reports 100 % before done', async () => {
    const frames: (() => void)[] = [];
    const { file } = randomFile(12 * MiB);
    const up = uploader({ scheduleProgress: (flush) => frames.push(flush) });
    const events: string[] = [];
    up.on('progress', ({ upload }) => events.push(`progress:${upload.bytesSent}`));
    up.on('state', ({ upload }) => events.push(upload.state));
    const done = await settled(up, up.add(file).id);
    expect(done.state).toBe('done');
    // No frame ran: the only progress event is the one flushed ahead of the state change.
    expect(events.filter((e) => e.startsWith('progress'))).toEqual([`progress:${12 * MiB}`]);
    expect(events.slice(-3)).toEqual([`progress:${12 * MiB}`, 'completing', 'done']);
    expect(frames.length).toBe(1);
    frames[0]!();
    expect(events.filter((e) => e.startsWith('progress'))).toHaveLength(1);
  });

  it('pauses keeping stored parts, resumes, and stores an identical object', async () => {
    const { data, file } = randomFile(16 * MiB);
    const up = uploader({ concurrency: 1, scheduleProgress: (flush) => flush() });
    const watch = watchPartConcurrency(stack.store);
    const { id } = up.add(file);
    await new Promise<void>((resolve) => {
      const off = up.on('progress', ({ upload }) => {
        if (upload.parts.done >= 1) {
          off();
          up.pause(id);
          resolve();
        }
      });
    });
    expect(up.get(id)!.state).toBe('paused');
    const doneBeforeResume = up.get(id)!.parts.done;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const partsWhilePaused = watch.parts;
    up.resume(id);
    const done = await settled(up, id);
    watch.stop();
    expect(done.state).toBe('done');
    // Stored parts were not sent again: at most the part in flight at pause time was repeated.
    expect(watch.parts - partsWhilePaused).toBeLessThanOrEqual(4 - doneBeforeResume);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('cancel aborts the multipart upload on the store: nothing is left open', async () => {
    const { file } = randomFile(16 * MiB, 'cancel-me.bin');
    const up = uploader({ concurrency: 1, scheduleProgress: (flush) => flush() });
    const { id } = up.add(file);
    await new Promise<void>((resolve) => {
      const off = up.on('progress', ({ upload }) => {
        if (upload.parts.done >= 1) {
          off();
          resolve();
        }
      });
    });
    await up.cancel(id);
    expect(up.get(id)!.state).toBe('cancelled');
    expect(await stack.openMultipartUploads()).toEqual([]);
  });

  it('cancel while completing leaves the upload to finish: the store is already assembling it', async () => {
    const http = createHttpEndpoint({ url: stack.endpoint });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding: Endpoint = {
      ...http,
      completeMultipart: async (input, options) => {
        await held;
        return http.completeMultipart(input, options);
      },
    };
    const { data, file } = randomFile(6 * MiB);
    const up = new Uploader({ endpoint: holding, partSize: 5 * MiB });
    const { id } = up.add(file);
    await new Promise<void>((resolve) => up.on('state', ({ upload }) => upload.state === 'completing' && resolve()));
    await up.cancel(id);
    expect(up.get(id)!.state).toBe('completing');
    release();
    const done = await settled(up, id);
    expect(done.state).toBe('done');
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('never has more signing calls in flight than the concurrency, however many files are added', async () => {
    const http = createHttpEndpoint({ url: stack.endpoint });
    let current = 0;
    let peak = 0;
    const counting: Endpoint = {
      ...http,
      singlePutParams: async (input, options) => {
        peak = Math.max(peak, ++current);
        try {
          return await http.singlePutParams(input, options);
        } finally {
          current--;
        }
      },
    };
    const up = new Uploader({ endpoint: counting, concurrency: 2 });
    const ids = Array.from({ length: 30 }, (_, i) => up.add(randomFile(100, `small-${i}.txt`).file).id);
    const results = await Promise.all(ids.map((id) => settled(up, id)));
    expect(results.every((upload) => upload.state === 'done')).toBe(true);
    expect(peak).toBe(2);
  });

  it('remove() aborts an unfinished multipart upload on the store and reports the removal', async () => {
    const up = uploader({ concurrency: 1, scheduleProgress: (flush) => flush() });
    const { id } = up.add(randomFile(16 * MiB, 'remove-me.bin').file);
    await new Promise<void>((resolve) => up.on('progress', ({ upload }) => upload.parts.done >= 1 && resolve()));
    const removed: string[] = [];
    up.on('remove', ({ upload }) => removed.push(upload.id));
    await up.remove(id);
    expect(removed).toEqual([id]);
    expect(up.get(id)).toBeUndefined();
    expect(await stack.openMultipartUploads()).toEqual([]);
  });

  it('a file with no type is stored as application/octet-stream', async () => {
    const { file } = randomFile(10, 'blob', '');
    const up = uploader();
    const done = await settled(up, up.add(file).id);
    expect((await stack.objectHead(done.key!)).contentType).toBe('application/octet-stream');
  });

  it('an unreachable endpoint ends in a typed error after the configured retries, and retry() starts again', async () => {
    const up = new Uploader({ endpoint: 'http://127.0.0.1:9/api', retry: { limit: 1, backoffMs: 1 } });
    const retries: number[] = [];
    up.on('retry', ({ attempt }) => retries.push(attempt));
    const { id } = up.add(new File(['x'], 'x.txt'));
    const failed = await settled(up, id);
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('retries-exhausted');
    expect((failed.error?.cause as { code?: string }).code).toBe('endpoint-unreachable');
    expect(retries).toEqual([0]);
    up.retry(id);
    expect(up.get(id)!.state).toBe('preparing'); // started again…
    expect((await settled(up, id)).state).toBe('error'); // …and failed again: nothing is listening there
  });

  it('surfaces a 403 SignatureDoesNotMatch with the store’s StringToSign, without retrying it', async () => {
    // A signer whose answer names another Content-Type than the one it signed: the classic 403.
    const http = createHttpEndpoint({ url: stack.endpoint });
    const misconfigured: Endpoint = {
      ...http,
      singlePutParams: async (input, options) => ({
        ...(await http.singlePutParams(input, options)),
        headers: { 'Content-Type': 'image/png' },
      }),
    };
    const up = new Uploader({ endpoint: misconfigured });
    const retries: unknown[] = [];
    up.on('retry', (event) => retries.push(event));
    const failed = await settled(up, up.add(new File(['hello'], 'a.txt', { type: 'text/plain' })).id);
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('signature-mismatch');
    const details = (failed.error as unknown as { details: Record<string, string>; status: number }).details;
    expect(details['Code']).toBe('SignatureDoesNotMatch');
    expect(details['StringToSign']).toContain('AWS4-HMAC-SHA256');
    // The development build's hint (vitest resolves the `development` condition) names the header.
    expect(failed.error?.message).toMatch(/Content-Type is signed/);
    expect(retries).toEqual([]);
  });

  it('aborts the multipart upload when a part fails for good (SignatureDoesNotMatch): nothing is left open', async () => {
    const http = createHttpEndpoint({ url: stack.endpoint });
    // A signer whose second part's signature is wrong: the store answers 403 SignatureDoesNotMatch.
    const tampering: Endpoint = {
      ...http,
      signParts: async (input, options) =>
        (await http.signParts(input, options)).map((part) =>
          part.partNumber === 2
            ? { ...part, url: part.url.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000') }
            : part,
        ),
    };
    const up = new Uploader({ endpoint: tampering, partSize: 5 * MiB });
    const failed = await settled(up, up.add(randomFile(12 * MiB).file).id);
    expect(failed.error?.code).toBe('signature-mismatch');
    await expect.poll(() => stack.openMultipartUploads()).toEqual([]);
  });

  it('refuses bad options with a typed error', () => {
    expect(() => new Uploader({ endpoint: stack.endpoint, partSize: MiB })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => new Uploader({ endpoint: stack.endpoint, concurrency: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => new Uploader({ endpoint: '' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  /** The stack's endpoint, counting what it is asked to sign (every call still goes to the real server). */
  function countingEndpoint() {
    const real = createHttpEndpoint({ url: stack.endpoint });
    const seen = { calls: 0, parts: 0 };
    const endpoint: Endpoint = {
      ...real,
      signParts: (input, options) => {
        seen.calls++;
        seen.parts += input.partNumbers.length;
        return real.signParts(input, options);
      },
    };
    return { endpoint, seen };
  }

  it('signs part URLs just in time: a batch or so ahead of the parts sent, not the whole file up front', async () => {
    const { endpoint, seen } = countingEndpoint();
    const up = uploader({ endpoint, concurrency: 2, signBatchSize: 2 });
    let signedAtFirstPart = -1;
    up.on('progress', ({ upload }) => {
      if (signedAtFirstPart < 0 && upload.parts.done > 0) signedAtFirstPart = seen.parts;
    });
    const { data, file } = randomFile(40 * MiB);
    const done = await settled(up, up.add(file).id);
    expect(done.state).toBe('done');
    expect(signedAtFirstPart).toBeGreaterThan(0);
    expect(signedAtFirstPart).toBeLessThanOrEqual(6);
    expect(seen.parts).toBe(8);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('signs nothing more once a part failed for good', async () => {
    stack.storeFaults.inject({
      method: 'PUT',
      url: /[?&]partNumber=1&/,
      times: 5,
      fault: {
        kind: 'status',
        status: 403,
        body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      },
    });
    const { endpoint, seen } = countingEndpoint();
    const up = uploader({ endpoint, concurrency: 2, signBatchSize: 2 });
    const failed = await settled(up, up.add(randomFile(40 * MiB).file).id);
    stack.storeFaults.clear();
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('store');
    expect(seen.calls).toBeLessThanOrEqual(3);
  });

  it('a 404 to create itself (a wrong endpoint path) is an endpoint error, not a lost upload to restart', async () => {
    const up = uploader({ endpoint: `${stack.endpoint}/not-here`, retry: { limit: 0 } });
    const failed = await settled(up, up.add(randomFile(6 * MiB).file).id);
    expect(failed.state).toBe('error');
    expect(failed.error).toMatchObject({
      code: 'endpoint',
      status: 404,
      serverCode: 'not-found',
      operation: 'create-multipart',
    });
  });
});
