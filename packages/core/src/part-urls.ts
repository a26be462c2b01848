import { EndpointError } from './errors/endpoint-error.js';
import type { CallOptions, Endpoint, SignedPart, SignPartsInput } from './ports/endpoint.js';

/** Options of {@link PartUrls}. */
export interface PartUrlsOptions {
  /** The endpoint that signs. */
  readonly endpoint: Endpoint;
  /** The upload the parts belong to, and the parts' bytes for an endpoint that hashes them. */
  readonly handle: Omit<SignPartsInput, 'partNumbers'>;
  /** Most part numbers per signing request. */
  readonly batchSize: number;
  /** The next batch is signed in the background once fewer URLs than this remain ahead. */
  readonly refillAhead: number;
  /** How many parts the upload has. */
  readonly partCount: number;
  /** Whether a part is already stored (needs no URL). */
  readonly isDone: (partNumber: number) => boolean;
  /** Runs one endpoint call with retries. */
  readonly call: <T>(task: (options: CallOptions) => Promise<T>, signal: AbortSignal) => Promise<T>;
}

/** A URL counts as usable while more than this share of its lifetime remains. */
const FRESH_SHARE = 0.25;
/** …and at least this long, in ms, so a slow part does not start on a URL about to expire. */
const MAX_MARGIN_MS = 60_000;

/**
 * Presigned part URLs for one multipart upload, fetched in batches just in time: the next
 * batch is requested while the pool still has URLs to work on (never so early that they
 * expire), and a URL is fetched again when close to expiry or after the store said it expired.
 */
export class PartUrls {
  readonly #cache = new Map<number, { part: SignedPart; signedAt: number }>();
  readonly #inFlight = new Map<number, Promise<void>>();

  readonly #options: PartUrlsOptions;

  constructor(options: PartUrlsOptions) {
    this.#options = options;
  }

  /**
   * The URL for `partNumber`. When it must be signed, the same request also signs the next
   * parts that are not stored and have no fresh URL, so most parts need no request of their own.
   */
  async get(partNumber: number, signal: AbortSignal): Promise<SignedPart> {
    for (;;) {
      const cached = this.#cache.get(partNumber);
      if (cached && this.#isFresh(cached)) {
        this.#refill(partNumber, signal);
        return cached.part;
      }
      const pending = this.#inFlight.get(partNumber);
      if (pending) {
        await pending;
        continue;
      }
      const signing = this.#signBatch(this.#batchFrom(partNumber), signal);
      signing.catch(() => undefined);
      // Woken with the other parts of the batch, and first, as it asked first: parts then take
      // their store slots in part order.
      await this.#inFlight.get(partNumber);
      // No fresh URL: the batch failed, so its error is this call's (never a silent loop of
      // signing again, which a paused upload would spin on).
      const signed = this.#cache.get(partNumber);
      if (!signed || !this.#isFresh(signed)) await signing;
      // Signed just now and already stale (a clock far off): use it; the store has the last word.
      if (signed && !this.#isFresh(signed)) return signed.part;
    }
  }

  /** Forgets the URL of `partNumber` (the store said it expired). */
  invalidate(partNumber: number): void {
    this.#cache.delete(partNumber);
  }

  /** Signs the next batch in the background when few fresh URLs remain after `partNumber`. */
  #refill(partNumber: number, signal: AbortSignal): void {
    const { partCount, isDone, refillAhead } = this.#options;
    let ready = 0;
    for (let n = partNumber + 1; n <= partCount; n++) {
      if (isDone(n)) continue;
      if (!this.#hasFresh(n)) {
        // A failure here is not lost: the part that needs the URL signs it again, with retries.
        if (ready < refillAhead) this.#signBatch(this.#batchFrom(n), signal).catch(() => undefined);
        return;
      }
      if (++ready >= refillAhead) return;
    }
  }

  #batchFrom(partNumber: number): number[] {
    const batch = [partNumber];
    const { batchSize, partCount, isDone } = this.#options;
    for (let n = partNumber + 1; n <= partCount && batch.length < batchSize; n++) {
      if (!isDone(n) && !this.#hasFresh(n)) batch.push(n);
    }
    return batch;
  }

  #hasFresh(partNumber: number): boolean {
    const cached = this.#cache.get(partNumber);
    return (cached !== undefined && this.#isFresh(cached)) || this.#inFlight.has(partNumber);
  }

  #isFresh({ part, signedAt }: { part: SignedPart; signedAt: number }): boolean {
    const now = Date.now();
    const margin = Math.min(MAX_MARGIN_MS, (part.expiresAt - signedAt) * FRESH_SHARE);
    return part.expiresAt - now > margin;
  }

  async #signBatch(batch: number[], signal: AbortSignal): Promise<void> {
    const signedAt = Date.now();
    const request = this.#options
      .call(
        (callOptions) => this.#options.endpoint.signParts({ ...this.#options.handle, partNumbers: batch }, callOptions),
        signal,
      )
      .then((parts) => {
        for (const part of parts) this.#cache.set(part.partNumber, { part, signedAt });
      });
    // Others asking for a part of this batch wait for it, and ask again if it failed.
    const waiter = request.then(
      () => undefined,
      () => undefined,
    );
    for (const n of batch) this.#inFlight.set(n, waiter);
    try {
      await request;
    } finally {
      for (const n of batch) if (this.#inFlight.get(n) === waiter) this.#inFlight.delete(n);
    }
    const wanted = batch[0]!;
    if (!this.#cache.has(wanted)) {
      throw new EndpointError('sign-parts', `The endpoint's answer did not include part ${wanted}.`);
    }
  }
}
