// Resolved per environment by the package's import conditions (XHR in browsers, fetch on Node).
import { createDefaultTransport } from '#default-transport';
import { createHttpEndpoint } from './adapters/http-endpoint.js';
import { ErrorCode, FerryError } from './errors/ferry-error.js';
import { requireRange } from './require-range.js';
import { S3_LIMITS } from './protocol/store-limits.js';
import type { ConcurrencyTuner } from './ports/concurrency-tuner.js';
import type { StoreLimits } from './protocol/store-limits.js';
import type { Endpoint } from './ports/endpoint.js';
import type { ResumeStore } from './ports/resume-store.js';
import type { Transport } from './ports/transport.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import type { UploadSource } from './file-upload.js';
import type { BeforeAddResult, BeforeUpload } from './upload-hooks.js';

const MiB = 1024 * 1024;

/** What an `Uploader` can be configured with; everything but `endpoint` has a default. */
export interface UploaderOptions {
  /** The signing endpoint: a base URL speaking the HTTP+JSON protocol, or an {@link Endpoint}. */
  readonly endpoint: string | Endpoint;
  /** How PUTs are sent. @default XHR in browsers and workers, fetch on Node */
  readonly transport?: Transport;
  /** Requests to the store in flight at once, across all files (ignored with a tuner). @default 4 */
  readonly concurrency?: number;
  /**
   * Raises or lowers the PUTs in flight from how they fare, e.g. `createAdaptiveConcurrency()`
   * from `@ferry/core/adaptive-concurrency`. Off by default: on the benchmark's links it does
   * not beat a fixed concurrency.
   * @default undefined
   */
  readonly concurrencyTuner?: ConcurrencyTuner | undefined;
  /** Preferred part size in bytes; grown for files that would need too many parts. @default 8 MiB */
  readonly partSize?: number;
  /** Files up to this size go up in one PUT. @default the part size */
  readonly multipartThreshold?: number;
  /** Part URLs signed per signing request. @default 16 */
  readonly signBatchSize?: number;
  /** Retry policy, merged over the default. @default DEFAULT_RETRY_POLICY */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * The store's multipart limits: one of `STORE_PROFILES` (give the server's provider the same),
   * or a custom store's. @default STORE_PROFILES.s3
   */
  readonly limits?: StoreLimits;
  /** Start uploading as soon as a file is added. @default true */
  readonly autoStart?: boolean;
  /** A PUT that makes no progress for this long, in ms, is aborted and retried (needs a progress-reporting transport). @default 30000 */
  readonly stallTimeout?: number;
  /**
   * What to do when the store no longer knows a multipart upload (`NoSuchUpload`): start it
   * again from the first byte, or stop with `upload-lost`.
   * @default 'restart'
   */
  readonly onUploadLost?: 'restart' | 'fail';
  /** Remembers multipart uploads so the same file continues after a reload, e.g. `createIndexedDbResumeStore()`. @default undefined */
  readonly resumeStore?: ResumeStore | undefined;
  /**
   * Schedules the next batch of `progress` events: at most one per file per call.
   * @default requestAnimationFrame where it exists (so progress costs one event per frame), else a 16 ms timer
   */
  readonly scheduleProgress?: (flush: () => void) => void;
  /**
   * Called by `add()` with each file, synchronously: return `{ refuse: reason }` to keep it out
   * (`add()` throws `refused`), `{ name }` to add it under another name, or nothing to add it.
   * @default undefined
   */
  readonly beforeAdd?: ((file: UploadSource) => BeforeAddResult) | undefined;
  /**
   * Called once per upload as it starts, before anything is signed: may replace the bytes (a
   * resized image) and add or change what is stored with the object; may be async. A rejection
   * fails the upload (a `FerryError` keeps its code; `retry()` calls the hook again).
   * @default undefined
   */
  readonly beforeUpload?: BeforeUpload | undefined;
}

/** {@link UploaderOptions} with every default applied; immutable. */
export interface ResolvedUploaderOptions {
  readonly endpoint: Endpoint;
  readonly transport: Transport;
  readonly concurrency: number;
  readonly concurrencyTuner: ConcurrencyTuner | undefined;
  readonly partSize: number;
  readonly multipartThreshold: number;
  readonly signBatchSize: number;
  readonly retry: RetryPolicy;
  readonly limits: StoreLimits;
  readonly autoStart: boolean;
  readonly stallTimeout: number;
  readonly onUploadLost: 'restart' | 'fail';
  readonly resumeStore: ResumeStore | undefined;
  readonly scheduleProgress: (flush: () => void) => void;
  readonly beforeAdd: ((file: UploadSource) => BeforeAddResult) | undefined;
  readonly beforeUpload: BeforeUpload | undefined;
}

/**
 * Applies defaults and checks every option once.
 * @throws FerryError `invalid-input` naming the option that is off.
 */
export function resolveUploaderOptions(options: UploaderOptions): ResolvedUploaderOptions {
  const limits = options.limits ?? S3_LIMITS;
  const partSize = options.partSize ?? 8 * MiB;
  const concurrency = options.concurrency ?? 4;
  const signBatchSize = options.signBatchSize ?? 16;
  // Checked as JavaScript callers may pass it: missing, or something else.
  const endpoint = options.endpoint as string | Partial<Endpoint> | undefined;
  if (typeof endpoint === 'string' ? endpoint === '' : typeof endpoint?.signParts !== 'function') {
    throw new FerryError(ErrorCode.InvalidInput, 'endpoint must be a URL or an Endpoint object.');
  }
  const multipartThreshold = options.multipartThreshold ?? partSize;
  const stallTimeout = options.stallTimeout ?? 30_000;
  requireRange('concurrency', concurrency, 1);
  requireRange('partSize', partSize, limits.minPartSize, limits.maxPartSize);
  requireRange('signBatchSize', signBatchSize, 1);
  requireRange('stallTimeout', stallTimeout, 1);
  requireRange('multipartThreshold', multipartThreshold, 0, limits.maxSinglePut ?? limits.maxPartSize);
  return Object.freeze({
    endpoint: typeof options.endpoint === 'string' ? createHttpEndpoint({ url: options.endpoint }) : options.endpoint,
    transport: options.transport ?? createDefaultTransport(),
    concurrency: options.concurrencyTuner?.limit ?? concurrency,
    concurrencyTuner: options.concurrencyTuner,
    partSize,
    multipartThreshold,
    signBatchSize,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    limits,
    autoStart: options.autoStart !== false,
    stallTimeout,
    onUploadLost: options.onUploadLost ?? 'restart',
    resumeStore: options.resumeStore,
    scheduleProgress: options.scheduleProgress ?? defaultProgressScheduler(),
    beforeAdd: options.beforeAdd,
    beforeUpload: options.beforeUpload,
  });
}

function defaultProgressScheduler(): (flush: () => void) => void {
  const frame = (globalThis as { requestAnimationFrame?: (callback: () => void) => unknown }).requestAnimationFrame;
  return frame ? (flush) => frame(flush) : (flush) => setTimeout(flush, 16);
}
