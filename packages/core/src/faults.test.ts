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
