import { Uploader } from '@ferry/core';
import { randomFile } from '@ferry/testing/browser';
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from '../uploader/uploader.js';
import '../uploader/uploader.js';
import type { ExistingFile } from './existing-file.js';

/** Stores a file through the engine alone (no delete token reaches the element): a file saved earlier. */
async function storedEarlier(name: string, size = 500): Promise<ExistingFile> {
  const uploader = new Uploader({ endpoint: stack.endpoint });
  const file = randomFile(size, name, 'text/plain');
  const done = new Promise<string>((resolve) =>
    uploader.on('complete', ({ upload }) => {
      resolve(upload.key!);
    }),
  );
  uploader.add(file);
  return { key: await done, name, size, type: 'text/plain' };
}

/** Picks a small text file `name` in `element` and resolves with its key once it is stored and shown. */
async function uploadThrough(element: FerryUploader, name: string): Promise<string> {
  const completed = next(element, 'ferry-complete');
  pick(element, [randomFile(300, name, 'text/plain')]);
  const key = (await completed).upload.key!;
  await element.updateComplete;
  return key;
}

const exists = (key: string) => executeServerCommand<boolean, { key: string }>('ferry-object-exists', { key });
const rows = (element: FerryUploader) => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~=row]')];
const removeButton = (row: HTMLElement) => row.querySelector<HTMLButtonElement>('[part~=remove]')!;
async function announced(element: FerryUploader, text: string): Promise<void> {
  await waitUntil(
    () => element.shadowRoot!.querySelector('[aria-live]')?.textContent.includes(text),
    `"${text}" was not announced`,
    { timeout: 5000 },
  );
}

describe('<ferry-uploader> with existing files', () => {
  it('shows <ferry-file> children as done rows, counts them, submits kept, added and removed, and resets', async () => {
    const [a, b] = [await storedEarlier('a.txt'), await storedEarlier('b.txt')];
    // As a server renders it: markup, not a Lit template (lit-analyzer cannot check unnamed slots).
    const form = await fixture<HTMLFormElement>(
      `<form>
        <ferry-uploader name="files" multiple max-files="3" endpoint="${stack.endpoint}">
          <ferry-file
            key="${a.key}"
            name="a.txt"
            size="500"
            type="text/plain"
            thumbnail="data:image/gif;base64,R0lGODlhAQABAAAAACw="
          ></ferry-file>
          <ferry-file key="${b.key}" name="b.txt" size="500" type="text/plain"></ferry-file>
        </ferry-uploader>
      </form>`,
    );
    const element = form.querySelector('ferry-uploader')!;
    await waitUntil(() => rows(element).length === 2, 'the existing rows did not show');
    await element.updateComplete;
    await expect(element).to.be.accessible();
    expect(rows(element).map((row) => row.getAttribute('data-state'))).to.deep.equal(['done', 'done']);
    expect(rows(element)[0]!.querySelector('[part~=thumbnail]')).to.not.equal(null);
    expect(element.keys).to.deep.equal([a.key, b.key]);
    expect(new FormData(form).getAll('files[kept][]')).to.deep.equal([a.key, b.key]);

    const removed = next(element, 'ferry-remove');
    removeButton(rows(element)[0]!).click();
    expect((await removed).upload.key).to.equal(a.key);
    const completed = next(element, 'ferry-complete');
    pick(element, [randomFile(300, 'c.txt', 'text/plain')]);
    const added = (await completed).upload.key!;
    await element.updateComplete;
    const data = new FormData(form);
    expect(data.getAll('files[kept][]')).to.deep.equal([b.key]);
    expect(data.getAll('files[added][]')).to.deep.equal([added]);
    expect(data.getAll('files[removed][]')).to.deep.equal([a.key]);
    expect(element.files.map((file) => file.key)).to.deep.equal([b.key, added]);
    // Deferred: the removed object is still stored, for the server to delete on submit.
    expect(await exists(a.key)).to.equal(true);

    // max-files counts the existing file kept: 1 kept + 1 added + 1 more fills it, a fourth is refused.
    const rejected = next(element, 'ferry-reject');
    pick(element, [randomFile(10, 'd.txt', 'text/plain'), randomFile(10, 'e.txt', 'text/plain')]);
    expect((await rejected).reason).to.equal('too-many');

    form.reset();
    await element.updateComplete;
    await waitUntil(() => rows(element).length === 2, 'reset did not bring back the existing files');
    const reset = new FormData(form);
    expect(reset.getAll('files[kept][]')).to.deep.equal([a.key, b.key]);
    expect(reset.getAll('files[removed][]')).to.deep.equal([]);
    expect(reset.getAll('files[added][]')).to.deep.equal([]);
  });

  it('a framework reading `files` back before their code loads writes the same set, which stays', async () => {
    const element = await fixture<FerryUploader>(html`<ferry-uploader endpoint=${stack.endpoint}></ferry-uploader>`);
    const saved = [
      { key: 'saved/one.txt', name: 'one.txt', size: 3, type: 'text/plain' },
      { key: 'saved/two.txt', name: 'two.txt', size: 4, type: 'text/plain' },
    ];
    element.files = saved;
    // As React or Vue do at once: read the value and set it back.
    const read = element.files;
    expect(read.map((file) => file.key)).to.deep.equal(['saved/one.txt', 'saved/two.txt']);
    element.files = read;
    await element.updateComplete;
    expect(element.keys).to.deep.equal(['saved/one.txt', 'saved/two.txt']);
    await waitUntil(() => rows(element).length === 2, 'the saved rows did not show');
  });

  it('takes `files` as the saved set, ignores the same list set back (controlled), and fires input and change', async () => {
    const a = await storedEarlier('a.txt');
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader name="files" multiple endpoint=${stack.endpoint} .files=${[a]}></ferry-uploader>`,
    );
    await waitUntil(() => rows(element).length === 1, 'the existing row did not show');
    const events: string[] = [];
    element.addEventListener('input', () => events.push('input'));
    element.addEventListener('change', () => events.push('change'));
    pick(element, [randomFile(200, 'n.txt', 'text/plain')]);
    await next(element, 'ferry-complete');
    await element.updateComplete;
    expect(events).to.deep.equal(['input', 'change']);
    element.value = element.files; // what v-model and a controlled prop hand back
    await element.updateComplete;
    expect(rows(element).length).to.equal(2);
    expect(element.files.map((file) => file.name)).to.deep.equal(['a.txt', 'n.txt']);
    element.files = [];
    await element.updateComplete;
    expect(rows(element).length).to.equal(1); // the new upload stays; the saved set is now empty
    expect(element.keys.length).to.equal(1);
  });
});

describe('<ferry-uploader delete-on-remove>', () => {
  it('deletes a file uploaded here with its delete token, and the row goes', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader delete-on-remove endpoint=${stack.endpoint}></ferry-uploader>`,
    );
    const completed = next(element, 'ferry-complete');
    pick(element, [randomFile(700, 'mine.txt', 'text/plain')]);
    const key = (await completed).upload.key!;
    expect(await exists(key)).to.equal(true);
    await element.updateComplete;
    const removed = next(element, 'ferry-remove');
    removeButton(rows(element)[0]!).click();
    await removed;
    expect(await exists(key)).to.equal(false);
    await element.updateComplete;
    expect(rows(element).length).to.equal(0);
  });

  it('shows and announces a refused delete of an existing file (no token, no authorizeDelete): row and object stay', async () => {
    const a = await storedEarlier('kept.txt');
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader name="files" delete-on-remove endpoint=${stack.endpoint} .files=${[a]}></ferry-uploader>`,
    );
    await waitUntil(() => rows(element).length === 1, 'the existing row did not show');
    removeButton(rows(element)[0]!).click();
    await waitUntil(() => rows(element)[0]?.querySelector('[part~=error]'), 'the refusal was not shown', {
      timeout: 5000,
    });
    expect(rows(element)[0]!.querySelector('[part~=error]')!.textContent).to.contain(
      'kept.txt was not deleted and stays: the server did not allow it.',
    );
    await announced(element, 'kept.txt was not deleted and stays');
    expect(rows(element).length).to.equal(1);
    expect(element.keys).to.deep.equal([a.key]);
    expect(await exists(a.key)).to.equal(true);
  });

  it('form reset deletes the uploads it drops, keeps the initial files, and keeps deleted ones removed', async () => {
    // A file saved a moment ago from this page: its delete token is the page's, so removing it deletes it.
    const earlier = await fixture<FerryUploader>(
      html`<ferry-uploader delete-on-remove endpoint=${stack.endpoint}></ferry-uploader>`,
    );
    const saved = next(earlier, 'ferry-complete');
    pick(earlier, [randomFile(400, 'd.txt', 'text/plain')]);
    const d = { key: (await saved).upload.key!, name: 'd.txt', size: 400, type: 'text/plain' };
    earlier.remove();
    const a = await storedEarlier('a.txt');
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <ferry-uploader name="files" multiple delete-on-remove endpoint=${stack.endpoint} .files=${[a, d]}>
        </ferry-uploader>
      </form>`,
    );
    const element = form.querySelector('ferry-uploader')!;
    await waitUntil(() => rows(element).length === 2, 'the existing rows did not show');
    const removed = next(element, 'ferry-remove');
    removeButton(rows(element)[1]!).click();
    await removed;
    expect(await exists(d.key)).to.equal(false);
    const completed = next(element, 'ferry-complete');
    pick(element, [randomFile(300, 'c.txt', 'text/plain')]);
    const c = (await completed).upload.key!;
    expect(await exists(c)).to.equal(true);

    form.reset();
    await waitUntil(async () => !(await exists(c)), 'the upload the reset dropped was not deleted', { timeout: 5000 });
    await element.updateComplete;
    expect(rows(element).map((row) => row.querySelector('[part~=name]')!.textContent)).to.deep.equal(['a.txt']);
    const value = new FormData(form);
    expect(value.getAll('files[kept][]')).to.deep.equal([a.key]);
    expect(value.getAll('files[added][]')).to.deep.equal([]);
    // d is gone from the store: the reset cannot bring it back, and the server must still drop it.
    expect(value.getAll('files[removed][]')).to.deep.equal([d.key]);
    expect(await exists(a.key)).to.equal(true);

    // Added after the reset, then removed: deleted as well.
    const again = next(element, 'ferry-complete');
    pick(element, [randomFile(200, 'e.txt', 'text/plain')]);
    const e = (await again).upload.key!;
    await element.updateComplete;
    const gone = next(element, 'ferry-remove');
    removeButton(rows(element)[1]!).click();
    await gone;
    expect(await exists(e)).to.equal(false);
    form.reset();
    await element.updateComplete;
    expect(element.keys).to.deep.equal([a.key]);
    expect(await exists(a.key)).to.equal(true);
  });

  it('form reset never deletes what the form may have saved: keys its data carried, or the page handed back', async () => {
    const a = await storedEarlier('a.txt');
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <ferry-uploader name="files" multiple delete-on-remove endpoint=${stack.endpoint} .files=${[a]}>
        </ferry-uploader>
      </form>`,
    );
    const element = form.querySelector('ferry-uploader')!;
    const upload = (name: string) => uploadThrough(element, name);

    // A save by fetch reads the form's data, then the page resets the form: the upload stays stored.
    const sentKey = await upload('sent.txt');
    expect(new FormData(form).getAll('files[added][]')).to.deep.equal([sentKey]);
    form.reset();
    // Another upload, dropped by a reset without being sent, is deleted: the reset did run.
    const dropped = await upload('dropped.txt');
    form.reset();
    await waitUntil(async () => !(await exists(dropped)), 'the upload never sent was not deleted', { timeout: 5000 });
    expect(await exists(sentKey)).to.equal(true);

    // The page hands the value back (a controlled prop, after its save), then resets: what it
    // handed back stays stored.
    const savedKey = await upload('saved.txt');
    element.files = [a, { key: savedKey, name: 'saved.txt', size: 300, type: 'text/plain' }];
    form.reset();
    await element.updateComplete;
    // A later reset's deletes would have landed by now (the dropped one above took this long).
    const probe = await upload('probe.txt');
    form.reset();
    await waitUntil(async () => !(await exists(probe)), 'the probe upload was not deleted', { timeout: 5000 });
    expect(await exists(savedKey)).to.equal(true);
    expect(await exists(a.key)).to.equal(true);
  });

  it('follows its form owner by the form attribute, and keeps a plain value when only delete-on-remove loads its code', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <ferry-uploader form="owner-by-attribute" name="files" multiple delete-on-remove endpoint=${stack.endpoint}>
        </ferry-uploader>
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    const upload = (name: string) => uploadThrough(element, name);
    const first = await upload('first.txt');
    // The form it names comes later: its owner changes after its form code started.
    const form = document.createElement('form');
    form.id = 'owner-by-attribute';
    wrapper.append(form);
    const second = await upload('second.txt');
    // Remove loads the existing-files code (to delete): without existing files the value stays one entry per key.
    const gone = next(element, 'ferry-remove');
    const secondRow = rows(element).find(
      (row) => row.querySelector('[part~=name]')?.getAttribute('title') === 'second.txt',
    );
    removeButton(secondRow!).click();
    await gone;
    expect(await exists(second)).to.equal(false);
    await element.updateComplete;
    expect([...new FormData(form)]).to.deep.equal([['files', first]]);
    // That read was the form's data: the reset keeps the object, though it drops the row.
    form.reset();
    await element.updateComplete;
    expect(rows(element)).to.have.length(0);
    const probe = await upload('probe.txt');
    form.reset();
    await waitUntil(async () => !(await exists(probe)), 'the probe upload was not deleted', { timeout: 5000 });
    expect(await exists(first)).to.equal(true);
  });
});
