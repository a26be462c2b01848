import { createDefaultTransport } from './adapters/default-transport.js';
import { createHttpEndpoint } from './adapters/http-endpoint.js';
import { ErrorCode, FerryError } from './errors/ferry-error.js';
import { S3_LIMITS, type StoreLimits } from './part-plan.js';
import type { AdaptiveConcurrency } from './concurrency-tuner.js';
import type { Endpoint } from './ports/endpoint.js';
import type { Transport } from './ports/transport.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';

const MiB = 1024 * 1024;

/** What an `Uploader` can be configured with; everything but `endpoint` has a default. */
export interface UploaderOptions {
  /** The signing endpoint: a base URL speaking the HTTP+JSON protocol, or an {@link Endpoint}. */
  readonly endpoint: string | Endpoint;
  /** How PUTs are sent. @default XHR in browsers and workers, fetch elsewhere */
  readonly transport?: Transport;
  /** Requests to the store in flight at once, across all files (the start, when adaptive). @default 4 */
  readonly concurrency?: number;
  /**
   * Lets the engine raise or lower `concurrency` within bounds from the throughput it sees.
   * Off by default: on the benchmark's links it does not beat a fixed 4.
   * @default false
   */
  readonly adaptiveConcurrency?: false | AdaptiveConcurrency;
  /** Preferred part size in bytes; grown for files that would need too many parts. @default 8 MiB */
  readonly partSize?: number;
  /** Files up to this size go up in one PUT. @default the part size */
  readonly multipartThreshold?: number;
  /** Part URLs signed per signing request. @default 16 */
  readonly signBatchSize?: number;
  /** Retry policy, merged over the default. @default DEFAULT_RETRY_POLICY */
  readonly retry?: Partial<RetryPolicy>;
  /** The store's multipart limits. @default S3_LIMITS */
  readonly limits?: StoreLimits;
  /** Start uploading as soon as a file is added. @default true */
  readonly autoStart?: boolean;
  /**
   * Schedules the next batch of `progress` events: at most one per file per call.
   * @default requestAnimationFrame where it exists (so progress costs one event per frame), else a 16 ms timer
   */
  readonly scheduleProgress?: (flush: () => void) => void;
}

/** {@link UploaderOptions} with every default applied; immutable. */
export interface ResolvedUploaderOptions {
  readonly endpoint: Endpoint;
  readonly transport: Transport;
  readonly concurrency: number;
  readonly adaptiveConcurrency: false | Required<AdaptiveConcurrency>;
  readonly partSize: number;
  readonly multipartThreshold: number;
  readonly signBatchSize: number;
  readonly retry: RetryPolicy;
  readonly limits: StoreLimits;
  readonly autoStart: boolean;
  readonly scheduleProgress: (flush: () => void) => void;
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
  const check = (ok: boolean, message: string): void => {
    if (!ok) throw new FerryError(ErrorCode.InvalidInput, message);
  };
  check(
    typeof options.endpoint === 'string' ? options.endpoint !== '' : typeof options.endpoint?.signParts === 'function',
    'endpoint must be a URL or an object implementing the Endpoint calls.',
  );
  check(Number.isInteger(concurrency) && concurrency >= 1, `concurrency must be a whole number ≥ 1, got ${concurrency}.`);
  check(
    Number.isSafeInteger(partSize) && partSize >= limits.minPartSize && partSize <= limits.maxPartSize,
    `partSize must be between ${limits.minPartSize} and ${limits.maxPartSize} bytes, got ${partSize}.`,
  );
  check(Number.isInteger(signBatchSize) && signBatchSize >= 1, `signBatchSize must be a whole number ≥ 1.`);
  const multipartThreshold = options.multipartThreshold ?? partSize;
  check(
    multipartThreshold >= 0 && multipartThreshold <= limits.maxPartSize,
    `multipartThreshold must be between 0 and ${limits.maxPartSize} bytes.`,
  );
  const adaptive = options.adaptiveConcurrency ?? false;
  const bounds = adaptive === false ? false : { min: adaptive.min ?? 1, max: adaptive.max ?? 6 };
  check(
    bounds === false || (Number.isInteger(bounds.min) && bounds.min >= 1 && bounds.max >= bounds.min),
    'adaptiveConcurrency needs whole numbers with 1 ≤ min ≤ max.',
  );
  return Object.freeze({
    endpoint: typeof options.endpoint === 'string' ? createHttpEndpoint({ url: options.endpoint }) : options.endpoint,
    transport: options.transport ?? createDefaultTransport(),
    concurrency: bounds === false ? concurrency : Math.min(bounds.max, Math.max(bounds.min, concurrency)),
    adaptiveConcurrency: bounds,
    partSize,
    multipartThreshold,
    signBatchSize,
    retry: Object.freeze({ ...DEFAULT_RETRY_POLICY, ...options.retry }),
    limits,
    autoStart: options.autoStart ?? true,
    scheduleProgress: options.scheduleProgress ?? defaultProgressScheduler(),
  });
}

function defaultProgressScheduler(): (flush: () => void) => void {
  const frame = (globalThis as { requestAnimationFrame?: (callback: () => void) => unknown }).requestAnimationFrame;
  return frame ? (flush) => frame(flush) : (flush) => setTimeout(flush, 16);
}
