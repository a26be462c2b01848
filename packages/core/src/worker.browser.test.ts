import { expect } from '@open-wc/testing';
import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';

const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;

interface Outcome {
  state: string;
  key: string;
  method: string;
  bytesSent: number;
  progressEvents: number;
  error?: string;
}

describe('@ferry/core in a module Worker', () => {
  it('uploads a multipart file from inside a Worker (no DOM), with progress, byte for byte', async () => {
    const worker = new Worker(new URL('./test-fixtures/upload-worker.ts', import.meta.url), { type: 'module' });
    const file = randomFile(11 * 1024 * 1024, 'from-worker.bin');
    const outcome = new Promise<Outcome>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<Outcome>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
    });
    worker.postMessage({ endpoint: stack.endpoint, file });
    const result = await outcome;
    worker.terminate();
    expect(result.error).to.equal(undefined);
    expect(result.state).to.equal('done');
    expect(result.method).to.equal('multipart');
    expect(result.bytesSent).to.equal(file.size);
    expect(result.progressEvents).to.be.greaterThan(0);
    expect(await storedSha256(result.key)).to.equal(await sha256Hex(file));
  });
});
