// Cancel and Remove when the store cannot be told: the signing endpoint's abort really fails (the
// fault proxy in front of the real signing server answers DELETE with an error), in every engine.
import { randomFile } from '@ferry/testing/browser';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { next, pick, stack } from '../test-support/page.js';
import type { FerryUploader } from './uploader.js';
import './uploader.js';

const MiB = 1024 * 1024;

/** Makes the signing endpoint answer every abort (DELETE …/multipart/{id}) with `status`, until the faults are cleared. */
const refuseAborts = (status: number) =>
  executeServerCommand('ferry-endpoint-fault', {
    method: 'DELETE',
    url: '/multipart/',
    times: 1000,
    fault: { kind: 'status', status },
  });

/** Keys of the multipart uploads the local store still holds open. */
const openUploads = () => executeServerCommand<string[], undefined>('ferry-open-uploads');

const $ = (element: FerryUploader, selector: string) => element.shadowRoot!.querySelector<HTMLElement>(selector);
const status = (element: FerryUploader) => $(element, '[role=status]')!.textContent;

describe('<ferry-uploader> when the store cannot be told of a cancel', () => {
  afterEach(() => executeServerCommand('ferry-faults-clear'));

  it('Cancel: the refused abort is a ferry-error, shown and announced on the cancelled row; Remove then tells the store', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB}></ferry-uploader>`,
    );
    const progressed = next(element, 'ferry-progress');
    pick(element, [randomFile(24 * MiB, 'kept-on-the-store.bin')]);
    await progressed; // the multipart upload exists on the store
    await element.updateComplete;
    await refuseAborts(500); // retried as any 5xx, then given up
    const refused = next(element, 'ferry-error');
    $(element, 'button[aria-label="Cancel kept-on-the-store.bin"]')!.click();
    const { upload, error } = await refused;
    expect(upload.state).to.equal('cancelled');
    expect(error.code).to.equal('retries-exhausted');
    expect(error.message).to.contain('abort-multipart').and.contain('500');
    expect(await openUploads()).to.include(upload.key);
    await element.updateComplete;
    const row = $(element, '[part=row]')!;
    expect(row.dataset['state']).to.equal('cancelled');
    // A sentence for people on the row; the engine's words (which call failed, the status) in the disclosure.
    expect(row.querySelector('[part=error]')!.textContent).to.contain('the store could not be told');
    expect(row.querySelector('[part=details]')!.textContent).to.contain('abort-multipart');
    await waitUntil(
      () => status(element).includes('kept-on-the-store.bin was cancelled, but the store could not be told'),
      'announced',
    );
    await expect(element).to.be.accessible();

    // The endpoint answers again: Remove aborts the multipart upload, and the row goes.
    await executeServerCommand('ferry-faults-clear');
    const removed = next(element, 'ferry-remove');
    $(element, 'button[aria-label="Remove kept-on-the-store.bin"]')!.click();
    await removed;
    expect(await openUploads()).to.not.include(upload.key);
  });

  it('Remove: the first refusal keeps the row and says why; Remove again lets it go, reported again', async () => {
    const element = await fixture<FerryUploader>(
      html`<ferry-uploader endpoint=${stack.endpoint} part-size=${5 * MiB}></ferry-uploader>`,
    );
    // Signing parts fails for good (401) once the multipart upload exists: a failed row that holds one.
    await executeServerCommand('ferry-endpoint-fault', {
      method: 'POST',
      url: '/batch',
      times: 1000,
      fault: { kind: 'status', status: 401 },
    });
    await refuseAborts(403);
    const failed = next(element, 'ferry-error');
    pick(element, [randomFile(12 * MiB, 'unsigned.bin')]);
    const { upload } = await failed;
    expect(upload.state).to.equal('error');
    await element.updateComplete;
    const errors: HTMLElementEventMap['ferry-error'][] = [];
    element.addEventListener('ferry-error', (event) => errors.push(event));
    $(element, 'button[aria-label="Remove unsigned.bin"]')!.click();
    await waitUntil(() => errors.length === 1, 'the refusal reported');
    expect(errors[0]!.error).to.include({ operation: 'abort-multipart', status: 403 });
    await element.updateComplete;
    const row = $(element, '[part=row]')!;
    expect(row.dataset['state']).to.equal('cancelled');
    expect(row.querySelector('[part=error]')!.textContent).to.contain('the store could not be told');

    const removed = next(element, 'ferry-remove');
    $(element, 'button[aria-label="Remove unsigned.bin"]')!.click();
    await removed;
    await waitUntil(() => errors.length === 2, 'the second refusal reported too');
    await element.updateComplete;
    expect($(element, '[part=row]')).to.equal(null);
    expect(await openUploads()).to.include(upload.key); // not swallowed: what the store keeps was said twice
  });
});
