import { ErrorCode, FerryError } from './ferry-error.js';

/**
 * A retryable failure persisted past the retry limit (`retries-exhausted`): `cause` is the last
 * failure, `attempts` how many tries were made in all (the first one included).
 *
 * @example
 * ```ts
 * if (isRetriesExhaustedError(e)) console.log(`tried ${e.attempts} times`, e.cause);
 * ```
 */
export class RetriesExhaustedError extends FerryError {
  override readonly name = 'RetriesExhaustedError';

  constructor(
    /** Tries made in all, the first one included. */
    readonly attempts: number,
    cause: unknown,
  ) {
    super(ErrorCode.RetriesExhausted, `Gave up after ${attempts} attempts: ${String(cause)}`, { cause });
  }
}

/** Whether `value` is a {@link RetriesExhaustedError} (works across bundles). */
export function isRetriesExhaustedError(value: unknown): value is RetriesExhaustedError {
  return value instanceof RetriesExhaustedError || (value instanceof Error && value.name === 'RetriesExhaustedError');
}
