/** Why a URL was not signed: a stable code for each mistake a configuration or a caller can make. */
export const SigningErrorCode = {
  /** A lifetime that is not a whole number of seconds from 1 to 604,800 (7 days). */
  InvalidExpiry: 'invalid-expiry',
  /** The (STS) credentials have expired: a URL signed with them would be refused. */
  CredentialsExpired: 'credentials-expired',
  /** The object key has a `.` or `..` segment (also percent-encoded), which browsers collapse before sending. */
  UnsafeKey: 'unsafe-key',
  /** No credentials were given and none were found in the environment. */
  NoCredentials: 'no-credentials',
} as const;

/** One of the values of {@link SigningErrorCode}. */
export type SigningErrorCode = (typeof SigningErrorCode)[keyof typeof SigningErrorCode];

/**
 * A signer or provider refused to sign. The handler answers it as a 500 `internal` (it is the
 * server's configuration that is wrong, not the caller's request) and passes it to `onError`.
 *
 * @example
 * ```ts
 * try { await ossV4PresignQuery(request, credentials, region, 0); }
 * catch (error) { if (isSigningError(error)) console.log(error.code); } // 'invalid-expiry'
 * ```
 */
export class SigningError extends Error {
  override readonly name = 'SigningError';

  constructor(
    readonly code: SigningErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Whether `value` is a {@link SigningError} (works across bundles). */
export function isSigningError(value: unknown): value is SigningError {
  return value instanceof SigningError || (value instanceof Error && value.name === 'SigningError');
}

/** The longest lifetime S3 and OSS accept for a presigned URL: 7 days, in seconds. */
export const MAX_URL_LIFETIME_SECONDS = 604_800;

/**
 * Returns `seconds` when it is a whole number from 1 to 604,800 (what S3 and OSS accept).
 * @throws SigningError `invalid-expiry` otherwise.
 */
export function checkExpiresIn(seconds: number, what = 'expiresIn'): number {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_URL_LIFETIME_SECONDS) {
    throw new SigningError(
      SigningErrorCode.InvalidExpiry,
      `${what} must be a whole number of seconds from 1 to ${MAX_URL_LIFETIME_SECONDS} (7 days), not ${seconds}.`,
    );
  }
  return seconds;
}

/** Segments that URL parsers read as `.` or `..`: `%2e` in any case counts as a dot (WHATWG URL). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Whether `key` has a "." or ".." segment (or its %2e form), which URLs collapse. */
export function hasDotSegment(key: string): boolean {
  return key.split('/').some((segment) => DOT_SEGMENT.test(segment));
}

/**
 * Returns `key` when no `/`-separated segment of it is `.` or `..` (also as `%2e`): browsers
 * resolve those before sending, so the request would reach another key than the one signed.
 * @throws SigningError `unsafe-key` otherwise.
 */
export function checkNoDotSegments(key: string): string {
  if (hasDotSegment(key)) {
    throw new SigningError(
      SigningErrorCode.UnsafeKey,
      'The object key has a "." or ".." segment (or its %2e form), which browsers collapse before sending: ' +
        'the upload would go to another key than the one signed.',
    );
  }
  return key;
}
