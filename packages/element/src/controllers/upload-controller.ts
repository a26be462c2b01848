import {
  ErrorCode,
  FerryError,
  isFerryError,
  type AddOptions,
  type BeforeUpload,
  type ResumeStore,
  type Uploader,
  type UploadSnapshot,
} from '@ferry/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FerryAddEvent } from '../events/ferry-add.js';
import { FerryCompleteEvent } from '../events/ferry-complete.js';
import { FerryErrorEvent } from '../events/ferry-error.js';
import { FerryProgressEvent } from '../events/ferry-progress.js';
import { FerryRemoveEvent } from '../events/ferry-remove.js';
import { FerryStateEvent } from '../events/ferry-state.js';
import type { FerryUploadEvent } from '../events/ferry-upload-event.js';
import { lazyIndexedDbResumeStore } from './lazy-resume-store.js';
import { buildUploader, sameConfig, type UploaderConfig } from './uploader-config.js';

/**
 * What the element needs of an uploader: `Uploader` from @ferry/core, or anything shaped like it
 * (a fake for stories).
 */
export type UploaderLike = Pick<
  Uploader,
  'on' | 'list' | 'add' | 'start' | 'pause' | 'resume' | 'retry' | 'cancel' | 'remove'
>;

/** A row's own buttons that the controller carries out. */
export type RowAction = 'pause' | 'resume' | 'retry' | 'cancel' | 'remove';

/** Where the controller reads the host's wishes, at each use. */
export interface UploadSettings {
  /** An Uploader to use instead of building one; `undefined` to build from `config()`. */
  readonly uploader: () => UploaderLike | undefined;
  /** The settings Uploaders are built from. */
  readonly config: () => UploaderConfig;
  /** The hook every Uploader built here calls before an upload starts (the element's `ferry-before-upload`). */
  readonly beforeUpload?: BeforeUpload | undefined;
}

/** One file of the list and the Uploader that owns it. */
interface Row {
  /** The id the element shows and its events carry: unique in the element, across Uploaders. */
  readonly id: string;
  readonly uploader: UploaderLike;
  /** The id its Uploader knows it by. */
  readonly coreId: string;
  snapshot: UploadSnapshot;
  /** Why the store could not be told of its cancel, until it is. */
  refusal?: FerryError | undefined;
}

/** An Uploader the controller listens to, and the generation that tells its ids apart. */
interface Attached {
  readonly uploader: UploaderLike;
  readonly generation: number;
  off: (() => void)[];
}

/** The Uploader built from the host's settings, or being built. */
interface Built {
  readonly config: UploaderConfig;
  readonly generation: number;
  uploader: UploaderLike | Promise<UploaderLike>;
}

/**
 * Bridges @ferry/core to an element: owns the `Uploader` built from the element's settings (or
 * uses the one given), keeps the list of uploads the element renders, re-dispatches the engine's
 * events as `ferry-*` DOM events, and carries out the rows' buttons.
 *
 * When the settings change (`config()` answers differently), the next file goes to a new
 * `Uploader` built from them. A file keeps the settings in force when it was added: uploads
 * already added (running, paused, failed or still queued) stay on their Uploader and finish,
 * pause, resume, retry and start there, so none is lost or sent twice. One list shows them all;
 * ids stay unique in it (a later Uploader's ids get `@generation`).
 *
 * @example
 * ```ts
 * private readonly uploads = new UploadController(this, {
 *   uploader: () => this.uploader,
 *   config: () => ({ endpoint: this.endpoint, concurrency: 4, partSize: 8 * 1024 * 1024, manual: false, checksum: '' }),
 * });
 * ```
 */
export class UploadController implements ReactiveController {
  /** The uploads, in the order added, as last reported. */
  uploads: readonly UploadSnapshot[] = [];
  private rows: Row[] = [];
  private attached: Attached[] = [];
  private provided: UploaderLike | undefined;
  private built: Built | undefined;
  private generation = 0;
  private resumeStore: ResumeStore | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: UploadSettings,
  ) {
    host.addController(this);
  }

  /**
   * Takes the host's `uploader()` in: a different one replaces the list with its list
   * (`undefined`: back to Uploaders built from `config()`, starting empty).
   */
  sync(): void {
    const provided = this.settings.uploader();
    if (provided === this.provided) return;
    for (const each of this.attached) for (const off of each.off) off();
    this.attached = [];
    this.built = undefined;
    this.provided = provided;
    this.rows = [];
    if (provided) {
      this.attach(provided, 0);
      this.rows = provided.list().map((upload) => this.newRow(provided, 0, upload));
    }
    this.changed();
  }

  /**
   * The Uploader new files go to: the host's `uploader()`, else the one built from the settings
   * in force (built now if they changed).
   * @throws FerryError `invalid-input` when the settings cannot make an Uploader.
   */
  target(): UploaderLike | Promise<UploaderLike> {
    this.sync();
    if (this.provided) return this.provided;
    const config = this.settings.config();
    if (!this.built || !sameConfig(this.built.config, config)) this.build(config);
    return this.built!.uploader;
  }

  /** Adds `file` to `uploader` (from `target()`); the upload as the element lists it. */
  add(uploader: UploaderLike, file: File, options: AddOptions): UploadSnapshot {
    const { id } = uploader.add(file, options);
    return this.rowOf(uploader, id)!.snapshot;
  }

  /** Starts the queued uploads, each with the settings it was added under. */
  start(): void {
    for (const { uploader } of this.attached) uploader.start();
  }

  /** Pauses every upload in progress. */
  pause(): void {
    for (const { uploader } of this.attached) uploader.pause();
  }

  /** Resumes every paused upload. */
  resume(): void {
    for (const { uploader } of this.attached) uploader.resume();
  }

  /** Retries every failed upload. */
  retry(): void {
    for (const { uploader } of this.attached) uploader.retry();
  }

  /**
   * Cancels every unfinished upload, aborting it on the store. Where the store could not be told,
   * the row shows why and `ferry-error` fires; the promise then rejects with the first such error
   * (the other cancels go on and report their own).
   */
  async cancel(): Promise<void> {
    await Promise.all(this.rows.map((row) => this.cancelRow(row)));
  }

  /** Cancels and forgets every upload (a form reset); a refused abort is reported by `ferry-error`. */
  removeAll(): void {
    for (const row of this.rows)
      void row.uploader.remove(row.coreId).catch((error: unknown) => this.refused(row, error));
  }

  /** Why the store could not be told of the cancel of upload `id`, if it could not. */
  refusal(id: string): FerryError | undefined {
    return this.rows.find((row) => row.id === id)?.refusal;
  }

  /**
   * Carries out a row's button. Cancel and Remove report an abort the store could not be told of
   * with `ferry-error` and show it on the row. Remove first cancels, keeping the row when the
   * store refused; Remove on a row that already shows a refusal tries again and lets it go either way.
   */
  act(id: string, action: RowAction): void {
    const row = this.rows.find((each) => each.id === id);
    if (!row) return;
    // Refusals are reported (ferry-error, the row) before the promise rejects: nothing more to do with it.
    if (action === 'cancel') this.cancelRow(row).catch(() => undefined);
    else if (action === 'remove') this.removeRow(row).catch(() => undefined);
    else row.uploader[action](row.coreId);
  }

  hostConnected(): void {
    // Back in the document: listen again, and take in the changes missed meanwhile.
    for (const each of this.attached) if (each.off.length === 0) this.listen(each);
    this.rows = this.rows.filter((row) => {
      const now = row.uploader.list().find((upload) => upload.id === row.coreId);
      if (now) row.snapshot = this.withId(now, row.id);
      return now !== undefined;
    });
    this.changed();
  }

  hostDisconnected(): void {
    // Uploads go on; the element stops listening, so it can be garbage-collected if it is gone for good.
    for (const each of this.attached) {
      for (const off of each.off) off();
      each.off = [];
    }
  }

  private async cancelRow(row: Row): Promise<void> {
    try {
      await row.uploader.cancel(row.coreId);
    } catch (error) {
      throw this.refused(row, error);
    }
    if (row.refusal) {
      row.refusal = undefined;
      this.changed();
    }
  }

  private async removeRow(row: Row): Promise<void> {
    if (!row.refusal) await this.cancelRow(row);
    await row.uploader.remove(row.coreId).catch((error: unknown) => this.refused(row, error));
  }

  /** Reports that the store could not be told of `row`'s cancel: on the row (while listed) and by `ferry-error`. */
  private refused(row: Row, error: unknown): FerryError {
    const reason = isFerryError(error)
      ? error
      : new FerryError(
          ErrorCode.Unexpected,
          `Aborting ${row.snapshot.name} on the store failed unexpectedly: ${String(error)}`,
          { cause: error },
        );
    row.refusal = reason;
    this.changed();
    this.host.dispatchEvent(new FerryErrorEvent(row.snapshot, reason));
    return reason;
  }

  private build(config: UploaderConfig): void {
    // Uploads survive a reload: the same file added again continues where it stopped.
    this.resumeStore ??= typeof indexedDB === 'undefined' ? undefined : lazyIndexedDbResumeStore();
    const made = buildUploader(config, this.resumeStore, this.settings.beforeUpload);
    const built: Built = { config, generation: ++this.generation, uploader: made };
    this.built = built;
    if (!(made instanceof Promise)) {
      this.adopt(built, made);
      return;
    }
    built.uploader = made.then(
      (uploader) => this.adopt(built, uploader),
      (error: unknown) => {
        if (this.built === built) this.built = undefined; // the next file tries again
        throw error;
      },
    );
  }

  /** Makes `uploader` the one new files go to, once built. */
  private adopt(built: Built, uploader: UploaderLike): UploaderLike {
    if (this.built !== built) return uploader; // the settings changed again meanwhile
    built.uploader = uploader;
    this.attach(uploader, built.generation);
    this.prune();
    return uploader;
  }

  /** Stops listening to Uploaders that new files no longer go to and that own no row. */
  private prune(): void {
    const current = this.provided ?? this.built?.uploader;
    this.attached = this.attached.filter((each) => {
      if (each.uploader === current || this.rows.some((row) => row.uploader === each.uploader)) return true;
      for (const off of each.off) off();
      return false;
    });
  }

  private attach(uploader: UploaderLike, generation: number): void {
    const each: Attached = { uploader, generation, off: [] };
    this.attached.push(each);
    this.listen(each);
  }

  private listen(each: Attached): void {
    const { uploader, generation } = each;
    each.off = [
      uploader.on('add', ({ upload }) => this.added(uploader, generation, upload)),
      uploader.on('remove', ({ upload }) => this.removed(uploader, upload)),
      uploader.on('state', ({ upload, previous }) =>
        this.relay(uploader, upload, (u) => new FerryStateEvent(u, previous)),
      ),
      uploader.on('progress', ({ upload }) => this.relay(uploader, upload, (u) => new FerryProgressEvent(u))),
      uploader.on('complete', ({ upload }) => this.relay(uploader, upload, (u) => new FerryCompleteEvent(u))),
      uploader.on('error', ({ upload, error }) => this.relay(uploader, upload, (u) => new FerryErrorEvent(u, error))),
    ];
  }

  private added(uploader: UploaderLike, generation: number, upload: UploadSnapshot): void {
    if (this.rowOf(uploader, upload.id)) return;
    const row = this.newRow(uploader, generation, upload);
    this.rows = [...this.rows, row];
    this.changed();
    this.host.dispatchEvent(new FerryAddEvent(row.snapshot));
  }

  private newRow(uploader: UploaderLike, generation: number, upload: UploadSnapshot): Row {
    const id = generation > 1 ? `${upload.id}@${generation}` : upload.id;
    return { id, uploader, coreId: upload.id, snapshot: this.withId(upload, id) };
  }

  private removed(uploader: UploaderLike, upload: UploadSnapshot): void {
    const row = this.rowOf(uploader, upload.id);
    if (!row) return;
    this.rows = this.rows.filter((each) => each !== row);
    this.prune();
    this.changed();
    this.host.dispatchEvent(new FerryRemoveEvent(this.withId(upload, row.id)));
  }

  private relay(
    uploader: UploaderLike,
    upload: UploadSnapshot,
    event: (upload: UploadSnapshot) => FerryUploadEvent,
  ): void {
    const row = this.rowOf(uploader, upload.id);
    if (!row) return;
    row.snapshot = this.withId(upload, row.id);
    this.changed();
    this.host.dispatchEvent(event(row.snapshot));
  }

  private rowOf(uploader: UploaderLike, coreId: string): Row | undefined {
    return this.rows.find((row) => row.uploader === uploader && row.coreId === coreId);
  }

  private withId(upload: UploadSnapshot, id: string): UploadSnapshot {
    return upload.id === id ? upload : { ...upload, id };
  }

  private changed(): void {
    this.uploads = this.rows.map((row) => row.snapshot);
    this.host.requestUpdate();
  }
}
