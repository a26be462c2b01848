import { randomFile, sha256Hex, storedSha256, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Uploader } from './index.js';

// Ferry's support matrix reaches engines without AbortSignal.any (Safari 16.4-17.3, Firefox
// 115-123, Chrome 111-115): the whole engine must work with it gone.
const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;
const MiB = 1024 * 1024;

describe('in an engine without AbortSignal.any', () => {
  const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
  beforeEach(() => {
    Reflect.deleteProperty(AbortSignal, 'any');
  });
  afterEach(() => {
    if (any) Object.defineProperty(AbortSignal, 'any', any);
    return executeServerCommand('ferry-faults-clear');
  });

  it('uploads, pauses, resumes and stores the exact bytes', async () => {
    expect('any' in AbortSignal).to.equal(false);
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'throttle', bytesPerSecond: 8 * MiB } });
    const uploader = new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB });
    const file = randomFile(12 * MiB, 'old-engine.bin');
    const { id } = uploader.add(file);
    await new Promise<void>((resolve) => uploader.on('progress', ({ upload }) => upload.bytesSent > MiB && resolve()));
    uploader.pause(id);
    expect(uploader.get(id)?.state).to.equal('paused');
    await executeServerCommand('ferry-faults-clear');
    uploader.resume(id);
    const done = await untilSettled(uploader, id);
    expect(done.state).to.equal('done');
    expect(await storedSha256(done.key!)).to.equal(await sha256Hex(file));
  });

  it('cancels and leaves no multipart upload open', async () => {
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'throttle', bytesPerSecond: 4 * MiB } });
    const uploader = new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB });
    const { id } = uploader.add(randomFile(12 * MiB, 'old-engine-cancel.bin'));
    await new Promise<void>((resolve) => uploader.on('progress', ({ upload }) => upload.bytesSent > 0 && resolve()));
    await uploader.cancel(id);
    const open = await executeServerCommand<string[], undefined>('ferry-open-uploads');
    expect(open.filter((key) => key.endsWith('/old-engine-cancel.bin'))).to.deep.equal([]);
  });
});
