import { randomFile, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createIndexedDbResumeStore } from './resume/index.js';
import { Uploader, type UploadSnapshot } from './index.js';

// Cancel in every state leaves nothing open on the real store (ListMultipartUploads is empty).
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

let fileName = '';
/** Keys of the multipart uploads open on the store for this test's file (other suites may leave theirs). */
const openUploads = async () =>
  (await executeServerCommand<string[], undefined>('ferry-open-uploads')).filter((key) => key.endsWith(`/${fileName}`));
const delayEndpoint = (url: string, ms: number) =>
  executeServerCommand('ferry-endpoint-fault', { method: 'POST', url, times: 1, fault: { kind: 'delay', ms } });

function multipart(autoStart = true) {
  const uploader = new Uploader({
    endpoint: stack.endpoint,
    partSize: 5 * MiB,
    autoStart,
    resumeStore: createIndexedDbResumeStore({ database: 'ferry-cancel-test' }),
  });
  fileName = `cancelled-${crypto.randomUUID()}.bin`;
  const { id } = uploader.add(randomFile(12 * MiB, fileName));
  const state = () => uploader.get(id)!.state;
  const reaches = (wanted: UploadSnapshot['state']) =>
    new Promise<void>((resolve) => {
      if (state() === wanted) resolve();
      uploader.on('state', ({ upload }) => upload.id === id && upload.state === wanted && resolve());
    });
  return { uploader, id, state, reaches };
}

describe('cancel leaves no multipart upload on the store', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('when queued', async () => {
    const { uploader, id, state } = multipart(false);
    expect(state()).to.equal('queued');
    await uploader.cancel(id);
    expect(state()).to.equal('cancelled');
    expect(await openUploads()).to.deep.equal([]);
  });

  it('when preparing (reading the resume store)', async () => {
    const { uploader, id, state } = multipart();
    expect(state()).to.equal('preparing');
    await uploader.cancel(id);
    expect(state()).to.equal('cancelled');
    // Give a run that ignored the cancel the time to create its upload anyway.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await openUploads()).to.deep.equal([]);
  });

  it('when creating the multipart upload', async () => {
    await delayEndpoint('/multipart$', 800);
    const { uploader, id, state } = multipart();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the create call is held at the proxy
    expect(state()).to.equal('preparing');
    await uploader.cancel(id);
    expect(state()).to.equal('cancelled');
    expect(await openUploads()).to.deep.equal([]);
  });

  it('when uploading', async () => {
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'throttle', bytesPerSecond: 4 * MiB } });
    const { uploader, id, reaches } = multipart();
    await reaches('uploading');
    await uploader.cancel(id);
    expect(await openUploads()).to.deep.equal([]);
  });

  it('when paused', async () => {
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'throttle', bytesPerSecond: 4 * MiB } });
    const { uploader, id, state, reaches } = multipart();
    await reaches('uploading');
    uploader.pause(id);
    expect(state()).to.equal('paused');
    expect(await openUploads()).to.have.length(1);
    await uploader.cancel(id);
    expect(await openUploads()).to.deep.equal([]);
  });

  it('when completing: too late to cancel, the object is completed and nothing stays open', async () => {
    await delayEndpoint('/complete', 800);
    const { uploader, id, state, reaches } = multipart();
    await reaches('completing');
    await uploader.cancel(id);
    expect(state()).to.equal('completing');
    expect((await untilSettled(uploader, id)).state).to.equal('done');
    expect(await openUploads()).to.deep.equal([]);
  });
});
