// The full widget in Debian's Chromium against the real store: accessibility in every state,
// keyboard and focus, restrictions, forms, languages, right-to-left, manual start and paste.
import { createHttpEndpoint, Uploader, type Endpoint } from '@ferry/core';
import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { droppedFiles } from '../input/dropped-files.js';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from './uploader.js';
import './uploader.js';

// Typed like querySelector<T>, whose T is also used once.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
const $ = <T extends Element = HTMLElement>(element: FerryUploader, selector: string): T | null =>
  element.shadowRoot!.querySelector<T>(selector);
const $$ = (element: FerryUploader, selector: string): HTMLElement[] => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const button = (element: FerryUploader, label: string): HTMLButtonElement | null =>
  $(element, `button[aria-label="${label}"]`);
const status = (element: FerryUploader): string => $(element, '[role=status]')!.textContent;

/** Every text the live region takes from now on (each announcement replaces the last one). */
function announcements(element: FerryUploader): string[] {
  const said: string[] = [];
  const region = $(element, '[role=status]')!;
  new MutationObserver(() => said.push(region.textContent)).observe(region, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return said;
}

/**
 * The colour of the state mark in each row of `state`, and the colour the same token gives its bar
 * (done, paused) or its message (failed); and the state word's own, which a mark must not fall back to.
 */
function markColours(element: FerryUploader, state: string): { mark: string; token: string; word: string }[] {
  return $$(element, `[part~=row][data-state=${state}]`).map((row) => ({
    mark: getComputedStyle(row.querySelector('[part~=mark]')!).color,
    token: getComputedStyle(row.querySelector(state === 'error' ? '[part=error]' : '[part=progress-indicator]')!)[
      state === 'error' ? 'color' : 'backgroundColor'
    ],
    word: getComputedStyle(row.querySelector('[part=status]')!).color,
  }));
}

/** A tiny valid PNG (1×1), so the preview really decodes. */
function png(name: string): File {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new File([bytes], name, { type: 'image/png' });
}

describe('<ferry-uploader> widget', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('has no axe violations when idle, queued, uploading, paused, failed, rejected and done, light and dark', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader
        endpoint=${stack.endpoint}
        multiple
        manual
        accept="image/*,.bin"
        max-file-size="30000000"
      ></ferry-uploader>`,
    );
    await expect(element).to.be.accessible();
    pick(element, [
      randomFile(24 * 1024 * 1024, 'large.bin'),
      png('photo.png'),
      randomFile(10, 'notes.txt', 'text/plain'),
    ]);
    await element.updateComplete;
    expect($$(element, '[part~=rejected]')).to.have.length(1); // notes.txt: not an accepted type
    await expect(element).to.be.accessible(); // queued, with a rejected row and the Upload button
    // Part 2 of large.bin is held unanswered at the store, so the upload is still running when paused.
    await executeServerCommand('ferry-fault', {
      method: 'PUT',
      url: '/large\\.bin\\?.*partNumber=2(&|$)',
      fault: { kind: 'stall' },
    });
    const progressed = next(element, 'ferry-progress');
    $<HTMLButtonElement>(element, '[part=upload-button]')!.click();
    await progressed;
    await element.updateComplete;
    await expect(element).to.be.accessible(); // uploading
    element.pause();
    await element.updateComplete;
    await expect(element).to.be.accessible(); // paused
    const paused = markColours(element, 'paused');
    expect(paused).to.not.be.empty;
    for (const { mark, token, word } of paused) expect(mark).to.equal(token).and.not.equal(word);
    await executeServerCommand('ferry-faults-clear');
    element.resume();
    await waitUntil(() => element.keys.length === 2, 'both files stored', { timeout: 20_000 });
    await element.updateComplete;
    await expect(element).to.be.accessible(); // done
    const done = markColours(element, 'done');
    expect(done).to.have.length(2);
    for (const { mark, token, word } of done) expect(mark).to.equal(token).and.not.equal(word);
    element.theme = 'dark';
    await element.updateComplete;
    await expect(element).to.be.accessible(); // done, dark
    for (const { mark, token, word } of markColours(element, 'done')) expect(mark).to.equal(token).and.not.equal(word);
    expect(getComputedStyle($(element, '.dropzone')!).colorScheme).to.equal('dark');
  });

  it('shows a failure with the store’s diagnostic in a disclosure, and is still accessible', async () => {
    // A signer that hands out another Content-Type than it signed: a real 403 SignatureDoesNotMatch.
    const http = createHttpEndpoint({ url: stack.endpoint });
    const misconfigured: Endpoint = {
      ...http,
      singlePutParams: async (input, options) => ({
        ...(await http.singlePutParams(input, options)),
        headers: { 'Content-Type': 'image/png' },
      }),
    };
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader .uploader=${new Uploader({ endpoint: misconfigured })}></ferry-uploader>`,
    );
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(100, 'refused.txt', 'text/plain')]);
    expect((await failed).error.code).to.equal('signature-mismatch');
    await element.updateComplete;
    expect($(element, '[part=error]')!.textContent).to.contain('signature');
    const details = $<HTMLDetailsElement>(element, 'details')!;
    expect(details.querySelector('summary')!.textContent).to.equal('Technical details');
    expect(details.textContent).to.contain('SignatureDoesNotMatch').and.contain('StringToSign');
    await waitUntil(() => status(element).includes('refused.txt failed'), 'failure announced');
    expect(button(element, 'Retry refused.txt')).to.exist;
    const [failedMark] = markColours(element, 'error');
    expect(failedMark!.mark).to.equal(failedMark!.token).and.not.equal(failedMark!.word);
    await expect(element).to.be.accessible();
  });

  it('refuses files by type, size, count and total size with a typed ferry-reject and an inline reason', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader
        endpoint=${stack.endpoint}
        multiple
        manual
        accept=".txt,image/*"
        max-file-size="1000"
        min-file-size="2"
        max-files="3"
        max-total-size="1500"
      ></ferry-uploader>`,
    );
    const reasons: string[] = [];
    element.addEventListener('ferry-reject', (event) => reasons.push(`${event.file.name}:${event.reason}`));
    const ok = (name: string, size: number) => randomFile(size, name, 'text/plain');
    pick(element, [
      ok('a.txt', 500),
      randomFile(10, 'b.exe', 'application/x-msdownload'),
      ok('c.txt', 1001),
      ok('d.txt', 1),
      ok('e.txt', 600),
      ok('f.txt', 600), // 500 + 600 + 600 > 1500
      png('g.png'),
      ok('h.txt', 10), // a fourth file
    ]);
    await element.updateComplete;
    expect(reasons).to.deep.equal([
      'b.exe:type',
      'c.txt:too-large',
      'd.txt:too-small',
      'f.txt:total-too-large',
      'h.txt:too-many',
    ]);
    const rejected = $$(element, '[part~=rejected]');
    expect(rejected.map((row) => row.querySelector('[part=name]')!.textContent)).to.deep.equal([
      'b.exe',
      'c.txt',
      'd.txt',
      'f.txt',
      'h.txt',
    ]);
    expect(rejected[0]!.textContent).to.contain('only .txt,image/* can be added');
    expect(rejected[1]!.textContent).to.contain('larger than');
    expect($$(element, '[part=row]')).to.have.length(3);
    // Refused and accepted files in one list, in the order they were added.
    expect($$(element, '[part~=row] [part=name]').map((name) => name.textContent)).to.deep.equal([
      'a.txt',
      'b.exe',
      'c.txt',
      'd.txt',
      'e.txt',
      'f.txt',
      'g.png',
      'h.txt',
    ]);
    await waitUntil(() => status(element).includes('b.exe not added'), 'refusals announced');
    expect(status(element)).to.contain('3 files added');
    // Dismissing a rejected row moves focus to the row that took its place.
    button(element, 'Dismiss b.exe')!.focus();
    button(element, 'Dismiss b.exe')!.click();
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Dismiss c.txt');
  });

  it('is operable by keyboard: tab to the drop zone, Enter opens the picker, per-file buttons name their file, focus survives removal', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple></ferry-uploader>`,
    );
    const input = $<HTMLInputElement>(element, 'input[type=file]')!;
    let opened = 0;
    input.addEventListener('click', (event) => {
      opened++;
      event.preventDefault();
    });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal($(element, '.dropzone'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    expect(opened).to.equal(2);
    pick(element, [
      randomFile(10, 'one.txt', 'text/plain'),
      randomFile(10, 'two.txt', 'text/plain'),
      randomFile(10, 'three.txt', 'text/plain'),
    ]);
    await waitUntil(() => element.keys.length === 3, 'three files stored');
    await element.updateComplete;
    expect($$(element, '[part~=row] [part~=action]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Remove one.txt',
      'Remove two.txt',
      'Remove three.txt',
    ]);
    // Removing the middle row focuses the next one; removing the last focuses the one before; the last row gone, the drop zone.
    button(element, 'Remove two.txt')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(element, '[part=row]').length === 2);
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Remove three.txt');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(element, '[part=row]').length === 1);
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Remove one.txt');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(element, '[part=row]').length === 0);
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal($(element, '.dropzone'));
    expect(document.activeElement).to.equal(element);
  });

  it('offers pause, resume and cancel on a running upload, each naming its file', async () => {
    const element = await fixture<FerryUploader>(html`<ferry-uploader endpoint=${stack.endpoint}></ferry-uploader>`);
    const file = randomFile(24 * 1024 * 1024, 'movie.bin');
    const progressed = next(element, 'ferry-progress');
    pick(element, [file]);
    await progressed;
    await element.updateComplete;
    button(element, 'Pause movie.bin')!.click();
    await element.updateComplete;
    expect($(element, '[part=row]')!.dataset['state']).to.equal('paused');
    expect($(element, '[part=status]')!.textContent).to.equal('Paused');
    const done = next(element, 'ferry-complete');
    button(element, 'Resume movie.bin')!.click();
    const { upload } = await done;
    expect(await storedSha256(upload.key!)).to.equal(await sha256Hex(file));
    await element.updateComplete;
    expect($(element, '[part=key]')!.textContent).to.contain(upload.key!);
    expect($(element, '[part=progress]')!.getAttribute('aria-valuenow')).to.equal('100');
  });

  it('shows a preview for images and revokes its object URL when the row is removed', async () => {
    const element = await fixture<FerryUploader>(html`<ferry-uploader endpoint=${stack.endpoint}></ferry-uploader>`);
    pick(element, [png('pixel.png')]);
    await next(element, 'ferry-complete');
    // The thumbnail is made off the upload's path: on a busy machine it can come after the upload is done.
    await waitUntil(() => $(element, '[part=thumbnail]'), 'no thumbnail was shown', { timeout: 5000 });
    const img = $<HTMLImageElement>(element, '[part=thumbnail]')!;
    expect(img.src).to.match(/^blob:/);
    await img.decode();
    const url = img.src;
    button(element, 'Remove pixel.png')!.click();
    await waitUntil(() => !$(element, '[part=thumbnail]'));
    const fetched = await fetch(url).then(
      () => 'readable',
      () => 'revoked',
    );
    expect(fetched).to.equal('revoked');
  });

  it('revokes a preview object URL when the element leaves the page, and makes it again when it comes back', async () => {
    const element = await fixture<FerryUploader>(html`<ferry-uploader endpoint=${stack.endpoint}></ferry-uploader>`);
    pick(element, [png('pixel.png')]);
    await next(element, 'ferry-complete');
    await waitUntil(() => $(element, '[part=thumbnail]'), 'the preview showed');
    const url = $<HTMLImageElement>(element, '[part=thumbnail]')!.src;
    const parent = element.parentElement!;
    element.remove();
    const fetched = await fetch(url).then(
      () => 'readable',
      () => 'revoked',
    );
    expect(fetched).to.equal('revoked');
    parent.append(element);
    const preview = () => $<HTMLImageElement>(element, '[part=thumbnail]')?.src;
    await waitUntil(() => preview() && preview() !== url, 'the preview came back', { timeout: 10_000 });
    expect(preview()).to.match(/^blob:/);
  });

  it('takes pasted files and announces every file added, also from code, in a polite live region', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint });
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader multiple .uploader=${uploader}></ferry-uploader>`,
    );
    expect($(element, '[role=status]')!.getAttribute('aria-live')).to.equal('polite');
    const said = announcements(element);
    const transfer = new DataTransfer();
    transfer.items.add(randomFile(10, 'pasted.txt', 'text/plain'));
    const added = next(element, 'ferry-add');
    const paste = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true });
    // Firefox gives a synthetic paste an empty clipboardData of its own (a real paste carries
    // the files): hand it the transfer as the real one would be.
    if (paste.clipboardData?.files.length === 0) Object.defineProperty(paste, 'clipboardData', { value: transfer });
    element.dispatchEvent(paste);
    expect((await added).upload.name).to.equal('pasted.txt');
    await waitUntil(() => element.keys.length === 1, 'pasted file stored');
    uploader.add(randomFile(10, 'from-code-1.txt', 'text/plain'));
    uploader.add(randomFile(10, 'from-code-2.txt', 'text/plain'));
    await waitUntil(() => element.keys.length === 3, 'all stored');
    // What happens close together is said together ("3 files added. 3 files uploaded"); nothing is lost.
    const counted = (verb: string) =>
      said
        .flatMap((text) => text.split('. '))
        .map((sentence) => new RegExp(`^(?:(\\d+) files|\\S+) ${verb}$`).exec(sentence))
        .reduce((sum, match) => sum + (match ? Number(match[1] ?? 1) : 0), 0);
    await waitUntil(() => counted('uploaded') === 3, 'every upload said');
    expect(counted('added')).to.equal(3);
  });

  it('starts nothing before upload() in manual mode, and shows total progress', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple manual></ferry-uploader>`,
    );
    pick(element, [randomFile(1000, 'x.bin'), randomFile(3000, 'y.bin')]);
    await element.updateComplete;
    expect($$(element, '[part=row]').map((row) => row.dataset['state'])).to.deep.equal(['queued', 'queued']);
    expect($(element, '[part=total] [role=progressbar]')!.getAttribute('aria-valuenow')).to.equal('0');
    element.upload();
    await waitUntil(() => element.keys.length === 2, 'both stored');
    await element.updateComplete;
    expect($(element, '[part=total] [role=progressbar]')!.getAttribute('aria-valuenow')).to.equal('100');
    expect($(element, '[part=upload-button]')).to.equal(null);
  });
});

describe('<ferry-uploader> in a form', () => {
  it('submits the stored keys under its name, blocks submit while required and empty or uploading, and clears on reset', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <ferry-uploader name="files" endpoint=${stack.endpoint} multiple required></ferry-uploader><button>Send</button>
      </form>`,
    );
    const element = form.querySelector('ferry-uploader')!;
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(element.shadowRoot!.querySelector('.dropzone')).to.exist;
    pick(element, [randomFile(12 * 1024 * 1024, 'a.bin'), randomFile(10, 'b.txt', 'text/plain')]);
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false); // still uploading
    const changed = next(element, 'change');
    await waitUntil(() => element.keys.length === 2, 'both stored', { timeout: 20_000 });
    await changed;
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).getAll('files')).to.deep.equal(element.keys);
    form.reset();
    await waitUntil(() => element.shadowRoot!.querySelectorAll('[part=row]').length === 0, 'reset clears the list');
    await element.updateComplete;
    expect(new FormData(form).getAll('files')).to.deep.equal([]);
    expect(form.checkValidity()).to.equal(false);
  });

  it('is invalid (rangeOverflow) when more is stored than max-files or max-total-size allow, as files added from code can be', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint });
    const form = await fixture<HTMLFormElement>(
      html`<form><ferry-uploader name="files" multiple max-files="1" .uploader=${uploader}></ferry-uploader></form>`,
    );
    const element = form.querySelector('ferry-uploader')!;
    uploader.add(randomFile(600, 'first.txt', 'text/plain'));
    uploader.add(randomFile(600, 'second.txt', 'text/plain')); // not through the element: no restriction checked
    await waitUntil(() => element.keys.length === 2, 'both stored');
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(element.validity.rangeOverflow).to.equal(true);
    expect(element.validationMessage).to.equal('Remove some files: at most 1 files.');
    element.maxFiles = 2;
    element.maxTotalSize = 1000;
    await element.updateComplete;
    expect(element.validationMessage).to.contain('Remove some files: all files together must stay under');
    element.maxTotalSize = undefined;
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('is disabled by its attribute or a disabled fieldset: no files are added', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><ferry-uploader endpoint=${stack.endpoint}></ferry-uploader></fieldset>
      </form>`,
    );
    const element = form.querySelector('ferry-uploader')!;
    await element.updateComplete;
    expect((element.shadowRoot!.querySelector('.dropzone') as HTMLButtonElement).disabled).to.equal(true);
    element.addFiles([randomFile(10, 'nope.txt', 'text/plain')]);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('[part=row]')).to.have.length(0);
    form.querySelector('fieldset')!.disabled = false;
    await element.updateComplete;
    expect((element.shadowRoot!.querySelector('.dropzone') as HTMLButtonElement).disabled).to.equal(false);
  });
});

describe('<ferry-uploader> languages and direction', () => {
  it('speaks zh-CN (loaded on demand), follows the nearest lang, and takes a strings override', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-CN"><ferry-uploader endpoint=${stack.endpoint} multiple></ferry-uploader></div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    await waitUntil(() => $(element, '.dropzone')!.textContent.includes('将文件拖到此处'), 'zh-CN drop hint');
    pick(element, [randomFile(10, '报告.txt', 'text/plain')]);
    await next(element, 'ferry-complete');
    await element.updateComplete;
    expect($(element, '[part=status]')!.textContent).to.equal('已上传');
    expect(button(element, '移除 报告.txt')).to.exist;
    element.locale = 'en';
    element.strings = {
      upload: 'Send',
      states: { ...(await import('../translations/en-list.js')).enList.states, done: 'Stored!' },
    };
    await element.updateComplete;
    expect($(element, '[part=status]')!.textContent).to.equal('Stored!');
    expect(button(element, 'Remove 报告.txt')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('renders in the nearest valid language when a lang attribute is no language tag (en_GB, C)', async () => {
    // Intl throws a RangeError on such tags; WebKitGTK reports `C` as navigator.language under LANG=C.
    for (const lang of ['en_GB', 'C']) {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang=${lang}><ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader></div>`,
      );
      const element = wrapper.querySelector('ferry-uploader')!;
      pick(element, [randomFile(2048, 'tagged.bin')]);
      await element.updateComplete;
      expect(button(element, 'Cancel tagged.bin'), lang).to.exist;
      expect($(element, '[part=row]')!.textContent, lang).to.match(/2\s?kB/);
    }
  });

  it('mirrors its layout right to left', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" style="inline-size: 500px">
        <ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader>
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    pick(element, [randomFile(10, 'rtl.txt', 'text/plain')]);
    await element.updateComplete;
    const name = $(element, '[part=name]')!.getBoundingClientRect();
    const actions = $(element, '[part=actions]')!.getBoundingClientRect();
    expect(actions.right).to.be.at.most(name.left + 1); // buttons at the start (left) of an RTL row
    await expect(element).to.be.accessible();
  });

  it('fits a 320 px container: nothing overflows and long names are cut with an ellipsis, the extension kept', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px"><ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader></div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    pick(element, [randomFile(10, `${'very-long-name-'.repeat(20)}.txt`, 'text/plain')]);
    await element.updateComplete;
    const name = $(element, '[part~=row] [part~=name]')!;
    // The name gives way in the middle: its head is cut, its tail (the extension) stays whole.
    const head = name.querySelector<HTMLElement>('.head')!;
    const tail = name.querySelector<HTMLElement>('.tail')!;
    // The list's styles arrive with its lazily loaded module; WebKit may lay the row out once
    // before applying them, so wait for the cut rather than read the first frame.
    await waitUntil(() => head.scrollWidth > head.clientWidth, 'the long name is cut to its box', { timeout: 5000 });
    expect(element.scrollWidth).to.be.at.most(320);
    expect(getComputedStyle(head).textOverflow).to.equal('ellipsis');
    expect(tail.textContent).to.match(/\.txt$/);
    expect(tail.getBoundingClientRect().right).to.be.at.most(name.getBoundingClientRect().right + 0.5);
    expect(name.title).to.contain('very-long-name-');
  });
});

describe('<ferry-uploader> on a phone', () => {
  /**
   * A page of its own in a 320 px wide iframe: a real 320 px viewport in every engine (WebDriver
   * cannot resize WebKit's window), with the element loaded into that page; a compact 10 px font,
   * where only the element's own minimum keeps targets at 24 px.
   */
  async function phonePage(markup: string): Promise<{ frame: HTMLIFrameElement; element: FerryUploader }> {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'inline-size: 320px; block-size: 640px; border: 0';
    const module = new URL('./uploader.js', import.meta.url).href;
    frame.srcdoc = `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin: 8px; font-size: 10px">${markup}<script type="module" src="${module}"></script>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const element = frame.contentDocument!.querySelector('ferry-uploader') as FerryUploader;
    await waitUntil(() => element.shadowRoot !== null, 'the element is defined in the frame');
    await element.updateComplete;
    return { frame, element };
  }

  it('fits a 320 px viewport: no horizontal scroll, no overlapping controls, touch targets of 24 × 24 px at least', async () => {
    const { frame, element } = await phonePage(
      `<ferry-uploader endpoint="${stack.endpoint}" multiple directory max-file-size="30000000"></ferry-uploader>`,
    );
    try {
      const win = frame.contentWindow!;
      expect(win.innerWidth).to.equal(320);
      const big = randomFile(24 * 1024 * 1024, 'holiday-video-from-the-phone-camera.mp4', 'video/mp4');
      const small = randomFile(1000, 'receipt-scanned-at-the-shop.pdf', 'application/pdf');
      const tooBig = randomFile(31_000_000, 'too-big-for-this-form.bin');
      const progressed = next(element, 'ferry-progress');
      pick(element, [big, small, tooBig]);
      await progressed;
      await element.updateComplete;
      button(element, `Pause ${big.name}`)!.click(); // a paused row: Resume and Cancel
      await waitUntil(
        () => $$(element, '[part=row]').some((row) => row.dataset['state'] === 'done'),
        'the small file stored',
      );
      await element.updateComplete;
      // The viewport less any scrollbar: what content may fill without scrolling sideways.
      const width = frame.contentDocument!.documentElement.clientWidth;
      expect(width).to.be.within(300, 320);
      expect(frame.contentDocument!.documentElement.scrollWidth).to.be.at.most(width);
      const targets = $$(element, 'button, summary').filter((target) => target.getClientRects().length > 0);
      expect(targets.length).to.be.at.least(6); // drop zone, folder, Resume, Cancel, Remove, Dismiss
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        const label = target.getAttribute('aria-label') ?? target.textContent.trim();
        expect(box.width, label).to.be.at.least(24);
        expect(box.height, label).to.be.at.least(24);
        expect(box.right, label).to.be.at.most(width);
      }
      // Within each row, no control covers another or the file's name.
      for (const row of $$(element, '[part~=row]')) {
        const boxes = [...row.querySelectorAll<HTMLElement>('button, [part=name]')].map((each) =>
          each.getBoundingClientRect(),
        );
        for (const [i, a] of boxes.entries()) {
          for (const b of boxes.slice(i + 1)) {
            const overlap =
              a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            expect(overlap, row.textContent.trim().slice(0, 60)).to.equal(false);
          }
        }
      }
      button(element, `Cancel ${big.name}`)!.click();
      await waitUntil(
        () => $$(element, '[part=row]').some((row) => row.dataset['state'] === 'cancelled'),
        'the paused upload cancelled',
      );
    } finally {
      frame.remove();
    }
  });

  it('takes files added before it is on the page once it is there', async () => {
    const element = document.createElement('ferry-uploader');
    element.endpoint = stack.endpoint;
    element.manual = true;
    element.multiple = true;
    element.addFiles([randomFile(10, 'early-1.txt', 'text/plain'), randomFile(10, 'early-2.txt', 'text/plain')]);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.append(element);
    await waitUntil(() => $$(element, '[part~=row]').length === 2, 'the files added early were not listed');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=upload-button]')).to.not.equal(null);
  });

  it('passes capture to the file input, so a phone can take a photo or video straight into it', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} accept="image/*" capture="environment"></ferry-uploader>`,
    );
    expect($<HTMLInputElement>(element, 'input[type=file]')!.getAttribute('capture')).to.equal('environment');
    element.capture = '';
    await element.updateComplete;
    expect($<HTMLInputElement>(element, 'input[type=file]')!.getAttribute('capture')).to.equal('');
    element.capture = undefined;
    await element.updateComplete;
    expect($<HTMLInputElement>(element, 'input[type=file]')!.hasAttribute('capture')).to.equal(false);
  });
});

describe('<ferry-uploader> themes, motion and zoom', () => {
  /**
   * Emulates media features where the test runner can (over CDP: Chromium only); resolves `false`
   * in Firefox and WebKit, whose drivers cannot, so a test checks what holds there instead.
   */
  const emulate = (media: Parameters<typeof emulateMedia>[0]): Promise<boolean> =>
    emulateMedia(media).then(
      () => true,
      () => false,
    );
  afterEach(() => emulate({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it('follows the page’s colour scheme, not the system’s, unless the theme attribute says otherwise', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><ferry-uploader endpoint=${stack.endpoint}></ferry-uploader></div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    const colour = () => getComputedStyle($(element, '.dropzone')!).borderColor;
    const page = colour();
    element.theme = 'dark';
    await element.updateComplete;
    const dark = colour();
    element.theme = 'light';
    await element.updateComplete;
    const light = colour();
    expect(dark).to.not.equal(light);
    await expect(element).to.be.accessible();
    element.theme = 'auto';
    await element.updateComplete;
    // A page that says nothing of its colour scheme is light, whatever the system prefers.
    expect(page).to.equal(light);
    if (await emulate({ colorScheme: 'dark' })) {
      await element.updateComplete;
      expect(colour()).to.equal(light);
      // A page that offers both follows the system, and so does the element.
      wrapper.style.colorScheme = 'light dark';
      element.theme = 'light';
      await element.updateComplete;
      element.theme = 'auto';
      await element.updateComplete;
      expect(colour()).to.equal(dark);
    }
  });

  it('animates progress only when motion is welcome', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple manual></ferry-uploader>`,
    );
    // Queued rows have no bar: the total's, there with two files, stands for them all.
    pick(element, [randomFile(10, 'motion.txt', 'text/plain'), randomFile(10, 'still.txt', 'text/plain')]);
    await element.updateComplete;
    const indicator = $(element, '[part=total] [part=progress-indicator]')!;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    expect(getComputedStyle(indicator).transitionDuration).to.equal(reduced ? '0s' : '0.2s');
    if (await emulate({ reducedMotion: 'reduce' }))
      expect(getComputedStyle(indicator).transitionDuration).to.equal('0s');
  });

  it('keeps page styles out and its own in; slots replace the hint and fill the empty state', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <style>
          button {
            background: rgb(255, 0, 0) !important;
          }
          .dropzone {
            display: none;
          }
        </style>
        <ferry-uploader endpoint=${stack.endpoint}
          ><span slot="hint">Drop invoices</span>
          <p slot="empty">No invoices yet</p></ferry-uploader
        >
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    const zone = $(element, '.dropzone')!;
    expect(getComputedStyle(zone).backgroundColor).to.not.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(zone).display).to.equal('flex');
    expect(zone.querySelector('slot')!.assignedNodes()[0]!.textContent).to.equal('Drop invoices');
    expect(($(element, 'slot[name=empty]') as HTMLSlotElement).assignedNodes()[0]!.textContent).to.equal(
      'No invoices yet',
    );
  });

  it('stays usable at 200 % zoom: nothing overflows a 640 px column', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 640px">
        <div style="zoom: 2">
          <ferry-uploader endpoint=${stack.endpoint} multiple manual directory></ferry-uploader>
        </div>
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    pick(element, [
      randomFile(10, 'zoomed-file-with-a-long-name.txt', 'text/plain'),
      randomFile(20, 'second.txt', 'text/plain'),
    ]);
    await element.updateComplete;
    const bounds = wrapper.getBoundingClientRect();
    for (const part of $$(element, '[part~=action], [part=upload-button], [part=folder-button], .dropzone')) {
      expect(part.getBoundingClientRect().right, part.getAttribute('aria-label') ?? part.textContent).to.be.at.most(
        bounds.right + 0.5,
      );
    }
  });
});

describe('droppedFiles', () => {
  // FAKES of the browser's FileSystemEntry API: a synthetic drop cannot carry a real folder.
  const fakeFile = (path: string): FileSystemFileEntry =>
    ({
      isFile: true,
      isDirectory: false,
      fullPath: `/${path}`,
      file: (done: (file: File) => void) => done(new File([path], path.split('/').pop()!)),
    }) as unknown as FileSystemFileEntry;
  const fakeDirectory = (path: string, children: FileSystemEntry[]): FileSystemDirectoryEntry =>
    ({
      isFile: false,
      isDirectory: true,
      fullPath: `/${path}`,
      createReader: () => {
        // Hands entries out two at a time, as Chromium does in batches of 100, then none.
        const left = [...children];
        return { readEntries: (done: (batch: FileSystemEntry[]) => void) => done(left.splice(0, 2)) };
      },
    }) as unknown as FileSystemDirectoryEntry;

  it('recurses into dropped folders, reading every batch, and keeps relative paths', async () => {
    const tree = fakeDirectory('album', [
      fakeFile('album/a.txt'),
      fakeFile('album/b.txt'),
      fakeFile('album/c.txt'),
      fakeDirectory('album/raw', [fakeFile('album/raw/d.bin')]),
    ]);
    const loose = fakeFile('loose.txt');
    const transfer = {
      items: [tree, loose].map((entry) => ({ webkitGetAsEntry: () => entry })),
      files: [],
    } as unknown as DataTransfer;
    const picked = await droppedFiles(transfer);
    expect(picked.map(({ path }) => path).sort()).to.deep.equal([
      'album/a.txt',
      'album/b.txt',
      'album/c.txt',
      'album/raw/d.bin',
      'loose.txt',
    ]);
    expect(picked.find(({ path }) => path === 'album/raw/d.bin')!.file.name).to.equal('d.bin');
  });
});
