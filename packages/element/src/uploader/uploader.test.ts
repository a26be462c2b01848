import { expect, fixture, html } from '@open-wc/testing';
import { randomFile, sha256Hex, storedSha256 } from '@ferry/testing/browser';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from './uploader.js';
import './uploader.js';

async function render(multiple = false, endpoint = stack.endpoint): Promise<FerryUploader> {
  return fixture<FerryUploader>(html`<ferry-uploader endpoint=${endpoint} ?multiple=${multiple}></ferry-uploader>`);
}

describe('<ferry-uploader>', () => {
  it('is accessible when empty and with files', async () => {
    const element = await render(true);
    await expect(element).to.be.accessible();
    pick(element, [randomFile(100, 'a.txt', 'text/plain'), randomFile(100, 'b.txt', 'text/plain')]);
    await next(element, 'ferry-complete');
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });

  it('renders the drop zone as a button that opens the picker', async () => {
    const element = await render();
    const zone = element.shadowRoot!.querySelector('.dropzone') as HTMLButtonElement;
    expect(zone.tagName).to.equal('BUTTON');
    expect(zone.textContent).to.contain('Drop a file here');
    const input = element.shadowRoot!.querySelector('input[type=file]') as HTMLInputElement;
    let opened = false;
    input.addEventListener('click', (event) => {
      opened = true;
      event.preventDefault();
    });
    zone.click();
    expect(opened).to.equal(true);
  });

  it('turns a picked file into a row, fires typed events, and stores the exact bytes', async () => {
    const element = await render();
    const file = randomFile(3000, 'picked.bin');
    const added = next(element, 'ferry-add');
    const completed = next(element, 'ferry-complete');
    pick(element, [file]);
    const addEvent = await added;
    expect(addEvent.upload.name).to.equal('picked.bin');
    expect(addEvent.bubbles && addEvent.composed).to.equal(true);
    await element.updateComplete;
    const row = element.shadowRoot!.querySelector('[part~=row]')!;
    expect(row.querySelector('.name')!.textContent).to.equal('picked.bin');
    const { upload } = await completed;
    expect(upload.state).to.equal('done');
    await element.updateComplete;
    expect(row.getAttribute('data-state')).to.equal('done');
    expect(row.querySelector('[role=progressbar]')!.getAttribute('aria-valuenow')).to.equal('100');
    expect(await storedSha256(upload.key!)).to.equal(await sha256Hex(file));
  });

  it('accepts a dropped file and shows the drag-over state while dragging', async () => {
    const element = await render();
    const zone = element.shadowRoot!.querySelector('.dropzone') as HTMLElement;
    const transfer = new DataTransfer();
    transfer.items.add(randomFile(10, 'dropped.txt', 'text/plain'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await element.updateComplete;
    expect(zone.part.contains('dragover')).to.equal(true);
    const completed = next(element, 'ferry-complete');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    expect((await completed).upload.name).to.equal('dropped.txt');
    await element.updateComplete;
    expect(zone.part.contains('dragover')).to.equal(false);
  });

  it('names the file on its cancel button and cancels it', async () => {
    const element = await render();
    const added = next(element, 'ferry-add');
    pick(element, [randomFile(20 * 1024 * 1024, 'big.bin')]);
    await added; // cancelled while its multipart upload is being created: it must still be aborted
    await element.updateComplete;
    const cancel = element.shadowRoot!.querySelector('button[aria-label="Cancel big.bin"]') as HTMLButtonElement;
    expect(cancel).to.exist;
    const cancelled = next(element, 'ferry-state');
    cancel.click();
    expect((await cancelled).upload.state).to.equal('cancelled');
  });

  it('says the bucket CORS must expose ETag when the browser cannot read a part ETag', async () => {
    const element = await render(false, stack.hiddenEtagEndpoint);
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(9 * 1024 * 1024, 'multipart.bin')]);
    const { error, upload } = await failed;
    expect(error.code).to.equal('etag-missing');
    expect(error.message).to.contain('ExposeHeader');
    expect(upload.state).to.equal('error');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.error')!.textContent).to.contain('ETag');
  });
});
