import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ChecksumSetting } from '../controllers/checksummed-uploader.js';
import { UploadController, type UploaderLike } from '../controllers/upload-controller.js';
import { FerryRemoveEvent } from '../events/ferry-remove.js';
import type { ExistingFile } from '../existing/existing-file.js';
import type { FormFiles } from '../existing/form-files.js';
import type { HostLink, RowExtra } from '../existing/host-link.js';
import type { ListView } from '../file-list/list-view.js';
import type { InterruptedList } from '../interrupted/interrupted-list.js';
import { icon, UPLOAD_ICON } from '../icon.js';
import { droppedFiles, pickedFiles, type PickedFile } from '../input/dropped-files.js';
import type { FileIntake } from '../input/file-intake.js';
import { LiveAnnouncer } from '../live-announcer.js';
import { canonicalLocale, loadTranslation, translationFor } from '../localize.js';
import type { Translation } from '../translations/translation.js';
import { darkPalette, uploaderStyles } from './uploader.styles.js';

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

/**
 * Uploads dropped, picked, pasted or folder-picked files straight to S3, OSS or any
 * S3-compatible store through the presigned URLs `endpoint` hands out, with a row per file
 * (progress, speed, time left; pause, resume, cancel, retry, remove). A large upload cut short by
 * a reload continues when the same file is added again (IndexedDB). Form-associated: its value
 * is the stored object keys, one `FormData` entry each under `name`.
 *
 * Changing `endpoint`, `concurrency`, `part-size`, `manual` or `checksum` builds a new `Uploader`
 * for the files added afterwards. A file keeps the settings in force when it was added: uploads
 * already added (running, paused, failed, or queued for the Upload button) are not moved or lost,
 * and finish with those settings on their own Uploader, while new files use the new ones.
 *
 * @tagname ferry-uploader
 * @summary Uploads files to S3, OSS or any S3-compatible store through presigned URLs.
 * @slot hint - Text of the drop zone.
 * @slot empty - Shown below the drop zone while no file is listed.
 * @slot - The files the form already has, as `<ferry-file>` children: read, never shown.
 * @event {FerryBeforeAddEvent} ferry-before-add - Cancelable: a file is about to be added; `event.detail` (`name` renames it, `reason` with `preventDefault()` refuses it, `waitUntil(promise)` decides later).
 * @event {FerryBeforeUploadEvent} ferry-before-upload - Cancelable: an upload is about to start; `event.detail` (`file`, `metadata`, `cacheControl`, `tags` may change, `waitUntil(promise)`).
 * @event {FerryAddEvent} ferry-add - A file was added: `event.upload`.
 * @event {FerryRejectEvent} ferry-reject - A file broke a restriction and was not added: `event.file`, `event.reason`, `event.message`.
 * @event {FerryStateEvent} ferry-state - An upload changed state: `event.upload.state`, `event.previous`.
 * @event {FerryProgressEvent} ferry-progress - Bytes were sent: `event.upload.bytesSent`.
 * @event {FerryCompleteEvent} ferry-complete - A file is stored: `event.upload.key`.
 * @event {FerryErrorEvent} ferry-error - An upload failed, or the store could not be told of a cancel: `event.upload`, `event.error`.
 * @event {FerryRemoveEvent} ferry-remove - An upload left the list: `event.upload`.
 * @event change - The value (the stored keys) changed.
 * @csspart dropzone - The drop zone button; also `dragover` while files are dragged over it.
 * @csspart folder-button - The button that picks a folder (`directory`).
 * @csspart upload-button - The button that starts queued uploads (`manual`).
 * @csspart list - The list of files.
 * @csspart row - One file's row (also `rejected` rows).
 * @csspart thumbnail - An image's preview (decoded small, off the main thread); other files show a type `icon`.
 * @csspart icon - An icon: the drop zone's, a file type's, a state's mark.
 * @csspart note - A line about a file under its progress: a shrunk image's original and new size, or why it was sent as it was (`resize`).
 * @csspart name - A file's name, shortened in the middle when too long (its extension stays); the whole name is its `title`.
 * @csspart actions - A row's buttons; each is `action` plus its own name (`pause`, `remove`, …).
 * @csspart progress - A progress bar; `progress-indicator` is its filled part.
 * @csspart meta - State, bytes, speed and time left.
 * @csspart status - The state's label.
 * @csspart key - Where a done file was stored.
 * @csspart error - Why an upload failed.
 * @csspart details - The technical detail of a failure (the engine's message, the store's answer), folded.
 * @csspart total - Total progress and speed of all files; its `data-state` is `error` once one failed, `done` once all are stored.
 * @csspart summary - What the total stands for, e.g. "1 failed · 3 of 4 files stored".
 * @cssproperty --ferry-accent - Focus ring, progress and drag-over colour.
 * @cssproperty --ferry-background - Background of the widget.
 * @cssproperty --ferry-foreground - Text colour.
 * @cssproperty --ferry-muted - Secondary text colour.
 * @cssproperty --ferry-border - Border colour.
 * @cssproperty --ferry-error - Colour of errors: text, mark and bar of a failed file.
 * @cssproperty --ferry-success - Colour of a stored file's mark and bar.
 * @cssproperty --ferry-paused - Colour of a paused file's mark and bar.
 * @cssproperty --ferry-track - The empty part of a progress bar (each state's colour keeps 3:1 against it).
 * @cssproperty --ferry-padding - Inner padding (the dark palette's panel has some).
 * @cssproperty --ferry-radius - Corner radius.
 * @cssproperty --ferry-gap - Spacing unit.
 */
export class FerryUploader extends LitElement {
  static override styles = uploaderStyles;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Takes part in forms: the value is the stored keys. */
  static formAssociated = true;
  // Static declarations, not decorators: the same accessors in fewer bytes for every user.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    multiple: { type: Boolean, reflect: true },
    directory: { type: Boolean },
    accept: {},
    capture: {},
    maxFileSize: { type: Number, attribute: 'max-file-size' },
    minFileSize: { type: Number, attribute: 'min-file-size' },
    maxFiles: { type: Number, attribute: 'max-files' },
    maxTotalSize: { type: Number, attribute: 'max-total-size' },
    manual: { type: Boolean },
    concurrency: { type: Number },
    partSize: { type: Number, attribute: 'part-size' },
    checksum: {},
    resize: {},
    quality: { type: Number },
    format: {},
    locale: {},
    strings: { attribute: false },
    theme: { reflect: true },
    name: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    uploader: { attribute: false },
    deleteOnRemove: { type: Boolean, attribute: 'delete-on-remove' },
    dragging: { state: true },
    fieldsetDisabled: { state: true },
  };

  /** Base URL of the signing endpoint (Ferry's HTTP+JSON protocol). */
  endpoint = '';

  /** Accept several files at once. @default false */
  multiple = false;

  /** Also offer a folder picker; dropped folders are always taken, keeping relative paths. @default false */
  directory = false;

  /** Accepted types: MIME types, `type/*` families and `.ext` suffixes, comma-separated. @default '' (any) */
  accept = '';

  /**
   * Passed to the file input: on phones, `environment` (rear camera) or `user` (front camera)
   * opens the camera, so a photo or video goes straight into the uploader; an empty value lets
   * the phone choose. Desktop browsers ignore it. @default undefined (the file picker)
   */
  capture: string | undefined;

  /** Largest file accepted, bytes. @default undefined (no limit) */
  maxFileSize: number | undefined;

  /** Smallest file accepted, bytes. @default undefined (no limit) */
  minFileSize: number | undefined;

  /** Most files listed at once (cancelled ones do not count). @default undefined (no limit) */
  maxFiles: number | undefined;

  /** Most bytes of all listed files together. @default undefined (no limit) */
  maxTotalSize: number | undefined;

  /**
   * Wait for `upload()` (an Upload button, shown while files are queued) instead of starting each
   * file as it is added. @default false
   */
  manual = false;

  /** Part uploads in flight at once, across files. @default 4 */
  concurrency = 4;

  /** Preferred part size in bytes. @default 8 MiB */
  partSize = 8 * 1024 * 1024;

  /**
   * Integrity checks: `md5` (S3 and OSS), `sha256` or `crc32c` (S3) signs a digest of every part
   * into its URL, so the store refuses damaged bytes and they are sent again; `crc64` (OSS)
   * compares the stored object's CRC-64 with the file's; `md5 crc64` does both. Parts are hashed
   * in a Worker. The checksum code (`@ferry/core/checksums`) loads only once this is set.
   * @default undefined (none)
   */
  checksum: ChecksumSetting | undefined;

  /**
   * Shrinks images before upload to fit `"max-width,max-height"` pixels, in a Worker; EXIF
   * orientation is applied and EXIF (GPS included) dropped. An image that would grow, or that the
   * browser cannot read, is sent as it was, with a note on its row. The code
   * (`@ferry/core/resize`) loads only once this is set.
   * @default undefined (images are sent as they are)
   */
  resize: string | undefined;

  /** Lossy quality of shrunk images, from 0 to 1. @default the browser's */
  quality: number | undefined;

  /** `image/jpeg`, `image/webp` or `image/avif` (where the browser encodes it, else JPEG) for shrunk images. @default the image's own type (JPEG, PNG, WebP) */
  format: string | undefined;

  /** Language of the strings (`en`, `zh-CN` or one registered). @default the nearest `lang`, else the browser's */
  locale = '';

  /** Strings that replace the language's own. */
  strings: Partial<Translation> = {};

  /**
   * `light`, `dark`, or follow the page (`auto`): dark when the page's `color-scheme` is dark (or
   * `light dark` while the system prefers dark), light otherwise, whatever the system prefers.
   * @default 'auto'
   */
  theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Name of the form field (one entry per stored key). @default '' */
  name = '';

  /** The form cannot be submitted until at least one file is stored and none is still uploading. @default false */
  required = false;

  /** No files can be added and the buttons are off. @default false */
  disabled = false;

  /** An `Uploader` (from @ferry/core) to use instead of one built from the attributes above. */
  uploader: UploaderLike | undefined;

  /**
   * Removing a stored file (one the form had, or an upload that finished) deletes it through the
   * endpoint at once, with the delete token of an upload made here, else as the server's
   * `authorizeDelete` allows; a refused delete shows on the row, which stays. Without it, removed
   * existing files wait for the form's submit (its "removed" list). @default false
   */
  deleteOnRemove = false;

  /**
   * The files the form holds: the existing ones kept (set here, or given as `<ferry-file>`
   * children) and those uploaded since. Setting a list other than this one makes it the form's
   * saved set (done rows, restored by form reset); setting this same list back (a controlled
   * React prop, Vue's `v-model`) changes nothing. Their code loads once this is set.
   */
  get files(): readonly ExistingFile[] {
    // Until its module loads, the list last set (a controlled framework reads it back meanwhile).
    return (
      this.forms?.files() ?? [
        ...(this.given ?? []),
        ...this.uploads.uploads.flatMap(({ state, key, name, size, type }) =>
          state === 'done' && key ? [{ key, name, size, type }] : [],
        ),
      ]
    );
  }

  set files(files: readonly ExistingFile[]) {
    this.given = files;
    // At once when loaded, so that a form reset right after sees the new saved set.
    if (this.forms) this.forms.take(files);
    else void this.loadForms().then((forms) => forms.take(files), reportError);
  }

  /** The same as `files`, for Vue's `v-model` (which reads `value` on `input` events). */
  get value(): readonly ExistingFile[] {
    return this.files;
  }

  set value(files: readonly ExistingFile[] | '') {
    this.files = files || []; // v-model writes '' for null
  }

  private dragging = false;
  private fieldsetDisabled = false;

  private readonly uploads = new UploadController(this, {
    uploader: () => this.uploader,
    config: () => ({
      endpoint: this.endpoint,
      concurrency: this.concurrency,
      partSize: this.partSize,
      manual: this.manual,
      checksum: this.checksum,
      resize: this.resize,
      quality: this.quality,
      format: this.format,
      deleteOnRemove: this.deleteOnRemove,
    }),
    // The event's code loads as the first upload starts (a chunk of its own), not with the page.
    beforeUpload: async (file, context) =>
      (await import('../controllers/before-upload-event.js')).beforeUploadEvent(this)(file, context),
  });
  private readonly internals = this.attachInternals();
  private readonly announcer = new LiveAnnouncer(this, (tally, count, first) => this.t[tally](count, first));

  /** Order, folder path and thumbnail of each upload listed, by upload id. */
  private readonly extras = new Map<string, RowExtra>();
  private nextOrder = 1;
  private loadedFor = '';
  /** The rows and what only matters once there are some (their own module, loaded with the first file). */
  private list: ListView | undefined;
  /** The drop zone's hint from the restrictions, in its own module: pages without restrictions never load it. */
  private limitsHint: typeof import('../input/limits-hint.js').limitsHint | undefined;
  private listLoad: Promise<ListView> | undefined;
  /**
   * The form value and validity (its own module): loaded once there is something to say, a file
   * listed or `required`. Until then the value is empty and the element valid, as it would say.
   */
  private formLoad: Promise<void> | undefined;
  private formLoaded = false;
  /** Existing files, removals and deletes (their own module): loaded once `files`, `<ferry-file>` or `delete-on-remove` is used. */
  private forms: FormFiles | undefined;
  /** Checking and adding the files a person adds (its own module, loaded with the first file added). */
  private intake: FileIntake | undefined;
  private intakeLoad: Promise<FileIntake> | undefined;
  private formsLoad: Promise<FormFiles> | undefined;
  private given: readonly ExistingFile[] | undefined;
  /** The uploads interrupted in this browser (their own module, loaded once the element has started). */
  private interrupted: InterruptedList | undefined;
  private readonly link: HostLink = {
    host: this,
    uploads: this.uploads,
    t: () => this.t,
    locale: () => this.resolvedLocale,
    off: () => this.off,
    say: (text) => this.announcer.say(text),
    count: (tally, name) => this.announcer.count(tally, name),
    removed: (upload) => this.dispatchEvent(new FerryRemoveEvent(upload)),
    given: () => this.given,
    forms: () => this.forms,
    loadForms: () => this.loadForms(),
    intake: () => this.intake,
    interrupted: () => this.interrupted,
    order: () => this.nextOrder++,
    extras: this.extras,
    extra: (id) => this.extraOf(id),
    dropzone: () => this.dropzone,
    sent: new Set(),
  };
  /** Whether the page around the element is dark (its `color-scheme`). */
  private pageDark = false;
  private readonly readScheme = () => {
    // The page's color-scheme, as the parent has it (the element's own follows its palette).
    const parent = this.parentNode instanceof ShadowRoot ? this.parentNode.host : this.parentElement;
    const scheme = parent ? getComputedStyle(parent).colorScheme : '';
    const dark = /dark/.test(scheme) && (!/light/.test(scheme) || darkQuery.matches);
    if (dark !== this.pageDark) {
      this.pageDark = dark;
      this.requestUpdate();
    }
  };

  constructor() {
    super();
    // Follows the page's colour scheme while in the document (and the system's, for `light dark` pages).
    this.addController({
      hostConnected: () => {
        this.readScheme();
        darkQuery.addEventListener('change', this.readScheme);
        setTimeout(() => this.started());
      },
      hostDisconnected: () => darkQuery.removeEventListener('change', this.readScheme),
    });
    this.addEventListener('ferry-add', ({ upload }) => {
      this.extraOf(upload.id);
      this.announcer.count('added', upload.name);
    });
    this.addEventListener('ferry-complete', ({ upload }) => this.announcer.count('done', upload.name));
    this.addEventListener('ferry-state', ({ upload }) => {
      if (upload.state === 'cancelled') this.announcer.count('cancelled', upload.name);
    });
    this.addEventListener('ferry-error', ({ upload, error }) => {
      // Failures are worded by the list's module (its row shows the same sentence).
      void this.loadList().then((list) => list.announceFailure(upload, error));
    });
    this.addEventListener('ferry-remove', ({ upload }) => {
      this.forget(upload.id);
      this.announcer.count('removed', upload.name);
    });
    this.addEventListener('paste', (event) => this.addFiles(event.clipboardData?.files ?? []));
  }

  /** Keys of the stored objects: the existing files kept, then the uploads done, in the order added. */
  get keys(): string[] {
    return this.files.map((file) => file.key);
  }

  /** Adds files (as a drop or the picker does), checking the restrictions, and starts them unless `manual`. */
  addFiles(files: Iterable<File>): void {
    this.add([...files].map((file) => ({ file, path: '' })));
  }

  /** Starts the queued uploads (with `manual`). */
  upload(): void {
    this.uploads.start();
  }

  /** Pauses every upload in progress; stored parts are kept. */
  pause(): void {
    this.uploads.pause();
  }

  /** Resumes paused uploads where they stopped. */
  resume(): void {
    this.uploads.resume();
  }

  /**
   * Cancels every unfinished upload, aborting multipart uploads on the store. Where the store could
   * not be told, the row says so and `ferry-error` fires; the promise then rejects with that error.
   */
  async cancel(): Promise<void> {
    await this.uploads.cancel();
  }

  /** Retries failed uploads from the parts already stored. */
  retry(): void {
    this.uploads.retry();
  }

  /** Its validity: `valueMissing` (`required`), `rangeOverflow` (`max-files`, `max-total-size`), `customError` (still uploading). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** Why it is invalid, in the element's language; '' when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether it is valid; fires `invalid` when not. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the message to the user when invalid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /**
   * Form reset: cancels and removes every upload, and brings back the existing files it was given
   * (with `delete-on-remove`, also deleting the uploads it stored: nothing will list them).
   */
  formResetCallback(): void {
    const dropped = this.uploads.uploads;
    this.uploads.removeAll();
    this.intake?.clear();
    // At once when loaded: `FormData` read right after the reset has the restored lists.
    if (this.forms) this.forms.restore(dropped);
    else if (this.deleteOnRemove) void this.loadForms().then((forms) => forms.restore(dropped), reportError);
  }

  /** A disabled fieldset disables the element too. */
  formDisabledCallback(disabled: boolean): void {
    this.fieldsetDisabled = disabled;
  }

  private get t(): Translation {
    return translationFor(this.resolvedLocale, this.strings);
  }

  private get resolvedLocale(): string {
    // The first of these that is a language tag Intl accepts: an invalid one would throw on every render.
    const candidates = [this.locale, this.closest('[lang]')?.getAttribute('lang'), navigator.language];
    return candidates.map(canonicalLocale).find((tag) => tag !== undefined) ?? 'en';
  }

  private get off(): boolean {
    return this.disabled || this.fieldsetDisabled;
  }

  private add(picked: readonly PickedFile[]): void {
    if (this.off || picked.length === 0) return;
    void this.loadIntake().then((intake) => intake.add(picked));
  }

  private loadIntake(): Promise<FileIntake> {
    return (this.intakeLoad ??= import('../input/file-intake.js').then(
      ({ FileIntake }) => (this.intake = new FileIntake(this.link)),
    ));
  }

  private extraOf(id: string): RowExtra {
    let extra = this.extras.get(id);
    if (!extra) this.extras.set(id, (extra = { order: this.nextOrder++, path: '' }));
    return extra;
  }

  private forget(id: string): void {
    const extra = this.extras.get(id);
    extra?.abort?.abort();
    if (extra?.thumbnail) URL.revokeObjectURL(extra.thumbnail);
    this.extras.delete(id);
  }

  /**
   * Once started (its children parsed, its settings set): existing files given as `<ferry-file>`
   * children, and the uploads interrupted in this browser.
   */
  private started(): void {
    if (this.querySelector('ferry-file')) void this.loadForms();
    if (!this.interrupted && this.endpoint && !this.uploader && typeof indexedDB !== 'undefined')
      void import('../interrupted/interrupted-list.js').then(({ InterruptedList }) =>
        (this.interrupted ??= new InterruptedList(this.link)).load(),
      );
  }

  private loadForms(): Promise<FormFiles> {
    return (this.formsLoad ??= import('../existing/form-files.js').then(
      ({ FormFiles }) => (this.forms = new FormFiles(this.link)),
    ));
  }

  private loadList(): Promise<ListView> {
    return (this.listLoad ??= import('../file-list/list-view.js').then(({ ListView }) => {
      this.list = new ListView(this.link);
      this.requestUpdate();
      return this.list;
    }));
  }

  private loadForm(): void {
    this.formLoad ??= import('../form/form-controller.js').then(({ FormController, formInputOf }) => {
      this.addController(new FormController(this, this.internals, () => formInputOf(this.link)));
      this.formLoaded = true;
      this.requestUpdate();
    });
  }

  /**
   * Also waits for the code of adding files, the list and the form to load, and for a large batch
   * of files to be taken in (a slice per task), so that `await updateComplete` after adding files
   * finds their rows, and the form sees the element's validity.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (
      (this.listLoad && !this.list) ||
      (this.formLoad && !this.formLoaded) ||
      (this.formsLoad && !this.forms) ||
      (this.intakeLoad && !this.intake) ||
      this.intake?.settled()
    ) {
      await Promise.all([this.listLoad, this.formLoad, this.formsLoad, this.intakeLoad, this.intake?.settled()]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new `.uploader` shows its list at once; other settings apply from the next file added.
    if (changed.has('uploader')) this.uploads.sync();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('theme')) this.readScheme();
  }

  private get dropzone(): HTMLButtonElement {
    return this.renderRoot.querySelector('.dropzone')!;
  }

  private pickerClick(selector: string): void {
    this.renderRoot.querySelector<HTMLInputElement>(selector)!.click();
  }

  private onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.off ? 'none' : 'copy';
    this.dragging = !this.off;
  }

  private async onDrop(event: DragEvent): Promise<void> {
    event.preventDefault();
    this.dragging = false;
    if (event.dataTransfer) this.add(await droppedFiles(event.dataTransfer));
  }

  private onPick({ target }: Event): void {
    const input = target as HTMLInputElement;
    if (input.files) this.add(pickedFiles(input.files));
    input.value = '';
  }

  override render() {
    const locale = this.resolvedLocale;
    // A language other than English loads once, on first use; the render after it has its strings.
    if (locale !== this.loadedFor)
      void loadTranslation((this.loadedFor = locale)).then((loaded) => loaded && this.requestUpdate());
    const t = this.t;
    const uploads = this.uploads.uploads;
    const listed = uploads.length > 0 || !!this.intake?.rejected.length || !!this.forms?.kept.length;
    if (listed) void this.loadList();
    if (uploads.length > 0 || this.required || this.forms) this.loadForm();
    const restricted = this.accept !== '' || this.maxFileSize !== undefined;
    if (restricted && !this.limitsHint)
      void import('../input/limits-hint.js').then((module) => {
        this.limitsHint = module.limitsHint;
        this.requestUpdate();
      });
    const limits = restricted ? this.limitsHint?.(this, t, locale) : '';
    return html`
      ${this.theme === 'dark' || (this.theme === 'auto' && this.pageDark) ? darkPalette : nothing}
      <button
        part="dropzone${this.dragging ? ' dragover' : ''}"
        class="dropzone"
        type="button"
        ?disabled=${this.off}
        @click=${() => this.pickerClick('input:not([webkitdirectory])')}
        @dragover=${this.onDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.onDrop}
      >
        ${icon(UPLOAD_ICON)}
        <slot name="hint">${t.dropHint(this.multiple)}</slot>
        ${limits ? html`<span class="limits">${limits}</span>` : nothing}
      </button>
      <input
        type="file"
        hidden
        tabindex="-1"
        ?multiple=${this.multiple}
        accept=${this.accept}
        capture=${this.capture ?? nothing}
        @change=${this.onPick}
      />
      ${
        this.directory
          ? html`<button
                part="folder-button"
                class="secondary"
                type="button"
                ?disabled=${this.off}
                @click=${() => this.pickerClick('[webkitdirectory]')}
              >
                ${t.chooseFolder}
              </button>
              <input type="file" hidden tabindex="-1" webkitdirectory @change=${this.onPick} />`
          : nothing
      }
      ${this.list?.uploadButton()} ${this.interrupted?.render()}
      ${listed ? this.list?.render() : html`<slot name="empty"></slot>`} ${this.announcer.region()}
    `;
  }
}
