// The list's look where the comparison with Uppy and FilePond found it wanting, checked in every
// engine against the real store: a total that says what happened, queued rows without an empty
// bar, and long names shortened in the middle so their extension stays.
import { Uploader } from '@ferry/core';
import { randomFile } from '@ferry/testing/browser';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { splitName } from '../file-row/name-cut.js';
import { formatBytes } from '../format.js';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from '../uploader/uploader.js';
import '../uploader/uploader.js';

/** The first match in `root`'s shadow tree if it has one (the element), else under `root` (a row, the total). */
const $ = (root: HTMLElement, selector: string): HTMLElement | null =>
  (root.shadowRoot ?? root).querySelector<HTMLElement>(selector);
const $$ = (element: FerryUploader, selector: string): HTMLElement[] => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
const row = (element: FerryUploader, name: string): HTMLElement =>
  $$(element, '[part~=row]').find((each) => each.querySelector('[part=name]')?.getAttribute('title') === name)!;
const box = (element: Element): DOMRect => element.getBoundingClientRect();

const LONG = 'Annual general meeting minutes and appendices, final version approved by the board (2026).docx';

describe('<ferry-uploader> total', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('says how many failed and how many are stored, and takes the failure’s colour and mark, then done’s', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint, retry: { limit: 0 } });
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader multiple .uploader=${uploader}></ferry-uploader>`,
    );
    const stored = next(element, 'ferry-complete');
    pick(element, [randomFile(3000, 'stored.bin')]);
    await stored;
    await executeServerCommand('ferry-fault', { method: 'PUT', fault: { kind: 'status', status: 500 } });
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(1000, 'failing.bin')]);
    await failed;
    await element.updateComplete;

    const total = $(element, '[part=total]')!;
    expect(total.dataset['state']).to.equal('error');
    expect($(total, '[part=summary]')!.textContent).to.equal('1 failed · 1 of 2 files stored');
    // Still the labelled progressbar: its name, its value (what the store holds), and what happened in its text.
    const bar = $(total, '[role=progressbar]')!;
    expect(bar.getAttribute('aria-label')).to.equal('Total progress');
    expect(bar.getAttribute('aria-valuenow')).to.equal('75'); // 3000 of 4000 bytes stored
    expect(bar.getAttribute('aria-valuetext')).to.equal(
      `1 failed · 1 of 2 files stored, ${formatBytes(3000, 'en')} of ${formatBytes(4000, 'en')}`,
    );
    // The failed row's error colour on the total's bar, summary and mark; never the accent of a running upload.
    const errorColour = getComputedStyle($(element, '[data-state=error] [part=error]')!).color;
    const fill = $(total, '[part=progress-indicator]')!;
    expect(getComputedStyle(fill).backgroundColor).to.equal(errorColour);
    expect(getComputedStyle($(total, '[part=summary]')!).color).to.equal(errorColour);
    expect(getComputedStyle($(total, '[part~=mark]')!).color).to.equal(errorColour);
    await expect(element).to.be.accessible();

    await executeServerCommand('ferry-faults-clear');
    const retried = next(element, 'ferry-complete');
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Retry failing.bin"]')!.click();
    await retried;
    await element.updateComplete;
    expect(total.dataset['state']).to.equal('done');
    expect($(total, '[part=summary]')!.textContent).to.equal('2 of 2 files stored');
    expect(bar.getAttribute('aria-valuenow')).to.equal('100');
    const doneFill = getComputedStyle($(element, '[data-state=done] [part=progress-indicator]')!).backgroundColor;
    expect(getComputedStyle(fill).backgroundColor).to.equal(doneFill);
    expect(getComputedStyle($(total, '[part~=mark]')!).color).to.equal(doneFill);

    element.locale = 'zh-CN';
    await waitUntil(() => $(total, '[part=summary]')?.textContent === '已存储 2 / 2 个文件', 'the summary in zh-CN');
  });

  it('words a failure in zh-CN', async () => {
    const uploader = new Uploader({ endpoint: stack.endpoint, retry: { limit: 0 } });
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader multiple locale="zh-CN" .uploader=${uploader}></ferry-uploader>`,
    );
    await executeServerCommand('ferry-fault', { method: 'PUT', times: 10, fault: { kind: 'status', status: 500 } });
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(10, 'a.bin'), randomFile(10, 'b.bin')]);
    await failed;
    await waitUntil(() => $$(element, '[data-state=error]').length === 3, 'both failed, and the total says so');
    expect($(element, '[part=summary]')!.textContent).to.equal('2 个失败 · 已存储 0 / 2 个文件');
  });
});

describe('<ferry-uploader> queued rows', () => {
  it('show their size alone and no bar, on the same grid as a row that ran', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} multiple manual style="inline-size: 600px"></ferry-uploader>`,
    );
    pick(element, [randomFile(3000, 'first.bin')]);
    await element.updateComplete;
    const stored = next(element, 'ferry-complete');
    element.upload();
    await stored;
    pick(element, [randomFile(12_345, 'waiting.bin')]);
    await element.updateComplete;

    const queued = row(element, 'waiting.bin');
    const done = row(element, 'first.bin');
    expect(queued.dataset['state']).to.equal('queued');
    expect(queued.querySelector('[role=progressbar]')).to.equal(null);
    const meta = $(queued, '[part=meta]')!;
    expect(meta.textContent.replace(/\s+/g, ' ').trim()).to.equal(`Queued ${formatBytes(12_345, 'en')}`);
    // Name and text start where the stored row's do; the text follows the name directly.
    for (const part of ['[part=name]', '[part=meta]', '.visual']) {
      expect(Math.round(box($(queued, part)!).left), part).to.equal(Math.round(box($(done, part)!).left));
    }
    expect(box(meta).top).to.be.at.least(box($(queued, '[part=name]')!).bottom - 0.5);
    // The total still stands for both, as a labelled progressbar.
    expect($(element, '[part=total] [role=progressbar]')!.getAttribute('aria-valuenow')).to.equal('19');
    await expect(element).to.be.accessible();
  });
});

describe('<ferry-uploader> long names', () => {
  it('splits a name before its extension, by whole characters, and leaves short names whole', () => {
    expect(splitName(LONG)).to.deep.equal({ head: LONG.slice(0, -9), tail: '026).docx' });
    expect(splitName('notes.txt')).to.deep.equal({ head: 'notes.txt', tail: '' });
    expect(splitName(`${'😀'.repeat(20)}.png`).tail).to.equal(`${'😀'.repeat(4)}.png`);
    expect(splitName('a-name-without-any-extension').tail).to.equal('xtension');
    // Composed first: a decomposed Korean name (as macOS hands it over) is cut between syllables.
    const korean = '2026년 연간 보고서 최종본.pdf';
    expect(splitName(korean.normalize('NFD'))).to.deep.equal(splitName(korean));
    expect(splitName(korean).tail).to.equal(' 최종본.pdf');
    // Never inside a cluster: a family emoji (joined by ZWJ) or an accented letter stays whole.
    const family = '👨‍👩‍👧';
    expect(splitName(`holiday-photos-${family}${family}${family}${family}.jpg`).tail).to.equal(
      `${family.repeat(4)}.jpg`,
    );
    // Nor between a flag's two halves, nor a skin tone and its hand.
    expect(splitName('holiday-in-🇩🇪🇫🇷🇮🇹🇪🇸🇯🇵.jpg').tail).to.equal('🇫🇷🇮🇹🇪🇸🇯🇵.jpg');
    expect(splitName('a-long-name-with-hands-👍🏽👍🏽👍🏽👍🏽.png').tail).to.equal('👍🏽👍🏽👍🏽👍🏽.png');
    // Never between two joined Arabic letters: back to the space, or not split at all.
    expect(splitName('تقرير الاجتماع السنوي.pdf')).to.deep.equal({ head: 'تقرير الاجتماع ', tail: 'السنوي.pdf' });
    expect(splitName('تقريرالاجتماعالسنويالنهائي.pdf').tail).to.equal('');
    // A newline or tab in a name (legal on Linux and macOS) shows as a space, never a line break.
    expect(splitName('two\nlines\tand a tab in a long name.txt').head).to.equal('two lines and a tab in a long ');
  });

  it('shortens in the middle so the extension stays in sight, with the whole name in title, text and buttons', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 420px">
        <ferry-uploader endpoint=${stack.endpoint} multiple manual accept=".docx"></ferry-uploader>
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    pick(element, [
      randomFile(10, LONG),
      randomFile(10, 'short.docx'),
      randomFile(10, `${'refused because of its type, '.repeat(3)}.exe`),
    ]);
    await element.updateComplete;
    for (const each of $$(element, '[part~=row]')) {
      const name = $(each, '[part=name]')!;
      const head = $(name, '.head')!;
      const tail = $(name, '.tail');
      const full = name.title;
      expect(name.textContent).to.equal(full); // the whole name, once, for assistive tech and copying
      if (full === 'short.docx') {
        expect(tail).to.equal(null);
        expect(head.scrollWidth).to.be.at.most(head.clientWidth);
        continue;
      }
      // The list's styles arrive with its lazily loaded module: wait for the cut.
      await waitUntil(() => head.scrollWidth > head.clientWidth, `${full}: the head gives way`, { timeout: 5000 });
      expect(getComputedStyle(head).textOverflow).to.equal('ellipsis');
      expect(tail!.textContent).to.equal(splitName(full).tail);
      expect(tail!.textContent).to.match(/\.(docx|exe)$/);
      // The tail is whole and inside the name's box, at its end.
      expect(tail!.scrollWidth).to.be.at.most(tail!.clientWidth + 0.5);
      expect(box(tail!).right).to.be.at.most(box(name).right + 0.5);
      expect(box(tail!).left).to.be.closeTo(box(head).right, 0.5);
      for (const button of each.querySelectorAll('button')) expect(button.getAttribute('aria-label')).to.contain(full);
    }
    expect(element.scrollWidth).to.be.at.most(420);
    await expect(element).to.be.accessible();

    // Wide enough, the name is shown whole, head and tail with no gap between them.
    wrapper.style.inlineSize = '1400px';
    await waitUntil(() => {
      const head = $(row(element, LONG), '.head')!;
      return head.scrollWidth <= head.clientWidth;
    }, 'the whole name fits');
    const name = $(row(element, LONG), '[part=name]')!;
    expect(box($(name, '.tail')!).left).to.be.closeTo(box($(name, '.head')!).right, 0.5);
  });

  it('keeps a Latin name in its own order in a right-to-left widget, at the row’s start', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" style="inline-size: 360px">
        <ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader>
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    pick(element, [randomFile(10, LONG)]);
    await element.updateComplete;
    const name = $(element, '[part~=row] [part=name]')!;
    const head = $(name, '.head')!;
    const tail = $(name, '.tail')!;
    await waitUntil(() => head.scrollWidth > head.clientWidth, 'the head gives way', { timeout: 5000 });
    expect(box(tail).left).to.be.closeTo(box(head).right, 0.5); // "Annual gen…026).docx", not ".docx…Annual"
    expect(box(tail).right).to.be.closeTo(box(name).right, 1); // the name at the start (right) of the row
  });
});

describe('<ferry-uploader> row buttons at 320 px', () => {
  it('stay on the name’s line while they fit beside 8 em of name, and go under it when not', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px">
        <ferry-uploader endpoint=${stack.endpoint} manual></ferry-uploader>
      </div>`,
    );
    const element = wrapper.querySelector('ferry-uploader')!;
    pick(element, [randomFile(10, 'receipt-scanned-at-the-shop.pdf')]);
    await element.updateComplete;
    const name = $(element, '[part~=row] [part=name]')!;
    const actions = $(element, '[part~=row] [part=actions]')!;
    // The list's styles arrive with its lazily loaded module: wait for the name's line.
    await waitUntil(() => getComputedStyle(name.parentElement!).display === 'flex', 'the list styled');
    const middle = (rect: DOMRect) => (rect.top + rect.bottom) / 2;
    expect(middle(box(actions))).to.be.within(box(name).top, box(name).bottom); // Cancel beside the name
    expect(box(actions).left).to.be.at.least(box(name).right);
    expect(box(actions).right).to.be.at.most(box(element).right);
    expect(box(name).width).to.be.at.least(parseFloat(getComputedStyle(name).fontSize) * 8 - 1);

    wrapper.style.inlineSize = '200px';
    await waitUntil(() => box(actions).top >= box(name).bottom - 0.5, 'the button under the name');
    expect(Math.round(box(actions).left)).to.equal(Math.round(box(name).left)); // at the line's start
    expect(element.scrollWidth).to.be.at.most(200);
  });
});
