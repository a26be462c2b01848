import { ErrorCode, FerryError } from '../errors/ferry-error.js';

/** Options of an {@link IntegrityError}. */
export interface IntegrityErrorOptions {
  /** The part whose bytes differ; absent for a single PUT or the whole object. */
  readonly partNumber?: number | undefined;
  /** The checksum of the file's bytes. */
  readonly expected?: string | undefined;
  /** The checksum the store reported, or `undefined` when it reported none. */
  readonly actual?: string | undefined;
  /** Whether sending the same bytes again mends it (the damage happened on the way). */
  readonly resend: boolean;
}

/**
 * `code: 'integrity'`: what the store holds is not what the file holds (its CRC-64 differs), or
 * could not be checked. A part or single PUT that arrived damaged is sent again (`resend`); a
 * mismatch of the whole object is reported, and retrying the upload sends it anew.
 *
 * @example
 * ```ts
 * uploader.on('error', ({ error }) => {
 *   if (isIntegrityError(error)) console.warn(error.partNumber, error.expected, error.actual);
 * });
 * ```
 */
export class IntegrityError extends FerryError {
  override readonly name: string = 'IntegrityError';
  readonly partNumber: number | undefined;
  readonly expected: string | undefined;
  readonly actual: string | undefined;
  readonly resend: boolean;

  constructor(message: string, options: IntegrityErrorOptions) {
    super(ErrorCode.Integrity, message);
    this.partNumber = options.partNumber;
    this.expected = options.expected;
    this.actual = options.actual;
    this.resend = options.resend;
  }
}

/** Whether `value` is an {@link IntegrityError} (by shape too: `instanceof` fails across bundles). */
export function isIntegrityError(value: unknown): value is IntegrityError {
  return (
    value instanceof IntegrityError ||
    (value instanceof Error &&
      value.name === 'IntegrityError' &&
      (value as { code?: unknown }).code === ErrorCode.Integrity)
  );
}
