import { ErrorCode, FerryError, type FerryErrorOptions } from './ferry-error.js';

/** Which endpoint call failed. */
export type EndpointOperation =
  | 'single-put-params'
  | 'create-multipart'
  | 'sign-parts'
  | 'list-parts'
  | 'complete-multipart'
  | 'abort-multipart'
  | 'delete-object';

/** Context carried by an {@link EndpointError}. */
export interface EndpointErrorOptions extends FerryErrorOptions {
  /** HTTP status, when the endpoint answered. */
  status?: number;
  /** The `code` from the endpoint's `{ code, message }` body, when it sent one. */
  serverCode?: string | undefined;
  /** `Retry-After` in milliseconds, when the endpoint sent one (with a 429 or 503). */
  retryAfterMs?: number | undefined;
}

/**
 * The signing endpoint failed, could not be reached, or answered outside the protocol
 * (a malformed response is this error, never a crash deeper down).
 *
 * @example
 * ```ts
 * if (isEndpointError(error)) console.log(error.operation, error.status, error.serverCode);
 * ```
 */
export class EndpointError extends FerryError {
  override readonly name = 'EndpointError';
  /** The endpoint call that failed. */
  readonly operation: EndpointOperation;
  /** HTTP status, when the endpoint answered. */
  readonly status: number | undefined;
  /** The endpoint's own error code, when it sent one. */
  readonly serverCode: string | undefined;
  /** `Retry-After` in milliseconds, when the endpoint sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    operation: EndpointOperation,
    message: string,
    options: EndpointErrorOptions & { code?: typeof ErrorCode.Endpoint | typeof ErrorCode.EndpointUnreachable } = {},
  ) {
    super(options.code ?? ErrorCode.Endpoint, `${operation}: ${message}`, options);
    this.operation = operation;
    this.status = options.status;
    this.serverCode = options.serverCode;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Whether `value` is an {@link EndpointError} (works across bundles). */
export function isEndpointError(value: unknown): value is EndpointError {
  return value instanceof EndpointError || (value instanceof Error && value.name === 'EndpointError');
}
