import { startTestStack, type TestStack } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEndpoint, Uploader, type UploaderEvents, type UploadSnapshot } from './index.js';

// Faults injected by a real proxy between the engine and the real signing endpoint.
const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
afterEach(() => stack.endpointFaults.clear());

const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';

async function run(size: number, timeout?: number) {
  const data = new Uint8Array(randomBytes(size));
  const endpoint = timeout === undefined ? stack.endpoint : createHttpEndpoint({ url: stack.endpoint, timeout });
  const uploader = new Uploader({ endpoint, partSize: 5 * MiB, retry: { backoffMs: 10 } });
  const retries: UploaderEvents['retry'][] = [];
  uploader.on('retry', (event) => retries.push(event));
  const { id } = uploader.add(new File([data], 'f.bin'));
  const final = await new Promise<UploadSnapshot>((resolve) =>
    uploader.on('state', ({ upload }) => ['done', 'error'].includes(upload.state) && upload.id === id && resolve(upload)),
  );
  return { final, retries, sha256: createHash('sha256').update(data).digest('hex') };
}

describe('faults at the signing endpoint', () => {
  it('retries a 500 that answers with an HTML page', async () => {
    stack.endpointFaults.inject({ url: /\/params/, fault: { kind: 'status', status: 500, headers: { 'Content-Type': 'text/html' }, body: html } });
    const { final, retries, sha256 } = await run(100);
    expect(final.state).toBe('done');
    expect(retries.map((r) => (r.error as { status?: number }).status)).toEqual([500]);
    expect(await stack.objectSha256(final.key!)).toBe(sha256);
  });

  it('retries a batch-signing call that never answers, after the timeout', async () => {
    stack.endpointFaults.inject({ url: /\/batch/, fault: { kind: 'stall' } });
    const { final, retries } = await run(6 * MiB, 300);
    expect(final.state).toBe('done');
    expect(retries[0]?.error).toMatchObject({ code: 'endpoint-unreachable', operation: 'sign-parts' });
    expect((retries[0]?.error as Error).message).toMatch(/did not answer within 300 ms/);
  });

  it('stops on a 401 with the status and the page it sent, without retrying', async () => {
    stack.endpointFaults.inject({ url: /\/params/, fault: { kind: 'status', status: 401, body: '<html>Sign in first</html>' } });
    const { final, retries } = await run(100);
    expect(final.state).toBe('error');
    expect(final.error).toMatchObject({ code: 'endpoint', status: 401, operation: 'single-put-params' });
    expect(final.error?.message).toContain('Sign in first');
    expect(retries).toEqual([]);
  });

  for (const [what, url, body, field] of [
    ['is not JSON', /\/params/, 'ok!', /not JSON/],
    ['has no url', /\/params/, '{"method":"PUT","headers":{},"key":"k"}', /response\.url should be a non-empty string/],
    ['has headers of the wrong type', /\/params/, '{"url":"http://x","headers":{"a":1},"key":"k"}', /response\.headers\.a should be a string/],
    ['has an uploadId of the wrong type', /\/multipart$/, '{"uploadId":42,"key":"k"}', /response\.uploadId/],
    ['signs parts without a list', /\/batch/, '{"parts":"all"}', /response\.parts should be an array/],
  ] as const) {
    it(`stops with code 'endpoint' naming the field when the answer ${what}`, async () => {
      stack.endpointFaults.inject({ url, fault: { kind: 'status', status: 200, headers: { 'Content-Type': 'application/json' }, body } });
      const { final } = await run(url.source.includes('params') ? 100 : 6 * MiB);
      expect(final.state).toBe('error');
      expect(final.error?.code).toBe('endpoint');
      expect(final.error?.message).toMatch(field);
    });
  }
});
