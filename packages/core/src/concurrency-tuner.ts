/** Bounds of adaptive concurrency. */
export interface AdaptiveConcurrency {
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
export class ConcurrencyTuner {
  private windowBytes = 0;
  private windowCount = 0;
  private windowStart: number | undefined;
  private best = 0;
  private previous = 0;

  constructor(
    private current: number,
    private readonly bounds: Required<AdaptiveConcurrency>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The limit in force. */
  get limit(): number {
    return this.current;
  }

  /** A request finished, having sent `bytes`; returns the (possibly new) limit. */
  succeeded(bytes: number): number {
    const now = this.now();
    if (this.windowStart === undefined) {
      // The first completion only starts the clock: when its request began is unknown.
      this.windowStart = now;
      return this.current;
    }
    this.windowBytes += bytes;
    if (++this.windowCount < this.current) return this.current;
    const elapsed = Math.max(1, now - this.windowStart);
    const throughput = this.windowBytes / elapsed;
    if (throughput > this.best * GAIN) {
      this.best = throughput;
      this.current = Math.min(this.bounds.max, this.current + 1);
    } else if (throughput < this.previous * LOSS) {
      this.current = Math.max(this.bounds.min, this.current - 1);
    }
    this.previous = throughput;
    this.windowBytes = 0;
    this.windowCount = 0;
    this.windowStart = now;
    return this.current;
  }

  /** A request failed (and will be retried); returns the new, halved limit. */
  failed(): number {
    this.current = Math.max(this.bounds.min, Math.floor(this.current / 2));
    this.best = 0;
    this.windowBytes = 0;
    this.windowCount = 0;
    this.windowStart = undefined;
    return this.current;
  }
}
