import { UNSTOPPABLE } from './abortable.js';
import { anySignal } from './any-signal.js';
import { ByteProgress } from './byte-progress.js';
import type { Connectivity } from './connectivity.js';
import { isEndpointError } from './errors/endpoint-error.js';
import { ErrorCode, FerryError, isFerryError } from './errors/ferry-error.js';
import { MultipartRun } from './multipart-run.js';
import type { CallOptions, FileDescriptor, MultipartHandle } from './ports/endpoint.js';
import type { RequestPool } from './request-pool.js';
import { withRetry, type RetryState } from './retry.js';
import { runSinglePut } from './single-put-run.js';
import { putToStore, type StorePutContext } from './store-put.js';
import type { StoreRefusal } from './store-refusal.js';
import { ThroughputMeter } from './throughput.js';
import { nextState, transition, type UploadEvent } from './upload-lifecycle.js';
import type { RunResult, RunServices } from './upload-run.js';
import type { ResolvedUploaderOptions } from './uploader-options.js';
import { UploadState, type UploadSnapshot } from './upload-state.js';
import type { ObjectFields } from './upload-hooks.js';

/** A file to upload: a browser `File` fits, so does any object with these members. */
export interface UploadSource {
  /** The file's name. */
  readonly name: string;
  /** Its MIME type; empty when unknown. */
  readonly type: string;
  /** Size in bytes. */
  readonly size: number;
  /** Bytes `[start, end)`; sent as is, never read into memory. */
  slice(start: number, end: number): Blob;
}

/** How a `FileUpload` reports to its `Uploader`. */
export interface FileUploadHost {
  readonly options: ResolvedUploaderOptions;
  /** Limits PUTs to the store, across files. */
  readonly pool: RequestPool;
  /** Limits calls to the signing endpoint, across files. */
  readonly endpointPool: RequestPool;
  /** Whether the runtime is online. */
  readonly connectivity: Connectivity;
  /** Tells a store that refuses the page (CORS) from an outage. */
  readonly storeRefusal: StoreRefusal;
  stateChanged(upload: FileUpload, previous: UploadState): void;
  progressed(upload: FileUpload): void;
  retrying(upload: FileUpload, state: RetryState & { delayMs: number; partNumber?: number | undefined }): void;
  /** A part of `bytes` was stored (feeds adaptive concurrency). */
  partStored(bytes: number): void;
}

/** Abort reasons that say why a run stopped, so the run does not mistake them for failures. */
const PAUSED = new FerryError(
  ErrorCode.Aborted,
  'The upload was paused; resume() continues it from the parts the store holds.',
);
const CANCELLED = new FerryError(
  ErrorCode.Aborted,
  'The upload was cancelled; its multipart upload is aborted on the store.',
);

/** Failures a retry cannot mend: the multipart upload is aborted rather than left to bill its owner. */
const UNRECOVERABLE: ReadonlySet<string> = new Set([
  ErrorCode.SignatureMismatch,
  ErrorCode.EtagMissing,
  ErrorCode.Store,
  ErrorCode.InvalidInput,
  ErrorCode.FileUnreadable,
  ErrorCode.Unexpected,
]);

/**
 * One file's upload: the owner of its lifecycle (every state change goes through the transition
 * table in upload-lifecycle.ts) and of its progress. The bytes move in a run of their own: one
 * presigned PUT (single-put-run.ts) at or below the multipart threshold, else a multipart upload
 * (multipart-run.ts). Pause keeps stored parts; cancel aborts the multipart upload on the store.
 */
export class FileUpload {
  #state: UploadState = UploadState.Queued;
  #controller: AbortController | undefined;
  #error: FerryError | undefined;
  readonly #progress = new ByteProgress();
  readonly #meter = new ThroughputMeter();
  #key: string | undefined;
  #result: RunResult | undefined;
  /** The current run; it never rejects (failures become the `error` state). */
  #running: Promise<void> | undefined;
  /** The multipart upload, kept across runs; undefined for a single PUT. */
  #multipart: MultipartRun | undefined;
  readonly #services: RunServices;

  /** The bytes to send: the file's, or what `beforeUpload` gave instead. */
  #source: UploadSource;
  /** The file's own size, once `beforeUpload` replaced its bytes. */
  #originalSize: number | undefined;
  #fields: ObjectFields;
  #note: string | undefined;
  /** Whether `beforeUpload` has run (it runs once, before the first signing). */
  #prepared: boolean;
  readonly #host: FileUploadHost;

  constructor(
    readonly id: string,
    source: UploadSource,
    fields: ObjectFields,
    host: FileUploadHost,
  ) {
    this.#source = source;
    this.#fields = fields;
    this.#host = host;
    this.#prepared = !host.options.beforeUpload;
    this.#multipart = this.#method();
    this.#services = this.#runServices();
  }

  #method(): MultipartRun | undefined {
    return this.#source.size > this.#host.options.multipartThreshold ? new MultipartRun() : undefined;
  }

  /** Lets `beforeUpload` replace the bytes and change what is stored with the object. */
  async #prepare(signal: AbortSignal): Promise<void> {
    const { runBeforeUpload } = await import('./before-upload-run.js');
    const ready = await runBeforeUpload(this.#host.options.beforeUpload!, this.#source, this.#fields, signal);
    if (ready.source !== this.#source) {
      this.#originalSize = this.#source.size;
      this.#source = ready.source;
      this.#multipart = this.#method();
    }
    this.#fields = ready.fields;
    this.#note = ready.note;
    this.#prepared = true;
  }

  /** Where the upload stands. */
  get state(): UploadState {
    return this.#state;
  }

  /** A frozen picture of this upload. */
  snapshot(): UploadSnapshot {
    const multipart = this.#multipart;
    const uploading = this.#state === UploadState.Uploading;
    return Object.freeze({
      id: this.id,
      name: this.#source.name,
      size: this.#source.size,
      type: this.#descriptor().type,
      state: this.#state,
      bytesSent: this.#progress.bytesSent,
      speed: uploading ? this.#meter.speed : 0,
      eta: uploading ? this.#meter.eta(this.#source.size - this.#progress.acked) : undefined,
      method: multipart ? 'multipart' : 'single',
      parts: multipart
        ? { done: multipart.partsDone, total: multipart.partCount ?? 1 }
        : { done: this.#state === UploadState.Done ? 1 : 0, total: 1 },
      key: this.#key,
      originalSize: this.#originalSize,
      note: this.#note,
      location: this.#result?.location,
      callback: this.#result?.callback,
      error: this.#error,
    });
  }

  /** Starts a queued upload; does nothing in other states. */
  start(): void {
    this.#begin('start');
  }

  /** Continues a paused upload from the parts the store holds; does nothing in other states. */
  resume(): void {
    this.#begin('resume');
  }

  /** Tries a failed upload again, from the parts the store holds; does nothing in other states. */
  retry(): void {
    this.#begin('retry');
  }

  #begin(event: UploadEvent): void {
    if (nextState(this.#state, event) === undefined) return;
    this.#error = undefined;
    this.#running = this.#run(event);
  }

  /** Stops sending, keeping stored parts; `resume()` continues. Does nothing when nothing runs. */
  pause(): void {
    if (nextState(this.#state, 'pause') === undefined) return;
    this.#controller?.abort(PAUSED);
    this.#apply('pause');
  }

  /**
   * Stops for good and aborts the multipart upload on the store; rejects if the store could not
   * be told, and may then be called again. Does nothing once `completing`: the store is
   * assembling the object, which an abort could no longer prevent.
   */
  async cancel(): Promise<void> {
    const state = this.#state;
    if (nextState(state, 'cancel') === undefined) return;
    // Cancelled already: again only when the store could not be told the first time.
    if (state === UploadState.Cancelled && !this.#multipart?.handle) return;
    this.#controller?.abort(CANCELLED);
    this.#apply('cancel');
    // The run stops at its next step, but a multipart upload it was creating is created first
    // (see MultipartRun): wait for it, so that whatever exists on the store is aborted.
    // (A listener that threw inside the run must not keep the abort from happening.)
    await this.#running?.catch(() => undefined);
    const handle = this.#multipart?.handle;
    if (handle) await this.#abortOnStore(handle);
    this.#multipart?.aborted();
    this.#forgetResume();
  }

  /** Aborts `handle` on the store; one already gone (aborted elsewhere, or expired) leaves nothing to bill. */
  async #abortOnStore(handle: MultipartHandle): Promise<void> {
    const { endpoint } = this.#host.options;
    try {
      await this.#call((options) => endpoint.abortMultipart(handle, options), UNSTOPPABLE);
    } catch (error) {
      if (!(isEndpointError(error) && error.status === 404)) throw error;
    }
  }

  /** Runs after `event` (start, resume, retry); the state changes at once, before the first await. */
  async #run(event: UploadEvent): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#meter.reset();
    const { signal } = controller;
    try {
      // Inside the try: a state listener that throws fails this upload, not the caller's add().
      this.#apply(event);
      if (!this.#prepared) await this.#prepare(signal);
      const result = this.#multipart
        ? await this.#multipart.run(this.#services, signal)
        : await runSinglePut(this.#services, signal);
      signal.throwIfAborted();
      this.#result = result;
      this.#forgetResume();
      this.#apply('completed');
    } catch (error) {
      if (signal.aborted && (signal.reason === PAUSED || signal.reason === CANCELLED)) return;
      this.#error = isFerryError(error)
        ? error
        : new FerryError(ErrorCode.Unexpected, `Upload of ${this.#source.name} failed unexpectedly: ${String(error)}`, {
            cause: error,
          });
      this.#apply('failed');
      if (UNRECOVERABLE.has(this.#error.code)) await this.#abandon();
    }
  }

  /**
   * Aborts the multipart upload on the store after a failure that retrying cannot mend, so no
   * orphaned parts bill the owner; a later `retry()` begins a new one. Best effort: the error
   * already shown stays the one that matters.
   */
  async #abandon(): Promise<void> {
    const handle = this.#multipart?.handle;
    if (!handle) return;
    this.#forgetUpload();
    await this.#abortOnStore(handle).catch(() => undefined);
  }

  #forgetResume(): void {
    this.#host.options.resumeStore?.forget(this.#source).catch(() => undefined);
  }

  /**
   * Forgets the multipart upload on the store (lost, abandoned, or completed with other bytes):
   * the next run creates a new one and sends every part again. `bytesSent` stays where it was
   * (it never falls); progress events go on as the parts are sent again.
   */
  #forgetUpload(): void {
    this.#forgetResume();
    this.#multipart?.forget();
    this.#progress.restart();
  }

  /** What the runs get from this upload. */
  #runServices(): RunServices {
    const host = this.#host;
    // A getter: `beforeUpload` may replace the bytes after the services are made.
    const current = (): UploadSource => this.#source;
    const services: RunServices = {
      get source() {
        return current();
      },
      options: host.options,
      descriptor: () => this.#descriptor(),
      apply: (event) => this.#apply(event),
      keyChosen: (key) => (this.#key = key),
      progressed: (index, sent, force = false) => {
        if (this.#progress.record(index, sent)) this.#meter.update(this.#progress.transferred);
        else if (!force) return;
        host.progressed(this);
      },
      partSent: (bytes) => host.partStored(bytes),
      forgetUpload: () => this.#forgetUpload(),
      call: (task, signal) => this.#call(task, signal),
      put: (request) => putToStore(putContext, request),
    };
    const putContext: StorePutContext = {
      options: host.options,
      pool: host.pool,
      storeRefusal: host.storeRefusal,
      retry: (noNewAttempts, partNumber, task) => this.#retry(noNewAttempts, partNumber, task),
      progressed: (index, sent) => services.progressed(index, sent),
    };
    return services;
  }

  /** An endpoint call through the endpoint pool, with retries. */
  #call<T>(task: (options: CallOptions) => Promise<T>, signal: AbortSignal): Promise<T> {
    return this.#retry(signal, undefined, async (online) => {
      const release = await this.#host.endpointPool.acquire(signal);
      const combined = anySignal([signal, online]);
      try {
        return await task({ signal: combined.signal });
      } finally {
        combined.dispose();
        release();
      }
    });
  }

  /** Runs `task` with retries, waiting out outages without spending attempts (see `withRetry`). */
  #retry<T>(
    signal: AbortSignal,
    partNumber: number | undefined,
    task: (online: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return withRetry((_attempt, online) => task(online!), {
      policy: this.#host.options.retry,
      signal,
      network: this.#host.connectivity,
      onRetry: (state) => this.#host.retrying(this, { ...state, partNumber }),
    });
  }

  #descriptor(): FileDescriptor {
    return {
      filename: this.#source.name,
      type: this.#source.type || 'application/octet-stream',
      size: this.#source.size,
      metadata: this.#fields.metadata ?? {},
      cacheControl: this.#fields.cacheControl,
      tags: this.#fields.tags,
    };
  }

  /** The one place the state changes: through the transition table (see upload-lifecycle.ts). */
  #apply(event: UploadEvent): void {
    const previous = this.#state;
    const next = transition(previous, event);
    if (previous === next) return;
    this.#state = next;
    this.#host.stateChanged(this, previous);
  }
}
