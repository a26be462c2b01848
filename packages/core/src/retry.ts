import { delay } from './delay.js';
import { ErrorCode, isFerryError } from './errors/ferry-error.js';
import { RetriesExhaustedError } from './errors/retries-exhausted-error.js';
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
  { readonly retry: false; readonly exhausted: boolean } | { readonly retry: true; readonly delayMs: number };

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
  // The store's answers and the signing endpoint's both carry a status and any `Retry-After`.
  const answer = isStoreError(error) || isEndpointError(error) ? error : undefined;
  if (answer?.status !== undefined && policy.statusCodes.includes(answer.status)) {
    const retryAfter = answer.retryAfterMs;
    return retryAfter === undefined ? backoff : Math.min(retryAfter, policy.maxRetryAfterMs);
  }
  if (
    error.code === ErrorCode.Network ||
    error.code === ErrorCode.Stalled ||
    error.code === ErrorCode.EndpointUnreachable
  ) {
    return backoff;
  }
  return undefined;
}

/** Whether the network is up, as {@link withRetry} waits for it (`Connectivity` in Ferry). */
export interface NetworkState {
  /** Whether the link is down. */
  readonly offline: boolean;
  /** Aborted when the link goes down; a fresh one once it is back. */
  readonly signal: AbortSignal;
  /** Resolves when the link is up (at once if it is), rejects when `signal` aborts. */
  waitOnline(signal: AbortSignal): Promise<void>;
  /** An attempt reached the network (`true`) or failed at the network level (`false`). */
  report(ok: boolean): void;
}

/** Options of {@link withRetry}. */
export interface WithRetryOptions {
  /** The policy to follow. */
  readonly policy: RetryPolicy;
  /** Stops waiting and trying when aborted. */
  readonly signal: AbortSignal;
  /** Called before each retry. */
  readonly onRetry?: ((state: RetryState & { delayMs: number }) => void) | undefined;
  /**
   * With it, each attempt first waits for the link, gets its signal (aborted the moment the link
   * goes), and a network failure while the link is down spends no attempt: an outage of any
   * length sends nothing and loses nothing. @default attempts ignore the network's state
   */
  readonly network?: NetworkState | undefined;
}

/**
 * Runs `task` until it succeeds, retrying as {@link decideRetry} says (and, with `network`,
 * waiting out outages without spending attempts). A retryable failure that outlasts the limit
 * becomes a {@link RetriesExhaustedError} (`retries-exhausted`) with the last failure as `cause`.
 *
 * @example
 * ```ts
 * const etag = await withRetry((attempt) => putPart(attempt), { policy, signal });
 * ```
 */
export async function withRetry<T>(
  task: (attempt: number, online: AbortSignal | undefined) => Promise<T>,
  options: WithRetryOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (options.network
        ? attemptWhileOnline(options.network, options.signal, (online) => task(attempt, online))
        : task(attempt, undefined));
    } catch (error) {
      const decision = decideRetry(error, attempt, options.policy, options.signal.aborted);
      if (!decision.retry) {
        if (decision.exhausted) {
          throw new RetriesExhaustedError(attempt + 1, error);
        }
        throw error;
      }
      options.onRetry?.({ error, attempt, delayMs: decision.delayMs });
      await delay(decision.delayMs, { signal: options.signal });
    }
  }
}

/** One attempt that waits for the link first, and again (for free) each time it fails because the link went down. */
async function attemptWhileOnline<T>(
  network: NetworkState,
  signal: AbortSignal,
  task: (online: AbortSignal) => Promise<T>,
): Promise<T> {
  for (;;) {
    await network.waitOnline(signal);
    try {
      const result = await task(network.signal);
      network.report(true);
      return result;
    } catch (error) {
      if (!isFerryError(error) || error.code !== ErrorCode.Network) throw error;
      network.report(false);
      if (!network.offline) throw error;
    }
  }
}
