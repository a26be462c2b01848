import { anySignal, type CombinedSignal } from './any-signal.js';
import { isStoreError } from './errors/store-error.js';
import { ErrorCode, isFerryError } from './errors/ferry-error.js';
import { ABORTED_BY_RUNTIME, type TransportResponse } from './ports/transport.js';
import type { RequestPool } from './request-pool.js';
import { StallWatchdog } from './stall-watchdog.js';
import type { StoreRefusal } from './store-refusal.js';
import type { StorePut } from './upload-run.js';
import type { ResolvedUploaderOptions } from './uploader-options.js';

/** What {@link putToStore} needs from the `Uploader`. */
export interface StorePutContext {
  readonly options: ResolvedUploaderOptions;
  /** Limits PUTs to the store, across files. */
  readonly pool: RequestPool;
  /** Tells a store that refuses the page (CORS) from an outage. */
  readonly storeRefusal: StoreRefusal;
  /** Runs an attempt with retries, waiting out outages (`withRetry` with the network state). */
  retry<T>(
    noNewAttempts: AbortSignal,
    partNumber: number | undefined,
    task: (online: AbortSignal) => Promise<T>,
  ): Promise<T>;
  /** Request `index` has `sent` bytes acknowledged. */
  progressed(index: number, sent: number): void;
}

/**
 * PUTs one body through the shared pool with retries, on the request `signed` gives; `expired`
 * forgets it when the store says its URL expired, so the retry signs anew. A request with no
 * progress for `stallTimeout` is aborted and retried; PUTs that fail before any byte while the
 * endpoint answers are reported to the CORS check.
 */
export function putToStore(context: StorePutContext, put: StorePut): Promise<TransportResponse> {
  const { transport, stallTimeout } = context.options;
  const { storeRefusal } = context;
  const { index, body, signal, noNewAttempts, signed, expired, partNumber } = put;
  return context.retry(noNewAttempts, partNumber, async (online) => {
    // Signed before a store slot is taken, so a slow or retried signing call holds none; asked
    // again once the slot is ours, which costs nothing unless the URL neared expiry meanwhile.
    await signed();
    const release = await context.pool.acquire(noNewAttempts);
    let watchdog: StallWatchdog | undefined;
    let combined: CombinedSignal | undefined;
    // An object, as the progress callback sets it: a plain let reads as never true to the type checker.
    const sent = { any: false };
    let refusedBeforeAnyByte: unknown;
    try {
      const { method, url, headers } = await signed();
      // Only a transport that reports progress as it goes can be told apart from a stalled one.
      if (transport.reportsProgress !== false)
        watchdog = new StallWatchdog(stallTimeout, partNumber === undefined ? 'The upload' : `Part ${partNumber}`);
      combined = anySignal(watchdog ? [signal, online, watchdog.signal] : [signal, online]);
      const response = await transport.send({
        method,
        url,
        headers,
        body,
        partNumber,
        signal: combined.signal,
        onProgress: (bytes) => {
          sent.any ||= bytes > 0;
          watchdog?.touch();
          context.progressed(index, bytes);
        },
      });
      storeRefusal.answered();
      return response;
    } catch (error) {
      if (isFerryError(error) && error.code === ErrorCode.UrlExpired) expired();
      if (isStoreError(error)) storeRefusal.answered();
      if (!refusalCandidate(error, sent.any, transport.reportsProgress !== false, combined?.signal)) {
        if (sent.any) storeRefusal.answered();
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

/**
 * Whether a failed PUT may be the store refusing the page (CORS): a network error from the
 * browser itself (not Ferry's own abort for pause, cancel, an outage or a stall, nor the browser
 * aborting the request) before a byte was sent, on a transport that reports what it sent.
 */
function refusalCandidate(
  error: unknown,
  sentAny: boolean,
  reportsProgress: boolean,
  signal: AbortSignal | undefined,
): boolean {
  return (
    reportsProgress &&
    !sentAny &&
    signal?.aborted === false &&
    isFerryError(error) &&
    error.code === ErrorCode.Network &&
    error.cause !== ABORTED_BY_RUNTIME
  );
}
