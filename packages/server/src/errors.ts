import { WIRE_ERROR_STATUS, WireErrorCode } from '@ferry/core/protocol';

/**
 * The codes the server answers with, in `{ code, message }` bodies: the protocol's one list
 * ({@link WireErrorCode} in `@ferry/core/protocol`), which the client reads too.
 */
export const ServerErrorCode = WireErrorCode;

/** One of the values of {@link ServerErrorCode}. */
export type ServerErrorCode = WireErrorCode;

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
    this.status = WIRE_ERROR_STATUS[code];
  }
}

/** Whether `value` is a {@link ServerError} (works across bundles). */
export function isServerError(value: unknown): value is ServerError {
  return value instanceof ServerError || (value instanceof Error && value.name === 'ServerError');
}
