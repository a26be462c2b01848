import { startTestStack, type TestStack } from '@ferry/testing';
import { untilSettled } from '@ferry/testing/browser';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Uploader, type UploaderEvents, type UploaderOptions } from './index.js';

// Faults injected by a real proxy between the engine and the real local store.
const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
afterEach(() => stack.storeFaults.clear());

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

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
  const final = () => untilSettled(uploader, id);
  return { uploader, id, data, retries, final };
}

const putPart = (n: number) => new RegExp(`[?&]partNumber=${n}&`);

// The other store faults are proven in Chromium (faults.browser.test.ts); Node keeps what is
// specific to its fetch transport.
describe('faults on the way to the store (fetch transport)', () => {
  it('retries a part whose connection is reset mid-body', async () => {
    stack.storeFaults.inject({ method: 'PUT', url: putPart(1), fault: { kind: 'reset', afterBytes: 1024 * 1024 } });
    const { data, retries, final } = await upload();
    const done = await final();
    expect(done.state).toBe('done');
    expect(retries.map((r) => (r.error as { code?: string }).code)).toEqual(['network']);
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });

  it('pauses on repeated network failures instead of spending retries, and goes on when the link is back', async () => {
    // Four resets in a row would exhaust a limit of 2; after three the link counts as down and the
    // wait costs no attempt.
    stack.storeFaults.inject({ method: 'PUT', times: 4, fault: { kind: 'reset', afterBytes: 1024 } });
    const { data, final } = await upload({ retry: { limit: 2, backoffMs: 10 } }, MiB);
    const done = await final();
    expect(done.state).toBe('done');
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
  });
});

// The signing endpoint's own 429/503 answers, through the real proxy in front of @ferry/server.
describe('Retry-After from the signing endpoint', () => {
  afterEach(() => stack.endpointFaults.clear());

  const retryAfter = async (fault: { status: number; retryAfter: string }, url: RegExp, size: number) => {
    stack.endpointFaults.inject({
      url,
      fault: { kind: 'status', status: fault.status, headers: { 'Retry-After': fault.retryAfter } },
    });
    const { uploader, data, retries, final } = await upload({ retry: { backoffMs: 10 } }, size);
    let refusedAt = 0;
    uploader.on('retry', () => (refusedAt = Date.now()));
    const done = await final();
    const waited = Date.now() - refusedAt; // the wait, then the rest of the upload
    expect(done.state).toBe('done');
    expect(await stack.objectSha256(done.key!)).toBe(sha256(data));
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ error: { name: 'EndpointError', status: fault.status } });
    return { delayMs: retries[0]!.delayMs, refusedAt, waited };
  };

  it('waits the seconds of a 429 answer to sign parts before asking again', async () => {
    const { delayMs, waited } = await retryAfter({ status: 429, retryAfter: '1' }, /\/batch/, 12 * MiB);
    expect(delayMs).toBe(1000);
    expect(waited).toBeGreaterThanOrEqual(1000);
  });

  it('waits until the HTTP date of a 503 answer to the single-PUT params', async () => {
    const date = new Date(Date.now() + 3000).toUTCString(); // whole seconds
    const { delayMs, refusedAt, waited } = await retryAfter({ status: 503, retryAfter: date }, /\/params/, MiB);
    // The time from the refusal to that date (the event fires a moment after the header is read).
    expect(Math.abs(delayMs - (Date.parse(date) - refusedAt))).toBeLessThan(100);
    expect(delayMs).toBeGreaterThan(0);
    expect(waited).toBeGreaterThanOrEqual(delayMs);
  });

  it('caps a long Retry-After at maxRetryAfterMs, and without one backs off as usual', async () => {
    stack.endpointFaults.inject({
      url: /\/multipart$/,
      fault: { kind: 'status', status: 429, headers: { 'Retry-After': '3600' } },
    });
    stack.endpointFaults.inject({ url: /\/complete/, fault: { kind: 'status', status: 503 } });
    const { retries, final } = await upload({ retry: { backoffMs: 10, maxRetryAfterMs: 50 } });
    expect((await final()).state).toBe('done');
    expect(retries.map((retry) => retry.delayMs)).toEqual([50, expect.any(Number)]);
    expect(retries[1]!.delayMs).toBeLessThan(10);
  });
});
