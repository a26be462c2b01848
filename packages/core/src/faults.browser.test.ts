import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Uploader, type UploadSnapshot } from './index.js';

const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;

function settled(uploader: Uploader, id: string): Promise<UploadSnapshot> {
  return new Promise((resolve) => {
    uploader.on('state', ({ upload }) => {
      if (upload.id === id && ['done', 'error', 'cancelled'].includes(upload.state)) resolve(upload);
    });
  });
}

describe('faults in the browser (XHR transport)', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('aborts a PUT that stalls (the store takes the body and never answers) and sends it again', async () => {
    await executeServerCommand('ferry-fault', { method: 'PUT', url: '[?&]partNumber=1&', fault: { kind: 'stall' } });
    const uploader = new Uploader({ endpoint: stack.endpoint, partSize: 5 * 1024 * 1024, stallTimeout: 700, retry: { backoffMs: 10 } });
    const codes: string[] = [];
    uploader.on('retry', ({ error }) => codes.push((error as { code: string }).code));
    const file = randomFile(6 * 1024 * 1024, 'stalls.bin');
    const { id } = uploader.add(file);
    const done = await settled(uploader, id);
    expect(done.state).to.equal('done');
    expect(codes).to.deep.equal(['stalled']);
    expect(await storedSha256(stack.storeEndpoint, stack.bucket, done.key!)).to.equal(await sha256Hex(file));
  });

  it('shows a 500 from the store to the engine (CORS headers on the fault) and retries it', async () => {
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'status', status: 500 } });
    const uploader = new Uploader({ endpoint: stack.endpoint, retry: { backoffMs: 10 } });
    const statuses: number[] = [];
    uploader.on('retry', ({ error }) => statuses.push((error as { status: number }).status));
    const { id } = uploader.add(randomFile(1000, 'small.txt', 'text/plain'));
    expect((await settled(uploader, id)).state).to.equal('done');
    expect(statuses).to.deep.equal([500]);
  });
});
