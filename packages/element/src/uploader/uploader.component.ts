import { UploadState, type ResumeStore, type Uploader, type UploaderOptions, type UploadSnapshot } from '@ferry/core';
import { createIndexedDbResumeStore } from '@ferry/core/resume';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { UploadController } from '../controllers/upload-controller.js';
import { formatBytes } from '../format.js';
import { uploaderStyles } from './uploader.styles.js';

const STATE_LABEL: Record<UploadState, string> = {
  queued: 'Queued',
  preparing: 'Preparing',
  uploading: 'Uploading',
  paused: 'Paused',
  completing: 'Finishing',
  done: 'Uploaded',
  error: 'Failed',
  cancelled: 'Cancelled',
};

/** States in which Cancel still helps (once completing, the store is assembling the object). */
const CANCELLABLE: readonly UploadState[] = ['queued', 'preparing', 'uploading', 'paused', 'error'];

/**
 * A drop zone that is also a button opening the file picker, and one row per file with its
 * name, size, progress and state, and a button to cancel it. Files go straight to object
 * storage through the presigned URLs `endpoint` hands out; a large upload cut short by a reload
 * continues when the same file is added again (IndexedDB).
 *
 * @summary Uploads files to S3, OSS or any S3-compatible store through presigned URLs.
 * @slot hint - Text of the drop zone.
 * @event ferry-add - A file was added. `detail: { upload }`
 * @event ferry-state - An upload changed state. `detail: { upload }`
 * @event ferry-progress - Bytes were sent. `detail: { upload }`
 * @event ferry-complete - A file is stored. `detail: { upload }` (`upload.key`)
 * @event ferry-error - An upload failed. `detail: { upload, error }`
 * @csspart dropzone - The drop zone button.
 * @csspart list - The list of files.
 * @csspart row - One file's row.
 * @cssproperty --ferry-accent - Focus ring, progress and drag-over colour.
 * @cssproperty --ferry-border - Border colour.
 * @cssproperty --ferry-error - Colour of error text.
 * @cssproperty --ferry-radius - Corner radius.
 */
export class FerryUploader extends LitElement {
  static override styles = uploaderStyles;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Base URL of the signing endpoint (Ferry's HTTP+JSON protocol). */
  @property() endpoint = '';

  /** Accept several files at once. @default false */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** File types the picker offers, as the `accept` attribute of a file input. @default '' */
  @property() accept = '';

  /** Part uploads in flight at once, across files. @default 4 */
  @property({ type: Number }) concurrency = 4;

  /** Preferred part size in bytes. @default 8 MiB */
  @property({ type: Number, attribute: 'part-size' }) partSize = 8 * 1024 * 1024;

  /** An `Uploader` to use instead of one built from the attributes above. */
  @property({ attribute: false }) uploader: Uploader | undefined;

  @state() private dragging = false;
  @state() private announcement = '';
  @query('input[type=file]') private input!: HTMLInputElement;

  private readonly uploads = new UploadController(this);

  /** Adds files (as a drop or the picker does) and starts uploading them. */
  addFiles(files: Iterable<File>): void {
    const uploader = this.uploads.uploader(this.uploader, () => this.options());
    const list = [...files];
    for (const file of this.multiple ? list : list.slice(0, 1)) uploader.add(file);
    if (list.length > 0) this.announcement = list.length === 1 ? `${list[0]!.name} added` : `${list.length} files added`;
  }

  /** Pauses every upload in progress; stored parts are kept. */
  pause(): void {
    this.uploads.active?.pause();
  }

  /** Resumes paused uploads where they stopped. */
  resume(): void {
    this.uploads.active?.resume();
  }

  /** Cancels every unfinished upload, aborting multipart uploads on the store. */
  async cancel(): Promise<void> {
    await this.uploads.active?.cancel();
  }

  private resumeStore: ResumeStore | undefined;

  private options(): UploaderOptions {
    // Uploads survive a reload: the same file added again continues where it stopped.
    this.resumeStore ??= typeof indexedDB === 'undefined' ? undefined : createIndexedDbResumeStore();
    return { endpoint: this.endpoint, concurrency: this.concurrency, partSize: this.partSize, resumeStore: this.resumeStore };
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('uploader') && this.uploader) this.uploads.uploader(this.uploader, () => this.options());
  }

  private onPick(): void {
    this.addFiles(this.input.files ?? []);
    this.input.value = '';
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.addFiles(event.dataTransfer?.files ?? []);
  }

  private async cancelOne(upload: UploadSnapshot): Promise<void> {
    await this.uploads.active?.cancel(upload.id);
    this.announcement = `${upload.name} cancelled`;
  }

  override render() {
    return html`
      <button
        part="dropzone"
        class="dropzone ${this.dragging ? 'dragover' : ''}"
        type="button"
        @click=${() => this.input.click()}
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        <slot name="hint">${this.multiple ? 'Drop files here or choose files' : 'Drop a file here or choose a file'}</slot>
      </button>
      <input type="file" hidden tabindex="-1" ?multiple=${this.multiple} accept=${this.accept} @change=${this.onPick} />
      ${this.uploads.uploads.length === 0
        ? nothing
        : html`<ul part="list" aria-label="Uploads">
            ${repeat(this.uploads.uploads, (upload) => upload.id, (upload) => this.renderRow(upload))}
          </ul>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderRow(upload: UploadSnapshot) {
    const percent = upload.size === 0 ? (upload.state === UploadState.Done ? 100 : 0) : Math.floor((upload.bytesSent / upload.size) * 100);
    return html`<li part="row" data-state=${upload.state}>
      <span class="name" title=${upload.name}>${upload.name}</span>
      ${CANCELLABLE.includes(upload.state)
        ? html`<button class="action" type="button" aria-label="Cancel ${upload.name}" @click=${() => this.cancelOne(upload)}>
            Cancel
          </button>`
        : html`<span></span>`}
      <div
        class="bar"
        role="progressbar"
        aria-label="${upload.name} progress"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
      >
        <div style="inline-size: ${percent}%"></div>
      </div>
      <div class="meta">
        <span>${formatBytes(upload.size)}</span>
        <span class="state">${STATE_LABEL[upload.state]}</span>
        ${upload.error ? html`<span class="error">${upload.error.message}</span>` : nothing}
      </div>
    </li>`;
  }
}
