import { anySignal, type CombinedSignal } from './any-signal.js';
import type { Connectivity } from './connectivity.js';
import type { StoreRefusal } from './store-refusal.js';
import { isStoreError } from './errors/store-error.js';
import { isEndpointError } from './errors/endpoint-error.js';
import { ErrorCode, FerryError, isFerryError } from './errors/ferry-error.js';
import { planParts, type PartPlan, type PlannedPart } from './part-plan.js';
import { WireErrorCode } from './protocol/wire-errors.js';
import type { RequestPool } from './request-pool.js';
import { PartUrls } from './part-urls.js';
import type { CallOptions, FileDescriptor, MultipartHandle, SignedRequest, SinglePutParams } from './ports/endpoint.js';
import { ABORTED_BY_RUNTIME, type TransportResponse } from './ports/transport.js';
import { withRetry, type RetryState } from './retry.js';
import { StallWatchdog } from './stall-watchdog.js';
import { ThroughputMeter } from './throughput.js';
import type { ResolvedUploaderOptions } from './uploader-options.js';
import { nextState, transition, UploadEvent } from './upload-lifecycle.js';
import { UploadState, type UploadSnapshot } from './upload-state.js';

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
const PAUSED = new FerryError(ErrorCode.Aborted, 'Paused.');
const CANCELLED = new FerryError(ErrorCode.Aborted, 'Cancelled.');

/** For calls that neither pause nor cancel may stop (creating and aborting a multipart upload). */
const UNSTOPPABLE = new AbortController().signal;

/** Failures a retry cannot mend: the multipart upload is aborted rather than left to bill its owner. */
const UNRECOVERABLE: ReadonlySet<string> = new Set([
  ErrorCode.SignatureMismatch,
  ErrorCode.EtagMissing,
  ErrorCode.Store,
  ErrorCode.InvalidInput,
  ErrorCode.FileUnreadable,
  ErrorCode.Unexpected,
]);

/** Per-part progress in the current multipart upload: bytes acknowledged and the ETag once stored. */
interface PartProgress {
  sent: number;
  etag: string | undefined;
}

/**
 * One file's upload and the only owner of its state: a single presigned PUT below the multipart
 * threshold, else create → sign parts in batches → PUT parts through the shared pool → complete.
 * Pause keeps stored parts; cancel aborts the multipart upload on the store.
 */
export class FileUpload {
  #state: UploadState = UploadState.Queued;
  #controller: AbortController | undefined;
  #error: FerryError | undefined;
  /** What the snapshot reports: the most bytes ever acknowledged at once, so it never falls. */
  #bytesSent = 0;
  /** Bytes the store acknowledged for the current upload on the store (falls to 0 on a restart). */
  #acked = 0;
  /** Every byte acknowledged, re-sent ones too: what the speed is measured on. */
  #transferred = 0;
  #partsDone = 0;
  readonly #meter = new ThroughputMeter();
  #key: string | undefined;
  #location: string | undefined;
  #callback: string | undefined;
  #plan: PartPlan | undefined;
  #progress: PartProgress[] = [];
  #handle: MultipartHandle | undefined;
  #creating: Promise<MultipartHandle> | undefined;
  /** The current run; it never rejects (failures become the `error` state). */
  #running: Promise<void> | undefined;
  #urls: PartUrls | undefined;
  readonly #method: 'single' | 'multipart';

  readonly #source: UploadSource;
  readonly #metadata: Readonly<Record<string, string>>;
  readonly #host: FileUploadHost;

  constructor(readonly id: string, source: UploadSource, metadata: Readonly<Record<string, string>>, host: FileUploadHost) {
    this.#source = source;
    this.#metadata = metadata;
    this.#host = host;
    this.#method = source.size > host.options.multipartThreshold ? 'multipart' : 'single';
  }

  /** Where the upload stands. */
  get state(): UploadState {
    return this.#state;
  }

  /** A frozen picture of this upload. */
  snapshot(): UploadSnapshot {
    const total = this.#plan?.parts.length ?? 1;
    const done = this.#method === 'single' ? (this.#state === UploadState.Done ? 1 : 0) : this.#partsDone;
    return Object.freeze({
      id: this.id,
      name: this.#source.name,
      size: this.#source.size,
      type: this.#descriptor().type,
      state: this.#state,
      bytesSent: this.#bytesSent,
      speed: this.#state === UploadState.Uploading ? this.#meter.speed : 0,
      eta: this.#state === UploadState.Uploading ? this.#meter.eta(this.#source.size - this.#acked) : undefined,
      method: this.#method,
      parts: { done, total },
      key: this.#key,
      location: this.#location,
      callback: this.#callback,
      error: this.#error,
    });
  }

  /** Starts a queued upload; does nothing in other states. */
  start(): void {
    this.#begin(UploadEvent.Start);
  }

  /** Continues a paused upload from the parts the store holds; does nothing in other states. */
  resume(): void {
    this.#begin(UploadEvent.Resume);
  }

  /** Tries a failed upload again, from the parts the store holds; does nothing in other states. */
  retry(): void {
    this.#begin(UploadEvent.Retry);
  }

  #begin(event: UploadEvent): void {
    if (nextState(this.#state, event) === undefined) return;
    this.#error = undefined;
    this.#apply(event);
    this.#running = this.#run();
  }

  /** Stops sending, keeping stored parts; `resume()` continues. Does nothing when nothing runs. */
  pause(): void {
    if (nextState(this.#state, UploadEvent.Pause) === undefined) return;
    this.#controller?.abort(PAUSED);
    this.#apply(UploadEvent.Pause);
  }

  /**
   * Stops for good and aborts the multipart upload on the store; rejects if the store could not
   * be told, and may then be called again. Does nothing once `completing`: the store is
   * assembling the object, which an abort could no longer prevent.
   */
  async cancel(): Promise<void> {
    const state = this.#state;
    if (nextState(state, UploadEvent.Cancel) === undefined) return;
    // Cancelled already: again only when the store could not be told the first time.
    if (state === UploadState.Cancelled && !this.#handle) return;
    this.#controller?.abort(CANCELLED);
    this.#apply(UploadEvent.Cancel);
    // The run stops at its next step, but a multipart upload it was creating is created first
    // (see #multipartAttempt): wait for it, so that whatever exists on the store is aborted.
    // (A listener that threw inside the run must not keep the abort from happening.)
    await this.#running?.catch(() => undefined);
    const handle = this.#handle;
    if (handle) await this.#abortOnStore(handle);
    this.#handle = undefined;
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

  async #run(): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.#meter.reset();
    const { signal } = controller;
    try {
      if (this.#method === 'single') await this.#runSingle(signal);
      else await this.#runMultipart(signal);
      signal.throwIfAborted();
      this.#forgetResume();
      this.#apply(UploadEvent.Completed);
    } catch (error) {
      if (signal.aborted && (signal.reason === PAUSED || signal.reason === CANCELLED)) return;
      this.#error = isFerryError(error)
        ? error
        : new FerryError(ErrorCode.Unexpected, `Upload of ${this.#source.name} failed unexpectedly: ${String(error)}`, {
            cause: error,
          });
      this.#apply(UploadEvent.Failed);
      if (UNRECOVERABLE.has(this.#error.code)) await this.#abandon();
    }
  }

  async #runSingle(signal: AbortSignal): Promise<void> {
    const { endpoint } = this.#host.options;
    // Kept across runs (pause, retry): a resent body counts again only past what it reached.
    if (this.#progress.length === 0) this.#progress = [{ sent: 0, etag: undefined }];
    const body = this.#source.slice(0, this.#source.size);
    // Signed once, and again after the store said the URL expired; a failed signing is not kept.
    let params: Promise<SinglePutParams> | undefined;
    const signed = (): Promise<SinglePutParams> =>
      (params ??= this.#call((options) => endpoint.singlePutParams({ ...this.#descriptor(), bytes: body }, options), signal).catch(
        (error: unknown) => {
          params = undefined;
          throw error;
        },
      ));
    const { key, url } = await signed();
    signal.throwIfAborted();
    this.#key = key;
    this.#apply(UploadEvent.Ready);
    // An OSS upload callback answers in the PUT's body; S3 sends none.
    this.#callback = (await this.#put(0, body, signal, signal, signed, () => (params = undefined))).body || undefined;
    this.#location = url.split('?')[0];
  }

  /**
   * Aborts the multipart upload on the store after a failure that retrying cannot mend, so no
   * orphaned parts bill the owner; a later `start()` begins a new one. Best effort: the error
   * already shown stays the one that matters.
   */
  async #abandon(): Promise<void> {
    const handle = this.#handle;
    if (!handle) return;
    this.#forgetUpload();
    await this.#abortOnStore(handle).catch(() => undefined);
  }

  /** Drops the multipart upload's identity and stored parts; bytes counted stay counted (progress never falls). */
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
    this.#handle = undefined;
    this.#urls = undefined;
    this.#partsDone = 0;
    this.#acked = 0;
    for (const part of this.#progress) {
      part.etag = undefined;
      part.sent = 0;
    }
  }

  /** Runs the multipart upload; when the store lost it, starts it once more (or fails, by option). */
  async #runMultipart(signal: AbortSignal): Promise<void> {
    for (let restarts = 0; ; restarts++) {
      try {
        return await this.#multipartAttempt(signal);
      } catch (error) {
        if (signal.aborted || !isUploadLost(error)) throw error;
        if (this.#host.options.onUploadLost === 'fail' || restarts >= 1) {
          throw isFerryError(error) && error.code === ErrorCode.UploadLost
            ? error
            : new FerryError(ErrorCode.UploadLost, `The store no longer knows the upload of ${this.#source.name}.`, { cause: error });
        }
        this.#forgetUpload();
        this.#apply(UploadEvent.Restart);
      }
    }
  }

  async #multipartAttempt(signal: AbortSignal): Promise<void> {
    const { endpoint, partSize, limits, signBatchSize } = this.#host.options;
    const plan = (this.#plan ??= planParts(this.#source.size, partSize, limits));
    if (this.#progress.length !== plan.parts.length) this.#progress = plan.parts.map(() => ({ sent: 0, etag: undefined }));
    const resume = this.#host.options.resumeStore;
    if (!this.#handle && resume) {
      const point = await resume
        .restore(this.#source, plan, (handle) => this.#call((options) => endpoint.listParts(handle, options), signal))
        .catch(() => undefined);
      // Reading the resume store does not stop for pause or cancel: check before going on.
      signal.throwIfAborted();
      if (point) {
        this.#handle = point.handle;
        this.#key = point.handle.key;
        for (const part of point.stored) this.#stored(part.partNumber - 1, part.etag, part.size);
      }
    }
    if (!this.#handle) {
      // Not aborted by pause or cancel: a created upload must be known, or it could never be aborted.
      this.#creating ??= this.#call(
        (options) => endpoint.createMultipart({ ...this.#descriptor(), partSize: plan.partSize }, options),
        UNSTOPPABLE,
      );
      try {
        this.#handle = await this.#creating;
      } finally {
        this.#creating = undefined;
      }
      this.#key = this.#handle.key;
      await resume?.save(this.#source, this.#handle, plan).catch(() => undefined);
      signal.throwIfAborted();
    }
    const handle = this.#handle;
    const bytes = (n: number): Blob => this.#source.slice(plan.parts[n - 1]!.start, plan.parts[n - 1]!.end);
    this.#urls ??= new PartUrls({
      endpoint,
      handle: { ...handle, bytes },
      batchSize: signBatchSize,
      refillAhead: this.#host.options.concurrency,
      partCount: plan.parts.length,
      isDone: (n) => this.#progress[n - 1]?.etag !== undefined,
      call: (task, taskSignal) => this.#call(task, taskSignal),
    });
    signal.throwIfAborted();
    this.#apply(UploadEvent.Ready);
    // A part that fails for good stops new parts from starting, but those in flight finish:
    // what they store is not sent again when the user retries.
    const failure = new AbortController();
    const noNewParts = anySignal([signal, failure.signal]);
    let firstFailure: { error: unknown } | undefined;
    const pending = plan.parts.filter((part) => this.#progress[part.number - 1]!.etag === undefined);
    await Promise.all(
      pending.map((part) =>
        this.#uploadPart(part, signal, noNewParts.signal).catch((error: unknown) => {
          if (firstFailure) return;
          firstFailure = { error };
          failure.abort(error);
        }),
      ),
    ).finally(noNewParts.dispose);
    if (firstFailure) throw firstFailure.error;
    signal.throwIfAborted();
    this.#apply(UploadEvent.PartsStored);
    const parts = this.#progress.map((part, index) => ({ partNumber: index + 1, etag: part.etag! }));
    let result;
    try {
      result = await this.#call((options) => endpoint.completeMultipart({ ...handle, parts, bytes }, options), signal);
    } catch (error) {
      // The store completed the object, but its checksum differs (or could not be checked): the
      // multipart upload no longer exists, so a retry starts a new one and sends every part.
      if (isFerryError(error) && error.code === ErrorCode.Integrity) this.#forgetUpload();
      throw error;
    }
    this.#location = result.location;
    this.#callback = result.callback;
  }

  /** Uploads one part with retries; `noNewAttempts` stops it from starting (again) but not mid-request. */
  async #uploadPart(part: PlannedPart, signal: AbortSignal, noNewAttempts: AbortSignal): Promise<void> {
    const urls = this.#urls!;
    const n = part.number;
    const size = part.end - part.start;
    const { etag } = await this.#put(n - 1, this.#source.slice(part.start, part.end), signal, noNewAttempts, () => urls.get(n, signal), () => urls.invalidate(n), n);
    if (!etag) {
      throw new FerryError(
        ErrorCode.EtagMissing,
        `Part ${n} was stored but its ETag is hidden: the bucket's CORS rule must expose it (ExposeHeader ETag).`,
      );
    }
    this.#stored(n - 1, etag, size);
    this.#host.partStored(size);
  }

  /**
   * PUTs `body` (progress slot `index`) through the shared pool with retries, on the request
   * `signed` gives; `expired` forgets it when the store says its URL expired, so the retry signs
   * anew. A request with no progress for `stallTimeout` is aborted and retried.
   */
  async #put(
    index: number,
    body: Blob,
    signal: AbortSignal,
    noNewAttempts: AbortSignal,
    signed: () => Promise<SignedRequest>,
    expired: () => void,
    partNumber?: number,
  ): Promise<TransportResponse> {
    const { transport, stallTimeout } = this.#host.options;
    const { storeRefusal } = this.#host;
    return this.#retry(noNewAttempts, partNumber, async (online) => {
      // Signed before a store slot is taken, so a slow or retried signing call holds none; asked
      // again once the slot is ours, which costs nothing unless the URL neared expiry meanwhile.
      await signed();
      const release = await this.#host.pool.acquire(noNewAttempts);
      let watchdog: StallWatchdog | undefined;
      let combined: CombinedSignal | undefined;
      let sentAny = false;
      let refusedBeforeAnyByte: unknown;
      try {
        const { method, url, headers } = await signed();
        // Only a transport that reports progress as it goes can be told apart from a stalled one.
        if (transport.reportsProgress !== false) watchdog = new StallWatchdog(stallTimeout, partNumber === undefined ? 'The upload' : `Part ${partNumber}`);
        combined = anySignal(watchdog ? [signal, online, watchdog.signal] : [signal, online]);
        const response = await transport.send({
          method,
          url,
          headers,
          body,
          partNumber,
          signal: combined.signal,
          onProgress: (sent) => {
            sentAny ||= sent > 0;
            watchdog?.touch();
            this.#record(index, sent);
          },
        });
        storeRefusal.answered();
        return response;
      } catch (error) {
        if (isFerryError(error) && error.code === ErrorCode.UrlExpired) expired();
        if (isStoreError(error)) storeRefusal.answered();
        if (!refusalCandidate(error, sentAny, transport.reportsProgress !== false, combined?.signal)) {
          if (sentAny) storeRefusal.answered();
          throw error;
        }
        refusedBeforeAnyByte = error;
      } finally {
        combined?.dispose();
        watchdog?.stop();
        release();
      }
      // Asked with the pool slot given back: the probe may take a while.
      throw (await storeRefusal.failedBeforeAnyByte(signal)) ?? refusedBeforeAnyByte;
    });
  }

  /** Part `index` is stored with `etag`. */
  #stored(index: number, etag: string, size: number): void {
    // Marked first, so the progress event this triggers already counts the part as done.
    const part = this.#progress[index]!;
    if (part.etag === undefined) this.#partsDone++;
    part.etag = etag;
    if (!this.#record(index, size)) this.#host.progressed(this);
  }

  /** Part `index` has `sent` bytes acknowledged; reports progress when that is more than before. */
  #record(index: number, sent: number): boolean {
    const part = this.#progress[index]!;
    if (sent <= part.sent) return false;
    const added = sent - part.sent;
    part.sent = sent;
    this.#acked += added;
    this.#transferred += added;
    this.#bytesSent = Math.max(this.#bytesSent, this.#acked);
    this.#meter.update(this.#transferred);
    this.#host.progressed(this);
    return true;
  }

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
  #retry<T>(signal: AbortSignal, partNumber: number | undefined, task: (online: AbortSignal) => Promise<T>): Promise<T> {
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
      metadata: this.#metadata,
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

/** Whether `error` says the store no longer knows the multipart upload. */
function isUploadLost(error: unknown): boolean {
  return (
    (isFerryError(error) && error.code === ErrorCode.UploadLost) ||
    (isEndpointError(error) && error.status === 404 && error.serverCode === WireErrorCode.NotFound)
  );
}

/**
 * Whether a failed PUT may be the store refusing the page (CORS): a network error from the
 * browser itself (not Ferry's own abort for pause, cancel, an outage or a stall, nor the browser
 * aborting the request) before a byte was sent, on a transport that reports what it sent.
 */
function refusalCandidate(error: unknown, sentAny: boolean, reportsProgress: boolean, signal: AbortSignal | undefined): boolean {
  return (
    reportsProgress &&
    !sentAny &&
    signal?.aborted === false &&
    isFerryError(error) &&
    error.code === ErrorCode.Network &&
    error.cause !== ABORTED_BY_RUNTIME
  );
}
