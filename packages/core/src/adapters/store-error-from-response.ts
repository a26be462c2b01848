import { StoreError } from '../errors/store-error.js';
import { parseRetryAfter } from './retry-after.js';
import { readStoreErrorResponse } from './store-error-response.js';

/**
 * Turns a store's non-2xx answer into a {@link StoreError} with the right code and a useful message.
 * @example
 * ```ts
 * if (!response.ok) throw storeErrorFromResponse(response.status, await response.text(), response.headers.get('Retry-After'), 1);
 * ```
 */
export function storeErrorFromResponse(
  status: number,
  body: string,
  retryAfter: string | null,
  partNumber: number | undefined,
  request?: { readonly url: string; readonly headers: Readonly<Record<string, string>> },
): StoreError {
  const { code, message, options } = readStoreErrorResponse(
    status,
    body,
    parseRetryAfter(retryAfter),
    partNumber,
    request,
  );
  return new StoreError(code, message, options);
}
