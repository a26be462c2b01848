// The `checksum` attribute in Chromium, Firefox and WebKit: the checksum code loads only once it is
// set; digests signed by the real signing server are checked by the real digest-checking local
// store (S3) or the OSS CONTRACT FAKE, with bytes damaged on the way by the fault proxy.
import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from '../uploader/uploader.js';
import '../uploader/uploader.js';

const MiB = 1024 * 1024;
/** Flips one byte of part 2 on its way to the local store, once. */
const damagePart2 = () =>
  executeServerCommand('ferry-fault', {
    method: 'PUT',
    url: '[?&]partNumber=2&',
    fault: { kind: 'corrupt', offset: 12_345 },
  });
const storePuts = () => executeServerCommand<number[], undefined>('ferry-store-puts');
const ossCalls = (key: string) =>
  executeServerCommand<{ operation: string; status: number; signedHeaders: string[] }[], { key: string }>(
    'ferry-oss-calls',
    { key },
  );

/** Whether the page has fetched a script whose path matches `pattern`. */
const loaded = (pattern: RegExp) =>
  performance.getEntriesByType('resource').some((entry) => pattern.test(new URL(entry.name).pathname));
const CHECKSUM_CODE = /\/checksummed-uploader\.[jt]s$|\/checksums\/index\.js$/;

async function upload(element: FerryUploader, file: File) {
  const done = new Promise<HTMLElementEventMap['ferry-complete']['upload']>((resolve, reject) => {
    element.addEventListener('ferry-complete', ({ upload }) => upload.name === file.name && resolve(upload));
    element.addEventListener('ferry-error', ({ upload, error }) => upload.name === file.name && reject(error));
  });
  pick(element, [file]);
  return done;
}

describe('<ferry-uploader checksum>', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  // First in this file (its own page): nothing else has loaded the checksum code yet.
  it('without checksum loads no checksum code, and a part damaged on the way is stored damaged', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB}></ferry-uploader>`,
    );
    await damagePart2();
    const file = randomFile(12 * MiB, 'unchecked.bin');
    const stored = await upload(element, file);
    expect(loaded(CHECKSUM_CODE)).to.equal(false);
    // What the attribute is for: without it nobody notices.
    expect(await storedSha256(stored.key!)).to.not.equal(await sha256Hex(file));
  });

  it('sha256: loads the checksum code once set; the store refuses the damaged part (signed digest) and it is sent again; stored byte for byte', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB}></ferry-uploader>`,
    );
    element.checksum = 'sha256';
    await element.updateComplete;
    await damagePart2();
    const before = (await storePuts()).length;
    const file = randomFile(12 * MiB + 7, 'checked.bin');
    const added = next(element, 'ferry-add');
    const stored = await upload(element, file);
    expect((await added).upload.name).to.equal('checked.bin');
    expect(await storedSha256(stored.key!)).to.equal(await sha256Hex(file));
    // Part 2 went twice: the store checked the signed x-amz-checksum-sha256 and refused the damaged copy.
    expect((await storePuts()).slice(before).sort()).to.deep.equal([1, 2, 2, 3]);
    expect(loaded(CHECKSUM_CODE)).to.equal(true);
    expect(loaded(/\/hash-worker\.js$/)).to.equal(true); // hashed in a Worker, not on the page
  });

  it('md5 crc64 on OSS: every part signs its Content-MD5, the whole object’s CRC-64 is checked, stored byte for byte', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.ossEndpoint} part-size=${5 * MiB} checksum="md5 crc64"></ferry-uploader>`,
    );
    const file = randomFile(11 * MiB + 3, 'oss-checked.bin');
    const stored = await upload(element, file);
    const calls = await ossCalls(stored.key!);
    const parts = calls.filter((call) => call.operation === 'upload-part');
    expect(parts).to.have.length(3);
    expect(parts.every((call) => call.signedHeaders.includes('content-md5'))).to.equal(true);
    expect(calls.filter((call) => call.operation === 'complete').map((call) => call.status)).to.deep.equal([200]);
    const bytes = await (
      await fetch(`${stack.ossUrl}/${stored.key!.split('/').map(encodeURIComponent).join('/')}`)
    ).arrayBuffer();
    expect(await sha256Hex(bytes)).to.equal(await sha256Hex(file));
  });
});
