import { randomFile, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { Uploader } from './index.js';

// A bucket whose CORS rule leaves the page out: the browser reports every PUT as a network
// error, exactly as when offline. Ferry must tell the two apart, not wait forever.
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

describe('a store whose CORS rule refuses the page', () => {
  it("fails every file with a typed 'cors' error naming the rule to add, instead of waiting for a connection", async () => {
    const uploader = new Uploader({ endpoint: stack.corsRefusedEndpoint, partSize: 5 * MiB, retry: { backoffMs: 50 } });
    const started = performance.now();
    const single = uploader.add(randomFile(1000, 'small.txt', 'text/plain'));
    const multipart = uploader.add(randomFile(12 * MiB, 'large.bin'));
    const [small, large] = await Promise.all([untilSettled(uploader, single.id), untilSettled(uploader, multipart.id)]);
    for (const failed of [small, large]) {
      expect(failed.state).to.equal('error');
      expect(failed.error?.code).to.equal('cors');
      expect(failed.error?.message)
        .to.contain(`AllowedOrigin ${location.origin}`)
        .and.contain('AllowedMethod PUT')
        .and.contain('ExposeHeader ETag');
    }
    // Bounded: a handful of quick tries, not the 30 s outage back-off.
    expect(performance.now() - started).to.be.below(15_000);
  });

  it('still treats a store that answers as reachable: the same files upload through a store that allows the page', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB });
    const { id } = uploader.add(randomFile(6 * MiB, 'allowed.bin'));
    expect((await untilSettled(uploader, id)).state).to.equal('done');
  });
});
