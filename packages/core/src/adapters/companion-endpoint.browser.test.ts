import { randomFile, sha256Hex, storedSha256, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { isEndpointError, Uploader, type UploadSnapshot } from '../index.js';
import { createCompanionEndpoint } from './companion-endpoint.js';

// Ferry's engine against a real Uppy Companion (@uppy/companion, signing for the local store):
// what fails when it is simply pointed at Companion, and the adapter that makes it work.
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

async function upload(uploader: Uploader, file: File): Promise<UploadSnapshot> {
  const { id } = uploader.add(file);
  return untilSettled(uploader, id);
}

const companionUploader = (options: { multipartThreshold?: number } = {}) =>
  new Uploader({
    endpoint: createCompanionEndpoint({ url: stack.companionUrl }),
    partSize: 5 * MiB,
    retry: { limit: 0 },
    ...options,
  });

describe('Ferry against a real Uppy Companion', () => {
  it('pointed straight at Companion’s /s3, a single PUT fails: its answer is a POST form, with no key', async () => {
    const uploader = new Uploader({ endpoint: `${stack.companionUrl}/s3`, retry: { limit: 0 } });
    const done = await upload(uploader, randomFile(1024, 'plain-single.bin'));
    expect(done.state).to.equal('error');
    expect(isEndpointError(done.error)).to.equal(true);
    expect(done.error?.message).to.contain('response.key');
  });

  it('pointed straight at Companion’s /s3, multipart fails at signing: Companion has no POST batch route', async () => {
    const uploader = new Uploader({ endpoint: `${stack.companionUrl}/s3`, partSize: 5 * MiB, retry: { limit: 0 } });
    const done = await upload(uploader, randomFile(6 * MiB, 'plain-multipart.bin'));
    expect(done.state).to.equal('error');
    expect(isEndpointError(done.error) && done.error.operation).to.equal('sign-parts');
    expect(isEndpointError(done.error) && done.error.status).to.equal(404);
    await uploader.cancel(done.id);
  });

  it('through createCompanionEndpoint with multipartThreshold 0: 1 KiB and 12 MiB stored byte for byte', async () => {
    const uploader = companionUploader({ multipartThreshold: 0 });
    for (const file of [randomFile(1024, 'companion-small.bin'), randomFile(12 * MiB, 'companion-large.bin')]) {
      const done = await upload(uploader, file);
      expect(done.state, done.error?.message).to.equal('done');
      expect(done.method).to.equal('multipart');
      expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
    }
  });

  it('through createCompanionEndpoint, cancel aborts on the store', async () => {
    const uploader = companionUploader({ multipartThreshold: 0 });
    const name = `companion-cancel-${crypto.randomUUID()}.bin`;
    // Cancelled as soon as the multipart upload exists on the store (the state event is
    // synchronous with it): waiting for a first part let the whole 12 MiB finish on a fast run.
    const uploading = new Promise<void>((resolve) =>
      uploader.on('state', ({ upload }) => upload.state === 'uploading' && resolve()),
    );
    const { id } = uploader.add(randomFile(12 * MiB, name));
    await uploading;
    void uploader.cancel(id);
    expect((await untilSettled(uploader, id)).state).to.equal('cancelled');
    const open = async () =>
      (await executeServerCommand<string[], undefined>('ferry-open-uploads')).filter((key) => key.endsWith(name));
    for (let i = 0; i < 50 && (await open()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await open()).to.deep.equal([]);
  });

  it('through createCompanionEndpoint, a single request is refused with what to do instead', async () => {
    const done = await upload(companionUploader(), randomFile(1024, 'companion-single.bin'));
    expect(done.state).to.equal('error');
    expect(done.error?.message).to.contain('multipartThreshold: 0');
  });
});
