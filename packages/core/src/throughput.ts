/** How often, in ms, a new rate sample is taken; shorter intervals are mostly noise. */
const SAMPLE_MS = 250;
/** Weight of the newest sample in the moving average. */
const ALPHA = 0.3;

/**
 * Upload speed as an exponentially weighted moving average of rates sampled at most every
 * 250 ms, on a monotonic clock (`performance.now()`), so wall-clock jumps cannot distort it.
 */
export class ThroughputMeter {
  #sampleAt: number | undefined;
  #sampleBytes = 0;
  #average = 0;

  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Records that `bytes` have been sent in all. */
  update(bytes: number): void {
    const now = this.#now();
    if (this.#sampleAt === undefined) {
      this.#sampleAt = now;
      this.#sampleBytes = bytes;
      return;
    }
    const elapsed = now - this.#sampleAt;
    if (elapsed < SAMPLE_MS) return;
    const rate = ((bytes - this.#sampleBytes) * 1000) / elapsed;
    this.#average = this.#average === 0 ? rate : ALPHA * rate + (1 - ALPHA) * this.#average;
    this.#sampleAt = now;
    this.#sampleBytes = bytes;
  }

  /** Starts afresh (after a pause, the old rate says nothing about the new one). */
  reset(): void {
    this.#sampleAt = undefined;
    this.#average = 0;
  }

  /** Bytes per second; 0 until two samples are known. */
  get speed(): number {
    return this.#average;
  }

  /** Seconds until `remaining` more bytes are sent at the current speed, if known. */
  eta(remaining: number): number | undefined {
    return this.#average > 0 ? remaining / this.#average : undefined;
  }
}
