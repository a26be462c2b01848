// Integrity checks from real Chromium: parts hashed in the module Worker, digests signed by the
// real @ferry/server, bytes damaged on the way by the fault proxy, and judged by the real
// digest-checking local store (S3) or the OSS CONTRACT FAKE (Content-MD5, x-oss-hash-crc64ecma).
import { randomFile, sha256Hex, storedSha256, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { isStoreError, Uploader, type UploaderEvents } from '../index.js';
import { createMemoryResumeStore } from '../resume/index.js';
import { crc64, createWorkerHasher, isIntegrityError, withChecksums, type ChecksumOptions } from './index.js';

const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

type Rule = { method?: string; url?: string; times?: number; fault: unknown };
const part = (n: number) => `[?&]partNumber=${n}&`;
const corrupt = { kind: 'corrupt', offset: 12_345 };
const ossCalls = (key: string) =>
  executeServerCommand<{ operation: string; status: number; signedHeaders: string[] }[], { key: string }>(
    'ferry-oss-calls',
    { key },
  );

/** Uploads `file` with checksums on, after `fault` (a rule for the S3 or OSS store proxy). */
async function upload(
  endpoint: string,
  file: File,
  checksums: ChecksumOptions,
  fault?: { command: 'ferry-fault' | 'ferry-oss-fault'; rule: Rule },
) {
  if (fault) await executeServerCommand(fault.command, fault.rule);
  const uploader = new Uploader(withChecksums({ endpoint, partSize: 5 * MiB, retry: { backoffMs: 10 } }, checksums));
  const retries: UploaderEvents['retry'][] = [];
  uploader.on('retry', (event) => retries.push(event));
  const { id } = uploader.add(file);
  return { uploader, id, retries, done: await untilSettled(uploader, id) };
}

const storedOss = async (base: string, key: string) =>
  sha256Hex(await (await fetch(`${base}/${key.split('/').map(encodeURIComponent).join('/')}`)).arrayBuffer());

describe('withChecksums in Chromium', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('S3, SHA-256: parts are hashed in the module Worker, a part damaged on the way is refused (BadDigest) and sent again, the object is identical', async () => {
    const file = randomFile(12 * MiB + 3, 'sha.bin');
    const { done, retries } = await upload(
      stack.endpoint,
      file,
      { algorithm: 'sha256' },
      { command: 'ferry-fault', rule: { method: 'PUT', url: part(2), fault: corrupt } },
    );
    expect(done.state, done.error?.message).to.equal('done');
    expect(
      retries.map(({ partNumber, error }) => [partNumber, isStoreError(error) && error.details['Code']]),
    ).to.deep.equal([[2, 'BadDigest']]);
    expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
    // The default hasher ran the self-contained worker script; the page itself hashed nothing.
    expect(
      performance.getEntriesByType('resource').some((entry) => /\/hash-worker\.js$/.test(new URL(entry.name).pathname)),
    ).to.equal(true);
  });

  it('S3, CRC-32C and MD5 single PUTs: a body damaged on the way is refused and sent again', async () => {
    for (const algorithm of ['crc32c', 'md5'] as const) {
      const file = randomFile(40_000, `${algorithm}.txt`, 'text/plain');
      const { done, retries } = await upload(
        stack.endpoint,
        file,
        { algorithm },
        { command: 'ferry-fault', rule: { method: 'PUT', fault: corrupt } },
      );
      expect(done.state, done.error?.message).to.equal('done');
      expect(done.method).to.equal('single');
      expect(retries.map(({ error }) => isStoreError(error) && error.details['Code'])).to.deep.equal(['BadDigest']);
      expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
    }
  });

  it('OSS, Content-MD5 and CRC-64 hashed by a pool of 3 workers: every part signs its Content-MD5, a damaged part is refused (InvalidDigest) and sent again, the whole object’s CRC-64 matches', async () => {
    const file = randomFile(16 * MiB + 5, 'md5.bin');
    const completed: string[] = [];
    const hasher = createWorkerHasher({ workers: 3 });
    const { done, retries } = await upload(
      stack.ossEndpoint,
      file,
      { algorithm: 'md5', crc64: true, hasher },
      { command: 'ferry-oss-fault', rule: { method: 'PUT', url: part(3), fault: corrupt } },
    );
    expect(done.state, done.error?.message).to.equal('done');
    expect(
      retries.map(({ partNumber, error }) => [partNumber, isStoreError(error) && error.details['Code']]),
    ).to.deep.equal([[3, 'InvalidDigest']]);
    const calls = await ossCalls(done.key!);
    const parts = calls.filter((call) => call.operation === 'upload-part');
    expect(parts.length).to.equal(5); // four parts, part 3 twice
    expect(parts.every((call) => call.signedHeaders.includes('content-md5'))).to.equal(true);
    completed.push(...calls.filter((call) => call.operation === 'complete').map((call) => String(call.status)));
    expect(completed).to.deep.equal(['200']);
    expect(await storedOss(stack.ossUrl, done.key!)).to.equal(await sha256Hex(file));
    hasher.close?.();
  });

  it('a hash worker that cannot load fails the upload with invalid-input naming its URL (checksums are never skipped), and aborts the multipart upload', async () => {
    const createsBefore = await executeServerCommand<number, undefined>('ferry-store-creates');
    const hasher = createWorkerHasher({ workerUrl: '/no/such/hash-worker.js' });
    const { done } = await upload(stack.endpoint, randomFile(11 * MiB, 'unhashed.bin'), {
      algorithm: 'sha256',
      hasher,
    });
    expect(done.state).to.equal('error');
    expect(done.error?.code).to.equal('invalid-input');
    expect(done.error?.message).to.contain('/no/such/hash-worker.js');
    expect(await executeServerCommand<number, undefined>('ferry-store-creates')).to.equal(createsBefore + 1);
    // The abort follows the error event: wait for it, as a person reading the error would.
    const isOpen = async () =>
      (await executeServerCommand<string[], undefined>('ferry-open-uploads')).includes(done.key!);
    for (let i = 0; i < 50 && (await isOpen()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await isOpen()).to.equal(false);
  });

  it('OSS, CRC-64 only: a part stored damaged is caught by its x-oss-hash-crc64ecma, sent again, and the object is identical', async () => {
    const file = randomFile(11 * MiB, 'crc.bin');
    const { done, retries } = await upload(
      stack.ossEndpoint,
      file,
      { crc64: true },
      { command: 'ferry-oss-fault', rule: { method: 'PUT', url: part(2), fault: corrupt } },
    );
    expect(done.state, done.error?.message).to.equal('done');
    expect(retries.length).to.equal(1);
    const [{ error, partNumber }] = retries as [UploaderEvents['retry']];
    expect(partNumber).to.equal(2);
    expect(isIntegrityError(error) && error.code).to.equal('integrity');
    expect(isIntegrityError(error) && error.expected).to.equal(
      String(crc64(new Uint8Array(await file.slice(5 * MiB, 10 * MiB).arrayBuffer()))),
    );
    expect(isIntegrityError(error) && error.actual).to.not.equal(isIntegrityError(error) && error.expected);
    expect(await storedOss(stack.ossUrl, done.key!)).to.equal(await sha256Hex(file));
  });

  it('OSS, CRC-64 only: a single PUT stored damaged is caught and sent again', async () => {
    const file = randomFile(30_000, 'small.txt', 'text/plain');
    const { done, retries } = await upload(
      stack.ossEndpoint,
      file,
      { crc64: true },
      { command: 'ferry-oss-fault', rule: { method: 'PUT', fault: corrupt } },
    );
    expect(done.state, done.error?.message).to.equal('done');
    expect(retries.map(({ error }) => isIntegrityError(error) && error.resend)).to.deep.equal([true]);
    expect(await storedOss(stack.ossUrl, done.key!)).to.equal(await sha256Hex(file));
  });

  it('OSS with a CORS rule hiding the CRC header: a damaged part passes unseen, the whole object’s CRC-64 catches it (integrity), and retry sends the file anew', async () => {
    const file = randomFile(11 * MiB, 'hidden.bin');
    const { uploader, id, done } = await upload(
      stack.ossHiddenCrcEndpoint,
      file,
      { crc64: true },
      { command: 'ferry-oss-fault', rule: { method: 'PUT', url: part(2), fault: corrupt } },
    );
    expect(done.state).to.equal('error');
    expect(done.error?.code).to.equal('integrity');
    expect(done.error?.message).to.contain('differs from the file');
    // The damaged object is deleted (with its complete answer's delete token) before the error.
    const error = done.error;
    expect(isIntegrityError(error) && { key: error.key, stillStored: error.stillStored }).to.deep.equal({
      key: done.key,
      stillStored: false,
    });
    expect((await fetch(`${stack.ossHiddenCrcUrl}/${done.key!}`)).status).to.equal(404);
    uploader.retry(id);
    const again = await untilSettled(uploader, id);
    expect(again.state, again.error?.message).to.equal('done');
    expect(await storedOss(stack.ossHiddenCrcUrl, again.key!)).to.equal(await sha256Hex(file));
    // The retry is a new multipart upload from the start, not a second complete of the finished
    // one that happens to get a 404.
    const completes = (await ossCalls(done.key!)).filter((call) => call.operation === 'complete');
    expect(completes.map((call) => call.status)).to.deep.equal([200]);
    expect((await ossCalls(done.key!)).filter((call) => call.operation === 'delete-object').length).to.equal(1);
    expect(again.key).to.not.equal(done.key);
  });

  it('OSS with a CORS rule hiding the CRC header: a single PUT cannot be checked, says so, is deleted, and retry sends nothing again', async () => {
    const { uploader, id, done, retries } = await upload(
      stack.ossHiddenCrcEndpoint,
      randomFile(2000, 'unchecked.txt', 'text/plain'),
      { crc64: true },
    );
    expect(done.state).to.equal('error');
    expect(done.error?.code).to.equal('integrity-unverifiable');
    expect(done.error?.message).to.contain('must expose x-oss-hash-crc64ecma');
    expect(retries).to.deep.equal([]);
    expect(isIntegrityError(done.error) && done.error.stillStored).to.equal(false);
    expect((await fetch(`${stack.ossHiddenCrcUrl}/${done.key!}`)).status).to.equal(404);
    uploader.retry(id);
    const again = await untilSettled(uploader, id);
    expect(again.state).to.equal('error');
    expect(again.error?.code).to.equal('integrity-unverifiable');
    expect(again.error?.message).to.contain('Not sent');
    expect(again.key).to.equal(done.key);
    const calls = (await ossCalls(done.key!)).map((call) => call.operation);
    expect(calls.filter((operation) => operation === 'put-object').length).to.equal(1);
    expect(calls.filter((operation) => operation === 'delete-object').length).to.equal(1);
  });

  it('OSS, CRC-64 after a resume: parts stored in an earlier session are hashed at completion and the combined CRC-64 matches', async () => {
    const file = randomFile(21 * MiB, 'resumed.bin');
    const resumeStore = createMemoryResumeStore();
    const options = { endpoint: stack.ossEndpoint, partSize: 5 * MiB, concurrency: 1, resumeStore };
    // First session: stop once two parts are stored.
    const first = new Uploader(withChecksums(options, { crc64: true }));
    const { id } = first.add(file);
    await new Promise<void>((resolve) => first.on('progress', ({ upload }) => upload.parts.done >= 2 && resolve()));
    first.pause(id);
    // Second session: new uploader, new caches; the stored parts are listed, not sent again.
    const second = new Uploader(withChecksums(options, { crc64: true }));
    const resumed = second.add(file);
    const done = await untilSettled(second, resumed.id);
    expect(done.state, done.error?.message).to.equal('done');
    const puts = (await ossCalls(done.key!)).filter((call) => call.operation === 'upload-part').length;
    expect(puts).to.be.below(5 + 2);
    expect(await storedOss(stack.ossUrl, done.key!)).to.equal(await sha256Hex(file));
  });
});
