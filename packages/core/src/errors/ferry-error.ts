/**
 * Every stable error code Ferry raises. Codes never change meaning; new ones may be added.
 *
 * - `endpoint`: the signing endpoint failed or answered something that is not the protocol.
 * - `endpoint-unreachable`: the signing endpoint could not be reached at all.
 * - `network`: a request to the store failed at the network level.
 * - `cors`: the store refuses this page before any byte is sent while the signing endpoint
 *   answers: most likely the bucket's CORS rule (or a store this browser cannot reach).
 * - `stalled`: a request made no progress for `stallTimeout`; it is aborted and retried.
 * - `upload-lost`: the store no longer knows the multipart upload (`NoSuchUpload`).
 * - `store`: the store refused a request (see `StoreError` for its XML fields).
 * - `signature-mismatch`: the store's 403 `SignatureDoesNotMatch`; never retried blindly.
 * - `url-expired`: a presigned URL expired before it was used; re-signed and retried.
 * - `etag-missing`: a part was stored but its `ETag` could not be read (CORS `ExposeHeader`).
 * - `retries-exhausted`: a retryable failure persisted past the retry limit.
 * - `invalid-input`: the caller passed something unusable (a file, an option).
 * - `file-unreadable`: the file can no longer be read (moved, deleted or changed on disk).
 * - `integrity`: the stored bytes' checksum differs from the file's.
 * - `integrity-unverifiable`: the stored object's checksum could not be checked (the store or
 *   its CORS rule does not report it): a configuration problem, so `retry()` does not send the
 *   file again.
 * - `aborted`: the upload was cancelled.
 * - `refused`: a `beforeAdd` or `beforeUpload` hook refused the file; the message is its reason.
 * - `unexpected`: a bug in Ferry or in an adapter; please report it with the `cause`.
 */
export const ErrorCode = {
  Endpoint: 'endpoint',
  EndpointUnreachable: 'endpoint-unreachable',
  Network: 'network',
  Cors: 'cors',
  Stalled: 'stalled',
  UploadLost: 'upload-lost',
  Store: 'store',
  SignatureMismatch: 'signature-mismatch',
  UrlExpired: 'url-expired',
  EtagMissing: 'etag-missing',
  RetriesExhausted: 'retries-exhausted',
  InvalidInput: 'invalid-input',
  FileUnreadable: 'file-unreadable',
  Integrity: 'integrity',
  IntegrityUnverifiable: 'integrity-unverifiable',
  Aborted: 'aborted',
  Refused: 'refused',
  Unexpected: 'unexpected',
} as const;

/** One of the values of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Options every Ferry error accepts. */
export interface FerryErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
}

/**
 * Base class of every error Ferry raises: a stable {@link ErrorCode} plus a message that names
 * the operation and what to do.
 *
 * @example
 * ```ts
 * uploader.on('error', ({ error }) => {
 *   if (isFerryError(error) && error.code === 'signature-mismatch') console.warn(error.message);
 * });
 * ```
 */
export class FerryError extends Error {
  override readonly name: string = 'FerryError';
  /** Stable machine-readable code. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: FerryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

const CODES: ReadonlySet<unknown> = new Set(Object.values(ErrorCode));

/**
 * Whether `value` is a {@link FerryError}. Checks the shape as well as the prototype, because
 * `instanceof` fails when two copies of Ferry are bundled: an `Error` whose `code` is one of
 * Ferry's {@link ErrorCode}s passes; Node's `ECONNRESET` and other foreign codes do not.
 */
export function isFerryError(value: unknown): value is FerryError {
  return value instanceof FerryError || (value instanceof Error && CODES.has((value as { code?: unknown }).code));
}
