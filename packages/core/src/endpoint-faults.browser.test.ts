import { randomFile, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createHttpEndpoint, Uploader, type UploaderEvents, type UploadSnapshot } from './index.js';

// Faults injected by a real proxy between Chromium and the real signing endpoint.
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;
// By method too: a rule without one would also match the CORS preflight of the call.
const inject = (rule: { url: string; fault: unknown }) =>
  executeServerCommand('ferry-endpoint-fault', { ...rule, method: rule.url === '/params' ? 'GET' : 'POST' });
const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';

async function run(size: number, timeout?: number) {
  const endpoint = timeout === undefined ? stack.endpoint : createHttpEndpoint({ url: stack.endpoint, timeout });
  const uploader = new Uploader({ endpoint, partSize: 5 * MiB, retry: { backoffMs: 10 } });
  const retries: UploaderEvents['retry'][] = [];
  uploader.on('retry', (event) => retries.push(event));
  const { id } = uploader.add(randomFile(size, 'f.bin'));
  const final = await new Promise<UploadSnapshot>((resolve) =>
    uploader.on(
      'state',
      ({ upload }) => upload.id === id && ['done', 'error'].includes(upload.state) && resolve(upload),
    ),
  );
  return { final, retries };
}

describe('faults at the signing endpoint, from Chromium', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('retries a 500 that answers with an HTML page', async () => {
    await inject({
      url: '/params',
      fault: { kind: 'status', status: 500, headers: { 'Content-Type': 'text/html' }, body: html },
    });
    const { final, retries } = await run(100);
    expect(final.state).to.equal('done');
    expect(retries.map((r) => (r.error as { status: number }).status)).to.deep.equal([500]);
  });

  it('retries a signing call that never answers, after the timeout', async () => {
    await inject({ url: '/batch', fault: { kind: 'stall' } });
    const { final, retries } = await run(6 * MiB, 300);
    expect(final.state).to.equal('done');
    expect(retries[0]?.error).to.include({ code: 'endpoint-unreachable', operation: 'sign-parts' });
  });

  it('a signing call that hangs holds no store slot: another file goes up meanwhile', async () => {
    await inject({ url: '/batch', fault: { kind: 'stall' } });
    const endpoint = createHttpEndpoint({ url: stack.endpoint, timeout: 1500 });
    const uploader = new Uploader({ endpoint, partSize: 5 * MiB, concurrency: 2, retry: { backoffMs: 10 } });
    const seen: string[] = [];
    uploader.on('retry', ({ upload }) => seen.push(`retry ${upload.name}`));
    uploader.on('complete', ({ upload }) => seen.push(`done ${upload.name}`));
    // Three parts wait for the hanging batch; with 2 PUTs at once they would hold both slots.
    const slow = uploader.add(randomFile(12 * MiB, 'slow.bin'));
    await new Promise<void>((resolve) =>
      uploader.on('state', ({ upload }) => upload.state === 'uploading' && resolve()),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const quick = uploader.add(randomFile(100, 'quick.txt'));
    await Promise.all([untilSettled(uploader, slow.id), untilSettled(uploader, quick.id)]);
    expect(seen).to.deep.equal(['done quick.txt', 'retry slow.bin', 'done slow.bin']);
  });

  it('stops on a 401 page without retrying, showing its text', async () => {
    await inject({ url: '/params', fault: { kind: 'status', status: 401, body: '<html>Sign in first</html>' } });
    const { final, retries } = await run(100);
    expect(final.error).to.include({ code: 'endpoint', status: 401 });
    expect(final.error?.message).to.contain('Sign in first');
    expect(retries).to.deep.equal([]);
  });

  for (const [what, url, body, field] of [
    ['is not JSON', '/params', 'ok!', /not JSON/],
    ['has no url', '/params', '{"method":"PUT","headers":{},"key":"k"}', /response\.url should be a non-empty string/],
    [
      'has headers of the wrong type',
      '/params',
      '{"url":"http://x","headers":{"a":1},"key":"k"}',
      /response\.headers\.a should be a string/,
    ],
    ['has an uploadId of the wrong type', '/multipart$', '{"uploadId":42,"key":"k"}', /response\.uploadId/],
    ['signs parts without a list', '/batch', '{"parts":"all"}', /response\.parts should be an array/],
  ] as const) {
    it(`stops with code 'endpoint' naming the field when the answer ${what}`, async () => {
      await inject({
        url,
        fault: { kind: 'status', status: 200, headers: { 'Content-Type': 'application/json' }, body },
      });
      const { final } = await run(url === '/params' ? 100 : 6 * MiB);
      expect(final.error?.code).to.equal('endpoint');
      expect(final.error?.message).to.match(field);
    });
  }

  it('an unreachable endpoint ends in a typed error', async () => {
    const uploader = new Uploader({ endpoint: 'http://127.0.0.1:9/api', retry: { limit: 1, backoffMs: 1 } });
    const { id } = uploader.add(randomFile(10, 'x.txt'));
    const final = await new Promise<UploadSnapshot>((resolve) =>
      uploader.on('state', ({ upload }) => upload.id === id && upload.state === 'error' && resolve(upload)),
    );
    expect(final.error?.code).to.equal('retries-exhausted');
    expect((final.error?.cause as { code: string }).code).to.equal('endpoint-unreachable');
  });
});
