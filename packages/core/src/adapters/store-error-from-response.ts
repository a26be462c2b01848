import { StoreError } from '../errors/store-error.js';
import { readStoreErrorResponse } from './store-error-response.js';

/**
 * Turns a store's non-2xx answer into a {@link StoreError} with the right code and a useful message.
 * @example
 * ```ts
 * if (!response.ok) throw storeErrorFromResponse(response.status, await response.text(), response.headers.get('Retry-After'), 1);
 * ```
 */
export function storeErrorFromResponse(...answer: Parameters<typeof readStoreErrorResponse>): StoreError {
  const { code, message, options } = readStoreErrorResponse(...answer);
  return new StoreError(code, message, options);
}
