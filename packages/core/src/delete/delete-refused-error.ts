import { EndpointError, isEndpointError, type EndpointErrorOptions } from '../errors/endpoint-error.js';

/**
 * The endpoint refused to delete an object (HTTP 403): `serverCode` says why —
 * `delete-not-allowed` (no valid delete token, and the application's `authorizeDelete` said no)
 * or `token-invalid` (the delete token was tampered with, has expired, or is for another key or
 * user). The object is still stored. Its `code` is `endpoint` and its `name` `EndpointError`, as for
 * every endpoint refusal, so `isEndpointError` holds too.
 *
 * @example
 * ```ts
 * if (isDeleteRefusedError(error)) showStillStored(error.key, error.serverCode);
 * ```
 */
export class DeleteRefusedError extends EndpointError {
  constructor(
    /** The object key that was not deleted. */
    readonly key: string,
    message: string,
    options: EndpointErrorOptions,
  ) {
    super('delete-object', message, options);
  }
}

/** Whether `value` is a {@link DeleteRefusedError} (works across bundles). */
export function isDeleteRefusedError(value: unknown): value is DeleteRefusedError {
  return (
    value instanceof DeleteRefusedError ||
    (isEndpointError(value) && value.operation === 'delete-object' && value.status === 403 && 'key' in value)
  );
}
