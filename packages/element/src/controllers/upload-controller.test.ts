// <ferry-uploader> rebuilds its Uploader when endpoint, part-size, concurrency or manual change:
// in Chromium, Firefox and WebKit, against the real local store, signing server and OSS fake.
import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from '../uploader/uploader.js';
import '../uploader/uploader.js';

const MiB = 1024 * 1024;

/** SHA-256 of the object the OSS contract fake holds under `key` (it serves reads unsigned). */
const storedOnOss = async (key: string) =>
  sha256Hex(await (await fetch(`${stack.ossUrl}/${key.split('/').map(encodeURIComponent).join('/')}`)).arrayBuffer());

/** Part numbers of the part PUTs the local store has taken so far. */
const storePuts = () => executeServerCommand<number[], undefined>('ferry-store-puts');

/** The next upload of `element` to finish (done, failed or cancelled). */
function settled(element: FerryUploader, name: string) {
  return new Promise<HTMLElementEventMap['ferry-state']['upload']>((resolve) => {
    const listener = ({ upload }: HTMLElementEventMap['ferry-state']) => {
      if (upload.name !== name || !['done', 'error', 'cancelled'].includes(upload.state)) return;
      element.removeEventListener('ferry-state', listener);
      resolve(upload);
    };
    element.addEventListener('ferry-state', listener);
  });
}

/** The most part PUTs to the local store that were in flight at once, from the browser's resource timings. */
function peakPartPuts(): number {
  const puts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
    (entry) => entry.initiatorType === 'xmlhttprequest' && /[?&]partNumber=/.test(entry.name),
  );
  const edges = puts.flatMap((entry) => [
    { at: entry.startTime, delta: 1 },
    { at: entry.responseEnd, delta: -1 },
  ]);
  // Ends before starts at the same instant: a part that ended as the next began did not overlap it.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  for (const { delta } of edges) peak = Math.max(peak, (current += delta));
  return peak;
}

describe('<ferry-uploader> configuration changes', () => {
  it('a running upload finishes where it started; a file added after the endpoint changed goes to the new endpoint', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple part-size=${5 * MiB}></ferry-uploader>`,
    );
    const big = randomFile(24 * MiB, 'started-on-s3.bin');
    const progressed = next(element, 'ferry-progress');
    const bigDone = settled(element, big.name);
    pick(element, [big]);
    await progressed;
    element.endpoint = stack.ossEndpoint;
    await element.updateComplete;
    const small = randomFile(3000, 'added-after-the-change.bin');
    const smallDone = settled(element, small.name);
    pick(element, [small]);
    const [first, second] = await Promise.all([bigDone, smallDone]);
    expect([first.state, second.state]).to.deep.equal(['done', 'done']);
    expect(await storedSha256(first.key!)).to.equal(await sha256Hex(big));
    expect(await storedOnOss(second.key!)).to.equal(await sha256Hex(small));
    expect(first.id).to.not.equal(second.id); // two Uploaders, one list: ids stay unique in it
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('[part=row][data-state=done]')).to.have.length(2);
    expect(element.keys).to.deep.equal([first.key, second.key]);
  });

  it('cuts the next file into the parts a changed part-size makes', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB}></ferry-uploader>`,
    );
    const sizes: { total: number; stored: number[] }[] = [];
    for (const partSize of [5 * MiB, 6 * MiB]) {
      element.partSize = partSize;
      await element.updateComplete;
      const before = (await storePuts()).length;
      const file = randomFile(12 * MiB, `parts-of-${partSize}.bin`);
      const done = settled(element, file.name);
      pick(element, [file]);
      const upload = await done;
      expect(upload.state).to.equal('done');
      expect(await storedSha256(upload.key!)).to.equal(await sha256Hex(file));
      sizes.push({ total: upload.parts.total, stored: [...new Set((await storePuts()).slice(before))].sort() });
    }
    expect(sizes).to.deep.equal([
      { total: 3, stored: [1, 2, 3] },
      { total: 2, stored: [1, 2] },
    ]);
  });

  it('sends the parts of a file added after concurrency went down to 1 one at a time', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB}></ferry-uploader>`,
    );
    const warmUp = settled(element, 'warm-up.txt');
    pick(element, [randomFile(10, 'warm-up.txt', 'text/plain')]); // builds the first Uploader (4 at once)
    await warmUp;
    element.concurrency = 1;
    await element.updateComplete;
    performance.clearResourceTimings();
    const done = settled(element, 'one-at-a-time.bin');
    pick(element, [randomFile(20 * MiB, 'one-at-a-time.bin')]);
    expect((await done).state).to.equal('done');
    expect(peakPartPuts()).to.equal(1);
  });

  it('a file keeps the settings in force when it was added: one queued before the endpoint changed goes where it was added on Upload', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.ossEndpoint} multiple manual></ferry-uploader>`,
    );
    const queued = randomFile(5000, 'queued-for-oss.bin');
    pick(element, [queued]);
    await element.updateComplete;
    element.endpoint = stack.endpoint;
    element.manual = false;
    await element.updateComplete;
    // Still queued, with its Upload button, though manual is off now: nothing of it moved or started.
    expect(element.shadowRoot!.querySelector<HTMLElement>('[part=row]')!.dataset['state']).to.equal('queued');
    const added = randomFile(6000, 'added-for-s3.bin');
    const addedDone = settled(element, added.name);
    pick(element, [added]); // starts at once, on the new endpoint
    const second = await addedDone;
    expect(await storedSha256(second.key!)).to.equal(await sha256Hex(added));
    const queuedDone = settled(element, queued.name);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part=upload-button]')!.click();
    const first = await queuedDone;
    expect(await storedOnOss(first.key!)).to.equal(await sha256Hex(queued));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=upload-button]')).to.equal(null);
  });
});
