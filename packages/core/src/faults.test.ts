import { startTestStack, type TestStack } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Uploader, type UploaderEvents, type UploaderOptions, type UploadSnapshot } from './index.js';

// Faults injected by a real proxy between the engine and the real local store.
const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
afterEach(() => stack.storeFaults.clear());

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const expiredXml =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
const noSuchUploadXml =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';

async function upload(options: Partial<UploaderOptions> = {}, size = 12 * MiB) {
  const data = new Uint8Array(randomBytes(size));
  const uploader = new Uploader({
    endpoint: stack.endpoint,
    partSize: 5 * MiB,
    retry: { backoffMs: 10 },
    scheduleProgress: (flush) => flush(),
    ...options,
  });
  const retries: UploaderEvents['retry'][] = [];
  uploader.on('retry', (event) => retries.push(event));
  const { id } = uploader.add(new File([data], 'faulty.bin'));
  const final = () =>
    new Promise<UploadSnapshot>((resolve) => {
      const check = () => {
        const snapshot = uploader.get(id)!;
        if (['done', 'error', 'cancelled'].includes(snapshot.state)) resolve(snapshot);
      };
      uploader.on('state', check);
      check();
    });
  return { uploader, id, data, retries, final };
}

const putPart = (n: number) => new RegExp(`[?&]partNumber=${n}&`);

describe('faults on the way to the store', () => {
  it('retries a part answered 500, and the object is identical', async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(2), fault: { kind: 'status', status: 500 } });
    const { data, retries, final } = await upload();
    const done = await final();
    expect(done.state).toBe('done');
    expect(retries.map((r) => [r.partNumber, (r.error as { status?: number }).status])).toEqual([[2, 500]]);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('waits as long as a 503 Retry-After says before retrying', async () => {
    stack.storeFaults.inject({
      method: 'PUT',
      url: putPart(1),
      fault: { kind: 'status', status: 503, headers: { 'Retry-After': '1' } },
    });
    const { retries, final } = await upload();
    const started = performance.now();
    expect((await final()).state).toBe('done');
    expect(retries[0]?.delayMs).toBe(1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('retries a part whose connection is reset mid-body', async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(1), fault: { kind: 'reset', afterBytes: 1024 * 1024 } });
    const { data, retries, final } = await upload();
    const done = await final();
    expect(done.state).toBe('done');
    expect(retries.map((r) => (r.error as { code?: string }).code)).toEqual(['network']);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('re-signs a part whose URL the store calls expired, at once, never failing', async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(3), fault: { kind: 'status', status: 403, body: expiredXml } });
    const { data, retries, final } = await upload();
    const done = await final();
    expect(done.state).toBe('done');
    expect(retries.map((r) => [r.partNumber, (r.error as { code?: string }).code, r.delayMs])).toEqual([[3, 'url-expired', 0]]);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('starts the multipart upload again when the store lost it (NoSuchUpload)', async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(2), fault: { kind: 'status', status: 404, body: noSuchUploadXml } });
    const creates: string[] = [];
    const off = stack.store.onRequest((request) => request.method === 'POST' && /\?uploads/.test(request.url) && creates.push(request.url));
    const { data, final } = await upload();
    const done = await final();
    off();
    expect(done.state).toBe('done');
    expect(creates).toHaveLength(2);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it("stops with code 'upload-lost' when asked to, leaving nothing open", async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(1), fault: { kind: 'status', status: 404, body: noSuchUploadXml } });
    const { final } = await upload({ onUploadLost: 'fail' });
    const failed = await final();
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('upload-lost');
  });

  it('gives up after the retry limit with the last cause, and retry() continues from the stored parts', async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(3), times: 10, fault: { kind: 'status', status: 500 } });
    const { uploader, id, data, final } = await upload({ retry: { limit: 2, backoffMs: 1 } });
    const failed = await final();
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('retries-exhausted');
    expect((failed.error?.cause as { status?: number }).status).toBe(500);
    stack.storeFaults.clear();
    const before = stack.storeFaults.requests.length;
    uploader.retry(id);
    const done = await final();
    expect(done.state).toBe('done');
    const resent = stack.storeFaults.requests.slice(before).filter((r) => r.method === 'PUT');
    expect(resent.map((r) => /partNumber=(\d+)/.exec(r.url)?.[1])).toEqual(['3']);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });
});
