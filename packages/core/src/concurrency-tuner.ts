import { ErrorCode, FerryError } from './errors/ferry-error.js';
import type { ConcurrencyTuner } from './ports/concurrency-tuner.js';

/** Bounds of adaptive concurrency. */
export interface AdaptiveConcurrency {
  /** Requests in flight to start with. @default 4 */
  readonly start?: number;
  /** Fewest requests in flight. @default 1 */
  readonly min?: number;
  /** Most requests in flight (browsers open at most 6 HTTP/1.1 connections per host). @default 6 */
  readonly max?: number;
}

/** Throughput must beat the best window by this much to earn one more request in flight. */
const GAIN = 1.05;
/** Throughput under this share of the previous window gives one back. */
const LOSS = 0.85;

/**
 * Adjusts how many requests run at once from what completed requests achieved: after each
 * window of as many completions as the current limit, one more while throughput rises, one
 * fewer when it falls, and half as many on a failure (additive increase, multiplicative decrease).
 */
export class AimdConcurrencyTuner implements ConcurrencyTuner {
  #windowBytes = 0;
  #windowCount = 0;
  #windowStart: number | undefined;
  #best = 0;
  #previous = 0;

  #current: number;
  readonly #bounds: Required<Omit<AdaptiveConcurrency, 'start'>>;
  readonly #now: () => number;

  constructor(
    current: number,
    bounds: Required<Omit<AdaptiveConcurrency, 'start'>>,
    now: () => number = () => performance.now(),
  ) {
    this.#current = current;
    this.#bounds = bounds;
    this.#now = now;
  }

  /** The limit in force. */
  get limit(): number {
    return this.#current;
  }

  /** A request finished, having sent `bytes`; returns the (possibly new) limit. */
  succeeded(bytes: number): number {
    const now = this.#now();
    if (this.#windowStart === undefined) {
      // The first completion only starts the clock: when its request began is unknown.
      this.#windowStart = now;
      return this.#current;
    }
    this.#windowBytes += bytes;
    if (++this.#windowCount < this.#current) return this.#current;
    const elapsed = Math.max(1, now - this.#windowStart);
    const throughput = this.#windowBytes / elapsed;
    if (throughput > this.#best * GAIN) {
      this.#best = throughput;
      this.#current = Math.min(this.#bounds.max, this.#current + 1);
    } else if (throughput < this.#previous * LOSS) {
      this.#current = Math.max(this.#bounds.min, this.#current - 1);
    }
    this.#previous = throughput;
    this.#windowBytes = 0;
    this.#windowCount = 0;
    this.#windowStart = now;
    return this.#current;
  }

  /** A request failed (and will be retried); returns the new, halved limit. */
  failed(): number {
    this.#current = Math.max(this.#bounds.min, Math.floor(this.#current / 2));
    this.#best = 0;
    this.#windowBytes = 0;
    this.#windowCount = 0;
    this.#windowStart = undefined;
    return this.#current;
  }
}

/**
 * A tuner for `Uploader`'s `concurrencyTuner` option: raises or lowers the PUTs in flight within
 * bounds from the throughput it sees. Off unless passed (the benchmark shows a fixed
 * concurrency does as well on steady links).
 *
 * @example
 * ```ts
 * import { createAdaptiveConcurrency } from '@ferry/core/adaptive-concurrency';
 * new Uploader({ endpoint, concurrencyTuner: createAdaptiveConcurrency({ max: 6 }) });
 * ```
 */
export function createAdaptiveConcurrency(options: AdaptiveConcurrency = {}): ConcurrencyTuner {
  const min = options.min ?? 1;
  const max = options.max ?? 6;
  const start = Math.min(max, Math.max(min, options.start ?? 4));
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new FerryError(ErrorCode.InvalidInput, 'Adaptive concurrency needs whole numbers with 1 ≤ min ≤ max.');
  }
  return new AimdConcurrencyTuner(start, { min, max });
}
