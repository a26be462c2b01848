import { delay } from './delay.js';
import { ErrorCode, FerryError, isFerryError } from './errors/ferry-error.js';
import { isEndpointError } from './errors/endpoint-error.js';
import { isStoreError } from './errors/store-error.js';

/** What a retry hook sees. */
export interface RetryState {
  /** The failure that just happened. */
  readonly error: unknown;
  /** How many retries were made before this failure (0 after the first attempt). */
  readonly attempt: number;
}

/** When and how often failed requests are tried again. */
export interface RetryPolicy {
  /** Retries after the first attempt. @default 5 */
  readonly limit: number;
  /** HTTP statuses worth another try. @default [408, 429, 500, 502, 503, 504] */
  readonly statusCodes: readonly number[];
  /** Base of the exponential backoff, in ms. @default 300 */
  readonly backoffMs: number;
  /** Cap of one backoff, in ms. @default 20000 */
  readonly maxBackoffMs: number;
  /** A `Retry-After` longer than this, in ms, is clamped to it. @default 60000 */
  readonly maxRetryAfterMs: number;
  /** Overrides the decision when it returns a boolean. @default undefined */
  readonly shouldRetry?: ((state: RetryState) => boolean | undefined) | undefined;
}

/** Ferry's default retry policy. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  limit: 5,
  statusCodes: [408, 429, 500, 502, 503, 504],
  backoffMs: 300,
  maxBackoffMs: 20_000,
  maxRetryAfterMs: 60_000,
});

/** The outcome of {@link decideRetry}; `exhausted` says the limit alone stopped a retry. */
export type RetryDecision =
  | { readonly retry: false; readonly exhausted: boolean }
  | { readonly retry: true; readonly delayMs: number };

/**
 * Decides, without side effects, whether a failure is retried and after how long: aborted →
 * user hook → expired URL (at once, re-signed) → retryable status (honouring `Retry-After`) →
 * network failure → otherwise not (unknown errors are bugs, never retried); then the limit.
 *
 * @example
 * ```ts
 * decideRetry(error, 0, DEFAULT_RETRY_POLICY, false); // { retry: true, delayMs: 213 }
 * ```
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  aborted: boolean,
  random: () => number = Math.random,
): RetryDecision {
  const delayMs = aborted ? undefined : retryDelay(error, attempt, policy, random);
  if (delayMs === undefined) return { retry: false, exhausted: false };
  if (attempt >= policy.limit) return { retry: false, exhausted: true };
  return { retry: true, delayMs };
}

/** How long to wait before retrying `error`, or `undefined` when it is not worth retrying. */
function retryDelay(error: unknown, attempt: number, policy: RetryPolicy, random: () => number): number | undefined {
  const backoff = Math.floor(random() * Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** attempt));
  const verdict = policy.shouldRetry?.({ error, attempt });
  if (verdict !== undefined) return verdict ? backoff : undefined;
  if (!isFerryError(error)) return undefined;
  if (error.code === ErrorCode.UrlExpired) return 0;
  const status = isStoreError(error) || isEndpointError(error) ? error.status : undefined;
  if (status !== undefined && policy.statusCodes.includes(status)) {
    const retryAfter = isStoreError(error) ? error.retryAfterMs : undefined;
    return retryAfter === undefined ? backoff : Math.min(retryAfter, policy.maxRetryAfterMs);
  }
  if (error.code === ErrorCode.Network || error.code === ErrorCode.Stalled || error.code === ErrorCode.EndpointUnreachable) {
    return backoff;
  }
  return undefined;
}

/** Options of {@link withRetry}. */
export interface WithRetryOptions {
  /** The policy to follow. */
  readonly policy: RetryPolicy;
  /** Stops waiting and trying when aborted. */
  readonly signal: AbortSignal;
  /** Called before each retry. */
  readonly onRetry?: ((state: RetryState & { delayMs: number }) => void) | undefined;
}

/**
 * Runs `task` until it succeeds, retrying as {@link decideRetry} says. A retryable failure that
 * outlasts the limit becomes `retries-exhausted` with the last failure as `cause`.
 *
 * @example
 * ```ts
 * const etag = await withRetry((attempt) => putPart(attempt), { policy, signal });
 * ```
 */
export async function withRetry<T>(task: (attempt: number) => Promise<T>, options: WithRetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task(attempt);
    } catch (error) {
      const decision = decideRetry(error, attempt, options.policy, options.signal.aborted);
      if (!decision.retry) {
        if (decision.exhausted) {
          throw new FerryError(
            ErrorCode.RetriesExhausted,
            `Gave up after ${attempt + 1} attempts: ${String(error)}`,
            { cause: error },
          );
        }
        throw error;
      }
      options.onRetry?.({ error, attempt, delayMs: decision.delayMs });
      await delay(decision.delayMs, { signal: options.signal });
    }
  }
}
