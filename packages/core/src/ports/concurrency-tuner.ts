/**
 * Decides how many PUTs run at once from how requests fare; `createAdaptiveConcurrency()` from
 * `@ferry/core/adaptive-concurrency` is one.
 */
export interface ConcurrencyTuner {
  /** The limit to start with. */
  readonly limit: number;
  /** A request stored `bytes`; returns the limit to use now. */
  succeeded(bytes: number): number;
  /** A request failed and will be retried; returns the limit to use now. */
  failed(): number;
}
