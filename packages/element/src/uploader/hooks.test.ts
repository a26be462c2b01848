// ferry-before-add and ferry-before-upload, per-file metadata and the resize attributes, through
// the whole widget against the real local store (objects read back, metadata and images included).
import { storedObject } from '@ferry/testing/browser';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from './uploader.js';
import './uploader.js';

/** A `width` × `height` JPEG with grain, drawn in the page. */
async function jpeg(width: number, height: number, name: string): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  for (let i = 0; i < pixels.data.length; i += 4) pixels.data.set([(i * 7) % 256, (i * 13) % 256, 90, 255], i);
  context.putImageData(pixels, 0, 0);
  return new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })], name, { type: 'image/jpeg' });
}

const rowText = (element: FerryUploader): string =>
  [...element.shadowRoot!.querySelectorAll('[part~=row]')].map((row) => row.textContent.replace(/\s+/g, ' ')).join('|');

describe('<ferry-uploader> hooks, metadata and resize', () => {
  it('ferry-before-add: an async check of image dimensions refuses a too-small image (shown and announced) and lets a large one in', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple></ferry-uploader>`,
    );
    element.addEventListener('ferry-before-add', (event) => {
      const { detail } = event;
      detail.waitUntil(
        createImageBitmap(detail.file).then((image) => {
          if (image.width < 100) {
            detail.reason = `Images must be at least 100 px wide; this one is ${image.width} px.`;
            event.preventDefault();
          }
        }),
      );
    });
    const said: string[] = [];
    const region = element.shadowRoot!.querySelector('[role=status]')!;
    new MutationObserver(() => said.push(region.textContent)).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    const rejected = next(element, 'ferry-reject');
    const completed = next(element, 'ferry-complete');
    pick(element, [await jpeg(40, 30, 'small.jpg'), await jpeg(200, 100, 'large.jpg')]);
    const refusal = await rejected;
    expect(refusal.file.name).to.equal('small.jpg');
    expect(refusal.reason).to.equal('refused');
    expect(refusal.message).to.equal('Images must be at least 100 px wide; this one is 40 px.');
    expect((await completed).upload.name).to.equal('large.jpg');
    await waitUntil(() => said.some((text) => text.includes('small.jpg not added')), 'the refusal was announced');
    expect(rowText(element)).to.contain('small.jpg not added: Images must be at least 100 px wide');
    expect(element.keys).to.have.length(1);
  });

  it('ferry-before-add: files waiting on waitUntil count toward max-files and max-total-size', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple max-files="2" max-total-size="10"></ferry-uploader>`,
    );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    element.addEventListener('ferry-before-add', ({ detail }) => detail.waitUntil(gate));
    const reasons: string[] = [];
    element.addEventListener('ferry-reject', ({ file, reason }) => reasons.push(`${file.name}:${reason}`));
    const waiting = next(element, 'ferry-before-add');
    pick(element, [new File(['123456'], 'first.txt', { type: 'text/plain' })]);
    await waiting;
    // Six bytes wait: five more break max-total-size.
    pick(element, [new File(['12345'], 'big.txt', { type: 'text/plain' })]);
    await waitUntil(() => reasons.length === 1, 'the second drop was checked');
    expect(reasons).to.deep.equal(['big.txt:total-too-large']);
    pick(element, [new File(['1'], 'second.txt', { type: 'text/plain' }), new File(['2'], 'third.txt')]);
    await waitUntil(() => reasons.length === 2, 'the third drop was checked');
    expect(reasons[1]).to.equal('third.txt:too-many');
    release();
    await waitUntil(() => element.shadowRoot!.querySelectorAll('[part~=row]:not([part~=rejected])').length === 2);
    expect(rowText(element)).to.contain('first.txt').and.contain('second.txt');
  });

  it('ferry-before-add: a form reset or disabling while listeners wait adds nothing', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ferry-uploader endpoint=${stack.endpoint} multiple></ferry-uploader></form>`,
    );
    const element = form.querySelector<FerryUploader>('ferry-uploader')!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    element.addEventListener('ferry-before-add', ({ detail }) => detail.waitUntil(gate));
    let added = 0;
    element.addEventListener('ferry-add', () => added++);
    let asked = next(element, 'ferry-before-add');
    pick(element, [new File(['a'], 'reset.txt', { type: 'text/plain' })]);
    await asked;
    form.reset();
    asked = next(element, 'ferry-before-add');
    pick(element, [new File(['b'], 'disabled.txt', { type: 'text/plain' })]);
    await asked;
    element.disabled = true;
    release();
    await gate;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    expect(added).to.equal(0);
    expect(element.shadowRoot!.querySelectorAll('[part~=row]')).to.have.length(0);
  });

  it('ferry-before-add: a rename lands under the new name and key', async () => {
    const element = await fixture<FerryUploader>(html`<ferry-uploader endpoint=${stack.endpoint}></ferry-uploader>`);
    element.addEventListener('ferry-before-add', ({ detail }) => {
      detail.name = `renamed-${detail.file.name}`;
    });
    const completed = next(element, 'ferry-complete');
    pick(element, [new File(['hello'], 'note.txt', { type: 'text/plain' })]);
    const { upload } = await completed;
    expect(upload.name).to.equal('renamed-note.txt');
    expect(upload.key!.endsWith('/renamed-note.txt')).to.equal(true);
    const stored = await storedObject(upload.key!);
    expect(new TextDecoder().decode(stored.bytes)).to.equal('hello');
  });

  it('ferry-before-upload: async metadata, Cache-Control and tags reach the store; a refusal fails the row with its reason', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple></ferry-uploader>`,
    );
    element.addEventListener('ferry-before-upload', (event) => {
      const { detail } = event;
      detail.waitUntil(
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          if ((detail.file as File).name === 'secret.txt') {
            detail.reason = 'Secrets stay here.';
            event.preventDefault();
            return;
          }
          detail.metadata['album'] = 'Summer';
          detail.cacheControl = 'max-age=60';
          detail.tags = { project: 'alpha' };
        })(),
      );
    });
    const failed = next(element, 'ferry-error');
    const completed = next(element, 'ferry-complete');
    pick(element, [
      new File(['a'], 'secret.txt', { type: 'text/plain' }),
      new File(['bb'], 'b.txt', { type: 'text/plain' }),
    ]);
    const { error } = await failed;
    expect(error.code).to.equal('refused');
    expect(error.message).to.equal('Secrets stay here.');
    const { upload } = await completed;
    const stored = await storedObject(upload.key!);
    expect(stored.metadata).to.deep.equal({ album: 'Summer' });
    expect(stored.cacheControl).to.equal('max-age=60');
  });

  it('metadata outside the server policy: the upload fails with the server code metadata-not-allowed', async () => {
    const element = await fixture<FerryUploader>(html`<ferry-uploader endpoint=${stack.endpoint}></ferry-uploader>`);
    element.addEventListener('ferry-before-upload', ({ detail }) => {
      detail.metadata['owner'] = 'mallory';
    });
    const failed = next(element, 'ferry-error');
    pick(element, [new File(['x'], 'x.txt', { type: 'text/plain' })]);
    const { error } = await failed;
    expect((error as { serverCode?: string }).serverCode).to.equal('metadata-not-allowed');
  });

  it('resize="300,300": the stored image is 300×150 JPEG and the row shows the original and new size', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} resize="300,300" quality="0.7"></ferry-uploader>`,
    );
    const original = await jpeg(1200, 600, 'wide.jpg');
    const completed = next(element, 'ferry-complete');
    pick(element, [original]);
    const { upload } = await completed;
    expect(upload.originalSize).to.equal(original.size);
    const stored = await storedObject(upload.key!);
    expect(stored.contentType).to.equal('image/jpeg');
    expect(stored.size).to.equal(upload.size);
    const image = await createImageBitmap(new Blob([stored.bytes.slice().buffer], { type: 'image/jpeg' }));
    expect([image.width, image.height]).to.deep.equal([300, 150]);
    await element.updateComplete;
    const note = element.shadowRoot!.querySelector('[part~=note]')!.textContent;
    expect(note).to.match(/→/);
  });
});
