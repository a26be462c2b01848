// What an outside check of the widget saw, each fixed and checked here in every engine against the
// real store: thumbnails, forced colours, bars of unfinished rows, units, alignment, the page's
// colour scheme, focus, announcements and failure sentences.
import { Uploader } from '@ferry/core';
import { randomFile } from '@ferry/testing/browser';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { formatBytes } from '../format.js';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from './uploader.js';
import './uploader.js';

const $ = (element: FerryUploader, selector: string): HTMLElement | null =>
  element.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (element: FerryUploader, selector: string): HTMLElement[] => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const button = (element: FerryUploader, label: string): HTMLButtonElement | null =>
  element.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
const status = (element: FerryUploader): string => $(element, '[role=status]')!.textContent;

/** Every text the live region takes from now on. */
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

/** A JPEG of `width` × `height` drawn in the page, left half red and right half blue. */
async function jpeg(width: number, height: number, name: string): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#d00';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#00d';
  context.fillRect(width / 2, 0, width / 2, height);
  return new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })], name, { type: 'image/jpeg' });
}

/** `file` with an EXIF segment saying orientation 6 (shown turned 90° clockwise), as phone cameras write. */
async function rotated(file: File): Promise<File> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // APP1 "Exif\0\0", a big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1, value 6.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
  // After the JFIF segment (APP0) when there is one, where decoders look for it.
  const at = bytes[2] === 0xff && bytes[3] === 0xe0 ? 4 + ((bytes[4]! << 8) | bytes[5]!) : 2;
  return new File([bytes.slice(0, at), new Uint8Array(app1), bytes.slice(at)], file.name, { type: file.type });
}

describe('<ferry-uploader> thumbnails', () => {
  it('shows the type icon, never a broken image, for an image/png that does not decode, HEIC and video', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple manual></ferry-uploader>`,
    );
    pick(element, [
      new File(['not a png at all'], 'broken.png', { type: 'image/png' }),
      new File(['heic bytes'], 'photo.heic', { type: 'image/heic' }),
      new File(['video bytes'], 'clip.mp4', { type: 'video/mp4' }),
    ]);
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 500)); // time enough for a decode to fail
    await element.updateComplete;
    expect($$(element, '[part=thumbnail]')).to.have.length(0);
    expect($$(element, '[part~=row] [part~=file-icon]')).to.have.length(3);
  });

  it('decodes a 4000 × 3000 photo to at most twice its 40 px display, upright from its EXIF orientation', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple manual></ferry-uploader>`,
    );
    pick(element, [await jpeg(4000, 3000, 'wide.jpg'), await rotated(await jpeg(400, 200, 'turned.jpg'))]);
    await waitUntil(() => $$(element, '[part=thumbnail]').length === 2, 'both thumbnails', { timeout: 15_000 });
    const [wide, turned] = $$(element, '[part=thumbnail]') as HTMLImageElement[];
    await Promise.all([wide!.decode(), turned!.decode()]);
    expect(wide!.src).to.match(/^blob:/);
    expect(wide!.clientWidth).to.equal(40);
    // Exactly twice the 40 px display, as tall as the 4:3 photo says.
    expect([wide!.naturalWidth, wide!.naturalHeight]).to.deep.equal([2 * wide!.clientWidth, 60]);
    // 400 × 200 turned by EXIF is 200 × 400: portrait.
    expect([turned!.naturalWidth, turned!.naturalHeight]).to.deep.equal([80, 160]);
  });
});

describe('<ferry-uploader> look', () => {
  it('keeps progress bars visible in forced colours: track and fill take system colours of their own', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader>`,
    );
    pick(element, [randomFile(10, 'bar.txt', 'text/plain')]);
    await element.updateComplete;
    // The engines' drivers here cannot emulate forced colours, so the rule itself is checked.
    const sheets = element.shadowRoot!.adoptedStyleSheets;
    const forced = sheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter(
        (rule): rule is CSSMediaRule =>
          rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText),
      )
      .flatMap((rule) => [...rule.cssRules] as CSSStyleRule[]);
    const track = forced.find((rule) => rule.selectorText === '.bar')!;
    const fill = forced.find((rule) => rule.selectorText.includes('.bar > div'))!;
    // WebKit has no forced colours (nor the property): it drops the declaration when parsing.
    if (CSS.supports('forced-color-adjust', 'none'))
      expect(track.style.getPropertyValue('forced-color-adjust')).to.equal('none');
    expect(track.style.getPropertyValue('background-color').toLowerCase()).to.equal('canvas');
    expect(fill.style.getPropertyValue('background-color').toLowerCase()).to.equal('highlight');
  });

  it('writes bytes in words with the locale’s plural rules', () => {
    expect(formatBytes(1, 'en')).to.equal('1 byte');
    expect(formatBytes(70, 'en')).to.equal('70 bytes');
    expect(formatBytes(0, 'en')).to.equal('0 bytes');
    expect(formatBytes(70, 'zh-CN')).to.equal('70字节');
    expect(formatBytes(1536, 'en')).to.equal('1.5 kB');
  });

  it('puts every row, with or without a thumbnail, and the labelled total on one left edge', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader
        endpoint=${stack.endpoint}
        multiple
        manual
        accept=".txt,image/*"
        style="inline-size:600px"
      ></ferry-uploader>`,
    );
    pick(element, [
      await jpeg(300, 200, 'photo.jpg'),
      randomFile(10, 'notes.txt', 'text/plain'),
      randomFile(10, 'x.exe'),
    ]);
    await waitUntil(() => $(element, '[part=thumbnail]'), 'thumbnail', { timeout: 15_000 });
    await element.updateComplete;
    // Queued rows: their size alone, in words with the plural.
    expect(
      $$(element, '[part~=row] [part=meta]').map((meta) => meta.textContent.replace(/\s+/g, ' ').trim()),
    ).to.include('Queued 10 bytes');
    const left = (selector: string) =>
      $$(element, selector).map((each) => Math.round(each.getBoundingClientRect().left));
    const names = left('[part~=row] [part=name]');
    expect(names).to.have.length(3);
    const bars = left('[part=progress]');
    const total = $(element, '[part=total]')!;
    const label = total.querySelector<HTMLElement>('.name')!;
    expect(label.textContent).to.equal('Total progress');
    expect(label.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(new Set([...names, ...bars, Math.round(label.getBoundingClientRect().left)]).size).to.equal(1);
  });

  it('follows the page’s color-scheme, not the system’s, and pads its dark panel', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="color-scheme: dark"><ferry-uploader endpoint=${stack.endpoint}></ferry-uploader></div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    await element.updateComplete;
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(31, 31, 31)');
    expect(parseFloat(getComputedStyle(element).paddingTop)).to.be.greaterThan(0);
    wrapper.style.colorScheme = 'light';
    element.theme = 'light';
    await element.updateComplete;
    element.theme = 'auto';
    await element.updateComplete;
    // A light page gets a light widget, whatever the system prefers.
    expect(getComputedStyle(element).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });
});

describe('<ferry-uploader> bars of unfinished rows', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('shows no full bar on a row that failed after its body was sent, nor on a cancelled one', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint, retry: { limit: 1 } });
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader multiple .uploader=${uploader}></ferry-uploader>`,
    );
    await executeServerCommand('ferry-fault', { method: 'PUT', times: 10, fault: { kind: 'status', status: 500 } });
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(2000, 'failing.bin')]);
    const { upload } = await failed;
    expect(upload.bytesSent).to.equal(2000); // the body went out
    await element.updateComplete;
    const bar = $(element, '[data-state=error] [role=progressbar]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('0');
    expect(bar.getAttribute('aria-valuetext')).to.contain('0 bytes of');
    expect($(element, '[data-state=error] [part=progress-indicator]')!.style.inlineSize).to.equal('0%');
    // A human sentence on the row, the engine's words in the disclosure.
    // With the tries made in all: retry limit 1 is 2 attempts.
    expect($(element, '[part=error]')!.textContent).to.equal('The storage service had a problem; Ferry tried 2 times.');
    expect($(element, '[part=details]')!.textContent).to.contain('Gave up after 2 attempts');
    await waitUntil(() =>
      status(element).includes('failing.bin failed: The storage service had a problem; Ferry tried 2 times.'),
    );

    await executeServerCommand('ferry-faults-clear');
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'delay', ms: 3000 } });
    const tiny = randomFile(1, 'tiny.bin');
    pick(element, [tiny]);
    await element.updateComplete;
    button(element, 'Cancel tiny.bin')!.click();
    await waitUntil(() => $(element, '[data-state=cancelled]'), 'cancelled');
    expect($(element, '[data-state=cancelled] [role=progressbar]')).to.equal(null);
  });
});

describe('<ferry-uploader> focus', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('never falls to the page body: Upload in manual mode, Cancel during an upload, the last failed row removed', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple manual></ferry-uploader>`,
    );
    await executeServerCommand('ferry-fault', {
      method: 'PUT',
      fault: { kind: 'throttle', bytesPerSecond: 64 * 1024 },
    });
    pick(element, [randomFile(1024 * 1024, 'slow.bin')]);
    await element.updateComplete;
    $(element, '[part=upload-button]')!.focus();
    $(element, '[part=upload-button]')!.click();
    await waitUntil(() => !$(element, '[part=upload-button]'), 'Upload button gone');
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.match(/(Pause|Cancel) slow\.bin/);

    button(element, 'Cancel slow.bin')!.focus();
    button(element, 'Cancel slow.bin')!.click();
    await waitUntil(() => $(element, '[data-state=cancelled]'), 'cancelled');
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Remove slow.bin');
    expect(document.activeElement).to.equal(element);
  });

  it('moves focus to the drop zone when the last, failed row is removed', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint, retry: { limit: 0 } });
    const element = await fixture<FerryUploader>(html`<ferry-uploader .uploader=${uploader}></ferry-uploader>`);
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'status', status: 500 } });
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(100, 'lost.bin')]);
    await failed;
    await element.updateComplete;
    button(element, 'Remove lost.bin')!.focus();
    button(element, 'Remove lost.bin')!.click();
    await waitUntil(() => $$(element, '[part~=row]').length === 0, 'row removed');
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal($(element, '.dropzone'));
    expect(document.activeElement).to.equal(element);
  });
});

describe('<ferry-uploader> announcements', () => {
  it('gathers completions close in time, and says a file added twice, removed and cancelled', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple></ferry-uploader>`,
    );
    const said = announcements(element);
    pick(element, [randomFile(10, 'one.txt', 'text/plain'), randomFile(10, 'two.txt', 'text/plain')]);
    await waitUntil(() => element.keys.length === 2, 'both stored');
    await waitUntil(() => said.some((text) => text.includes('2 files uploaded')), '2 files uploaded', {
      timeout: 5000,
    });
    expect(said.some((text) => text.includes('one.txt uploaded'))).to.equal(false);

    const again = randomFile(10, 'same.txt', 'text/plain');
    pick(element, [again]);
    await waitUntil(() => said.filter((text) => text.includes('same.txt added')).length === 1, 'first add');
    pick(element, [again]);
    await waitUntil(() => said.filter((text) => text.includes('same.txt added')).length === 2, 'second add said too');

    await waitUntil(() => element.keys.length === 4, 'all stored');
    button(element, 'Remove one.txt')!.click();
    await waitUntil(() => said.some((text) => text.includes('one.txt removed')), 'removal said');
  });

  it('says a cancel', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader>`,
    );
    const said = announcements(element);
    pick(element, [randomFile(10, 'later.txt', 'text/plain')]);
    await element.updateComplete;
    button(element, 'Cancel later.txt')!.click();
    await waitUntil(() => said.some((text) => text.includes('later.txt cancelled')), 'cancel said');
  });

  it('words failures in Chinese too, with the tries made', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint, retry: { limit: 1, backoffMs: 1 } });
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader locale="zh-CN" .uploader=${uploader}></ferry-uploader>`,
    );
    await executeServerCommand('ferry-fault', { method: 'PUT', times: 10, fault: { kind: 'status', status: 503 } });
    pick(element, [randomFile(100, '报告.bin')]);
    await waitUntil(() => $(element, '[part=error]')?.textContent.includes('存储服务出现问题'), 'zh-CN failure', {
      timeout: 10_000,
    });
    expect($(element, '[part=error]')!.textContent).to.equal('存储服务出现问题。Ferry 共尝试了 2 次，仍未成功。');
    await executeServerCommand('ferry-faults-clear');
  });
});
