import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { UploadSnapshot } from '@ferry/core';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from '../uploader/uploader.js';
import '../uploader/uploader.js';

const MiB = 1024 * 1024;

/**
 * Starts `file` in a first element, pauses it once a part is stored, and takes that element away:
 * a reload, as the store and IndexedDB see it. Part 2's PUT is held at the store's door (never
 * answered), so the pause always finds part 1 stored and part 2 not, however fast the engine.
 */
async function interruptedUpload(file: File): Promise<UploadSnapshot> {
  await executeServerCommand('ferry-fault', {
    method: 'PUT',
    url: `/${file.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?.*partNumber=2(&|$)`,
    fault: { kind: 'stall' },
  });
  const first = await fixture<FerryUploader>(
    html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB} concurrency="1"></ferry-uploader>`,
  );
  pick(first, [file]);
  let upload: UploadSnapshot | undefined;
  await new Promise<void>((resolve) =>
    first.addEventListener('ferry-progress', (event) => {
      if (event.upload.parts.done < 1 || upload) return;
      upload = event.upload;
      first.pause();
      resolve();
    }),
  );
  first.remove();
  // Part 2 may not have been asked for before the pause: its rule must not hold the continuation.
  await executeServerCommand('ferry-faults-clear');
  return upload!;
}

/** A new element on the same IndexedDB store, as after a reload, once its list of interrupted uploads shows `name`. */
async function reloaded(name: string): Promise<{ element: FerryUploader; entry: HTMLElement }> {
  const element = await fixture<FerryUploader>(
    html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB} multiple></ferry-uploader>`,
  );
  const entryOf = () =>
    [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~=interrupted-row]')].find(
      (row) => row.querySelector('[part~=name]')?.textContent === name,
    );
  await waitUntil(entryOf, `${name} was not listed as interrupted`, { timeout: 10_000 });
  return { element, entry: entryOf()! };
}

const partPuts = async (key: string) =>
  (await executeServerCommand<{ path: string; partNumber: number }[], undefined>('ferry-store-part-puts'))
    .filter((put) => put.path.endsWith(`/${key}`))
    .map((put) => put.partNumber);

describe('<ferry-uploader> interrupted uploads', () => {
  it('lists an upload interrupted by a reload; the same file picked again continues from its stored parts', async () => {
    const file = randomFile(11 * MiB, `resumed-${Date.now()}.bin`);
    const interrupted = await interruptedUpload(file);
    const { element, entry } = await reloaded(file.name);
    expect(element.shadowRoot!.querySelector('[part~=interrupted] p')!.textContent).to.match(
      /uploads? (was|were) interrupted\. Choose the same files? to continue\./,
    );
    expect(entry.querySelector('[part~=meta]')!.textContent).to.match(/5(\.\d)? MB of 11(\.\d)? MB stored/);
    await expect(element).to.be.accessible();
    const sentBefore = await partPuts(interrupted.key!);
    const completed = next(element, 'ferry-complete');
    pick(element, [file]);
    const { upload } = await completed;
    expect(upload.key).to.equal(interrupted.key);
    const sentAfter = (await partPuts(interrupted.key!)).slice(sentBefore.length);
    expect(sentAfter).to.not.include(1); // part 1 was stored before the reload
    expect(await storedSha256(upload.key!)).to.equal(await sha256Hex(file));
    await element.updateComplete;
    expect(
      [...element.shadowRoot!.querySelectorAll('[part~=interrupted-row] [part~=name]')].map((n) => n.textContent),
    ).to.not.include(file.name);
  });

  it('continues two interrupted uploads picked again in the other order, in one pick: each from its own stored parts', async function () {
    this.timeout(40_000);
    const stamp = Date.now();
    // Different sizes and part counts, so a continuation matched by position rather than fingerprint would show.
    const first = randomFile(11 * MiB, `first-${stamp}.bin`);
    const second = randomFile(16 * MiB, `second-${stamp}.bin`);
    const interrupted = [await interruptedUpload(first), await interruptedUpload(second)];
    await reloaded(first.name);
    const { element } = await reloaded(second.name);
    const storedBefore = await Promise.all(
      interrupted.map((upload) =>
        executeServerCommand<number[], { key: string }>('ferry-stored-parts', { key: upload.key! }),
      ),
    );
    for (const parts of storedBefore) expect(parts).to.include(1);
    const sentBefore = await Promise.all(interrupted.map((upload) => partPuts(upload.key!)));

    const stored = new Map<string, string>();
    const bothDone = new Promise<void>((resolve) =>
      element.addEventListener('ferry-complete', ({ upload }) => {
        stored.set(upload.name, upload.key!);
        if (stored.size === 2) resolve();
      }),
    );
    pick(element, [second, first]);
    await bothDone;

    for (const [index, file] of [first, second].entries()) {
      const { key, parts } = interrupted[index]!;
      expect(stored.get(file.name)).to.equal(key);
      expect(await storedSha256(key!)).to.equal(await sha256Hex(file));
      const sentAfter = (await partPuts(key!)).slice(sentBefore[index]!.length);
      // Only what the store lacked went again: no stored part twice, every missing one once.
      const missing = Array.from({ length: parts.total }, (_, at) => at + 1).filter(
        (partNumber) => !storedBefore[index]!.includes(partNumber),
      );
      expect([...sentAfter].sort((a, b) => a - b)).to.deep.equal(missing);
    }
    const open = await executeServerCommand<string[], undefined>('ferry-open-uploads');
    for (const { key } of interrupted) expect(open).to.not.include(key);
  });

  it('discards an interrupted upload: aborted on the store, gone from the list', async () => {
    const file = randomFile(11 * MiB, `discarded-${Date.now()}.bin`);
    const interrupted = await interruptedUpload(file);
    expect(await executeServerCommand<string[], undefined>('ferry-open-uploads')).to.include(interrupted.key);
    const { element, entry } = await reloaded(file.name);
    // Another file of the same name and size is no continuation: the entry stays.
    const added = next(element, 'ferry-add');
    pick(element, [randomFile(file.size, file.name)]);
    await added;
    element.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await element.updateComplete;
    expect(entry.isConnected).to.equal(true);
    const discard = entry.querySelector<HTMLButtonElement>('[part~=discard]')!;
    discard.focus();
    discard.click();
    await waitUntil(
      () =>
        ![...element.shadowRoot!.querySelectorAll('[part~=interrupted-row] [part~=name]')].some(
          (name) => name.textContent === file.name,
        ),
      'the discarded upload stayed listed',
      { timeout: 10_000 },
    );
    expect(await executeServerCommand<string[], undefined>('ferry-open-uploads')).to.not.include(interrupted.key);
    // Focus stays in the widget: the next entry's Discard button, else the drop zone, never the page's body.
    await element.updateComplete;
    const left = element.shadowRoot!.querySelector('[part~=interrupted-row] [part~=discard]');
    const focused = element.shadowRoot!.activeElement;
    expect(focused?.getAttribute('part')).to.equal(left ? 'action discard' : 'dropzone');
    expect(focused === (left ?? element.shadowRoot!.querySelector('[part~=dropzone]'))).to.equal(true);
  });
});
