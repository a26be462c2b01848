// The OSS request flow from real Chromium: @ferry/core → @ferry/server's OSS provider (V4) → the
// OSS CONTRACT FAKE, which re-checks every presigned PUT's signature and signed headers. Bytes are
// read back from the fake and hashed. (No OSS account or emulator exists here.)
import { randomFile, sha256Hex, untilSettled } from '@ferry/testing/browser';
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { expect } from '@open-wc/testing';
import { Uploader } from './index.js';
import { OSS_LIMITS } from './protocol/index.js';

const stackUrl = '/__ferry/stack.js';
const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;

async function upload(file: File, endpoint = stack.ossEndpoint) {
  const uploader = new Uploader({ endpoint });
  const { id } = uploader.add(file);
  return untilSettled(uploader, id);
}

const stored = async (key: string) =>
  sha256Hex(await (await fetch(`${stack.ossUrl}/${key.split('/').map(encodeURIComponent).join('/')}`)).arrayBuffer());

describe('@ferry/core against the OSS contract fake', () => {
  it('sends a small file in one presigned PUT with the signed Content-Type, byte for byte', async () => {
    const file = randomFile(2000, 'notes (v2) ü.txt', 'text/plain');
    const done = await upload(file);
    expect(done.state, done.error?.message).to.equal('done');
    expect(done.method).to.equal('single');
    expect(await stored(done.key!)).to.equal(await sha256Hex(file));
  });

  it('sends a large file as parallel presigned part PUTs and completes it, byte for byte', async () => {
    const file = randomFile(21 * 1024 * 1024 + 17, 'video.mp4', 'video/mp4');
    const done = await upload(file);
    expect(done.state, done.error?.message).to.equal('done');
    expect(done.method).to.equal('multipart');
    expect(done.parts.total).to.be.greaterThan(1);
    expect(await stored(done.key!)).to.equal(await sha256Hex(file));
  });

  it("plans with OSS's profile: 100 KiB parts, accepted by Ferry's server and the store, byte for byte", async () => {
    const file = randomFile(350 * 1024 + 3, 'photos.zip', 'application/zip');
    const partSize = 100 * 1024;
    const uploader = new Uploader({
      endpoint: stack.ossEndpoint,
      limits: OSS_LIMITS,
      partSize,
      multipartThreshold: partSize,
    });
    const { id } = uploader.add(file);
    const done = await untilSettled(uploader, id);
    expect(done.state, done.error?.message).to.equal('done');
    expect(done.method).to.equal('multipart');
    expect(done.parts.total).to.equal(4);
    expect(await stored(done.key!)).to.equal(await sha256Hex(file));
  });

  it("passes the upload callback's answer to the complete event: single PUT (OSS answers the PUT) and multipart (the server relays it)", async () => {
    for (const file of [randomFile(3000, 'small.txt', 'text/plain'), randomFile(11 * 1024 * 1024, 'large.bin')]) {
      const uploader = new Uploader({ endpoint: stack.ossCallbackEndpoint });
      const completed = new Promise<string | undefined>((resolve) =>
        uploader.on('complete', ({ upload }) => resolve(upload.callback)),
      );
      const { id } = uploader.add(file);
      const done = await untilSettled(uploader, id);
      expect(done.state, done.error?.message).to.equal('done');
      // The application's callback server echoes what OSS sent it: this object's key and size.
      expect(JSON.parse((await completed)!)).to.deep.equal({
        ok: true,
        got: JSON.stringify({ object: done.key, size: file.size }),
      });
      expect(done.callback).to.equal(await completed);
    }
  });

  it('has no callback answer when no callback is configured', async () => {
    const done = await upload(randomFile(2000, 'plain.txt', 'text/plain'));
    expect(done.state, done.error?.message).to.equal('done');
    expect(done.callback).to.equal(undefined);
  });
});
