/**
 * Codes the server answers with, in `{ code, message }` bodies:
 * `bad-request` 400, `unauthorized` 401 (the `authorize` hook refused), `token-invalid` 403,
 * `origin-not-allowed` 403 (CORS), `not-found` 404, `method-not-allowed` 405, `too-large` 413,
 * `type-not-allowed` 415, `storage` 502 (the store refused or failed), `internal` 500.
 */
export const ServerErrorCode = {
  BadRequest: 'bad-request',
  Unauthorized: 'unauthorized',
  TokenInvalid: 'token-invalid',
  OriginNotAllowed: 'origin-not-allowed',
  NotFound: 'not-found',
  MethodNotAllowed: 'method-not-allowed',
  TooLarge: 'too-large',
  TypeNotAllowed: 'type-not-allowed',
  Storage: 'storage',
  Internal: 'internal',
} as const;

/** One of the values of {@link ServerErrorCode}. */
export type ServerErrorCode = (typeof ServerErrorCode)[keyof typeof ServerErrorCode];

const STATUS: Record<ServerErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  'token-invalid': 403,
  'origin-not-allowed': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'too-large': 413,
  'type-not-allowed': 415,
  storage: 502,
  internal: 500,
};

/**
 * A refusal the handler turns into an HTTP answer. Its message is safe to show a client: never
 * a credential, a secret or a stack trace.
 *
 * @example
 * ```ts
 * throw new ServerError('bad-request', 'size must be a whole number of bytes');
 * ```
 */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  /** The HTTP status for {@link ServerError.code}. */
  readonly status: number;

  constructor(
    readonly code: ServerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.status = STATUS[code];
  }
}

/** Whether `value` is a {@link ServerError} (works across bundles). */
export function isServerError(value: unknown): value is ServerError {
  return value instanceof ServerError || (value instanceof Error && value.name === 'ServerError');
}
