import { isFerryError, isRetriesExhaustedError, isStoreError, type FerryError } from '@ferry/core';
import type { FailureKind, ListTranslation } from '../translations/translation.js';

/**
 * Why an upload failed, as a sentence for people ("The storage service had a problem; Ferry tried
 * 6 times."), from the error's stable code and attempt count, never from the engine's message
 * (that one goes in the row's technical details).
 * @example
 * ```ts
 * failureText(enList, new FerryError('network', 'PUT part 3: network error')); // "The connection was lost while sending this file."
 * ```
 */
export function failureText(t: ListTranslation, error: FerryError): string {
  const cause = error.code === 'retries-exhausted' && isFerryError(error.cause) ? error.cause : undefined;
  const reason = t.failures[kindOf(cause ?? error)];
  if (error.code !== 'retries-exhausted') return reason;
  return t.retriedFailure(reason, isRetriesExhaustedError(error) ? error.attempts : undefined);
}

function kindOf(error: FerryError): FailureKind {
  // A 4xx other than timeouts and throttling is the store saying no; 5xx and the rest are its trouble.
  if (error.code === 'store' && isStoreError(error) && error.status < 500 && ![408, 429].includes(error.status))
    return 'store-refused';
  return error.code === 'retries-exhausted' ? 'unexpected' : error.code;
}
