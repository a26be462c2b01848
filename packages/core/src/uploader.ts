import { Connectivity } from './connectivity.js';
import { StoreRefusal } from './store-refusal.js';
import { Emitter } from './emitter.js';
import { ErrorCode, FerryError, type FerryError as FerryErrorType } from './errors/ferry-error.js';
import { FileUpload, type FileUploadHost, type UploadSource } from './file-upload.js';
import { RequestPool } from './request-pool.js';
import { UploadState, type UploadSnapshot } from './upload-state.js';
import { resolveUploaderOptions, type ResolvedUploaderOptions, type UploaderOptions } from './uploader-options.js';
import { renamedSource, type AddOptions } from './upload-hooks.js';

/** Every event an {@link Uploader} emits; each carries a snapshot, never a live object. */
export interface UploaderEvents {
  /** A file was added. */
  add: { readonly upload: UploadSnapshot };
  /** An upload changed state. */
  state: { readonly upload: UploadSnapshot; readonly previous: UploadState };
  /** Bytes were sent; at most once per file per frame (see `scheduleProgress`). */
  progress: { readonly upload: UploadSnapshot };
  /** A request failed and will be tried again after `delayMs`. */
  retry: {
    readonly upload: UploadSnapshot;
    readonly error: unknown;
    readonly attempt: number;
    readonly delayMs: number;
    readonly partNumber?: number | undefined;
  };
  /** An upload finished: the object is stored. */
  complete: { readonly upload: UploadSnapshot };
  /** An upload stopped on an error; `retry(id)` continues it. */
  error: { readonly upload: UploadSnapshot; readonly error: FerryErrorType };
  /** An upload was removed from the list. */
  remove: { readonly upload: UploadSnapshot };
}

/**
 * Uploads files into object storage through presigned URLs. One per widget: it owns the request
 * pool shared by all files (so `concurrency` holds across files) and the event stream.
 *
 * @example
 * ```ts
 * const uploader = new Uploader({ endpoint: '/api/uploads' });
 * uploader.on('complete', ({ upload }) => console.log(upload.key));
 * uploader.add(file);
 * ```
 */
export class Uploader {
  /** The options in force, every default applied. */
  readonly options: ResolvedUploaderOptions;
  readonly #emitter = new Emitter<UploaderEvents>();
  readonly #uploads = new Map<string, FileUpload>();
  readonly #host: FileUploadHost;
  #nextId = 1;
  /** Uploads whose progress is not yet reported; flushed once per frame. */
  readonly #unreported = new Set<FileUpload>();
  #flushScheduled = false;

  constructor(options: UploaderOptions) {
    this.options = resolveUploaderOptions(options);
    const emit = this.#emitter.emit.bind(this.#emitter);
    const { concurrency, concurrencyTuner: tuner } = this.options;
    const pool = new RequestPool(concurrency);
    this.#host = {
      options: this.options,
      pool,
      endpointPool: new RequestPool(this.options.concurrency),
      connectivity: new Connectivity(),
      storeRefusal: new StoreRefusal(
        this.options.endpoint.probe && ((signal) => this.options.endpoint.probe!({ signal })),
      ),
      stateChanged: (upload, previous) => {
        // Progress pending for this upload goes out first, so 100 % precedes "done".
        if (this.#unreported.delete(upload)) emit('progress', { upload: upload.snapshot() });
        const snapshot = upload.snapshot();
        emit('state', { upload: snapshot, previous });
        if (snapshot.state === UploadState.Done) emit('complete', { upload: snapshot });
        if (snapshot.state === UploadState.Error && snapshot.error)
          emit('error', { upload: snapshot, error: snapshot.error });
      },
      progressed: (upload) => {
        this.#unreported.add(upload);
        if (this.#flushScheduled) return;
        this.#flushScheduled = true;
        this.options.scheduleProgress(() => {
          this.#flushScheduled = false;
          const uploads = [...this.#unreported];
          this.#unreported.clear();
          for (const pending of uploads) emit('progress', { upload: pending.snapshot() });
        });
      },
      retrying: (upload, state) => {
        if (tuner && state.partNumber !== undefined) pool.setLimit(tuner.failed());
        emit('retry', { upload: upload.snapshot(), ...state });
      },
      partStored: (bytes) => {
        if (tuner) pool.setLimit(tuner.succeeded(bytes));
      },
    };
  }

  /** Listens to `type`; the returned function stops listening. */
  on<K extends keyof UploaderEvents>(type: K, listener: (event: UploaderEvents[K]) => void): () => void {
    return this.#emitter.on(type, listener);
  }

  /**
   * Adds a file (after `beforeAdd`) and, unless `autoStart` is off, starts it. `options` says
   * what to store with the object (metadata, Cache-Control, tags), as the server's policy allows.
   * @throws FerryError `invalid-input` when `source` is not a file-like object; `refused` when `beforeAdd` refused it.
   */
  add(source: UploadSource, options: AddOptions = {}): UploadSnapshot {
    // Checked as JavaScript callers may pass it: anything at all.
    const given = source as Partial<UploadSource> | null | undefined;
    if (!given || typeof given.slice !== 'function' || !Number.isSafeInteger(given.size) || given.size! < 0) {
      throw new FerryError(ErrorCode.InvalidInput, 'add() takes a File or a { name, type, size, slice() } object.');
    }
    const verdict = this.options.beforeAdd?.(source);
    if (verdict && verdict !== true) {
      if ('refuse' in verdict) throw new FerryError(ErrorCode.Refused, verdict.refuse);
      source = renamedSource(source, verdict.name);
    }
    const upload = new FileUpload(`u${this.#nextId++}`, source, options, this.#host);
    this.#uploads.set(upload.id, upload);
    this.#emitter.emit('add', { upload: upload.snapshot() });
    if (this.options.autoStart) upload.start();
    return upload.snapshot();
  }

  /** Snapshots of every upload, in the order added. */
  list(): UploadSnapshot[] {
    return [...this.#uploads.values()].map((upload) => upload.snapshot());
  }

  /** The snapshot of one upload. */
  get(id: string): UploadSnapshot | undefined {
    return this.#uploads.get(id)?.snapshot();
  }

  /** Starts queued uploads (with `autoStart` off), or the one named. */
  start(id?: string): void {
    this.#each(id, (upload) => upload.start());
  }

  /** Pauses every upload in progress, or the one named; stored parts are kept. */
  pause(id?: string): void {
    this.#each(id, (upload) => upload.pause());
  }

  /** Resumes paused uploads, or the one named. */
  resume(id?: string): void {
    this.#each(id, (upload) => upload.resume());
  }

  /** Retries failed uploads, or the one named, from the parts already stored. */
  retry(id?: string): void {
    this.#each(id, (upload) => upload.retry());
  }

  /** Cancels unfinished uploads, or the one named, aborting them on the store. */
  async cancel(id?: string): Promise<void> {
    const jobs: Promise<void>[] = [];
    this.#each(id, (upload) => jobs.push(upload.cancel()));
    await Promise.all(jobs);
  }

  /** Cancels (if unfinished) and forgets one upload. */
  async remove(id: string): Promise<void> {
    const upload = this.#uploads.get(id);
    if (!upload) return;
    this.#uploads.delete(id);
    try {
      await upload.cancel();
    } finally {
      this.#emitter.emit('remove', { upload: upload.snapshot() });
    }
  }

  #each(id: string | undefined, action: (upload: FileUpload) => unknown): void {
    if (id === undefined) for (const upload of this.#uploads.values()) action(upload);
    else {
      const upload = this.#uploads.get(id);
      if (upload) action(upload);
    }
  }
}
