import { ErrorCode, FerryError } from '../errors/ferry-error.js';

/** Options of an {@link IntegrityError}. */
export interface IntegrityErrorOptions {
  /** `integrity` (the bytes differ) or `integrity-unverifiable` (no checksum to compare with). @default 'integrity' */
  readonly code?: typeof ErrorCode.Integrity | typeof ErrorCode.IntegrityUnverifiable | undefined;
  /** The part whose bytes differ; absent for a single PUT or the whole object. */
  readonly partNumber?: number | undefined;
  /** The checksum of the file's bytes. */
  readonly expected?: string | undefined;
  /** The checksum the store reported, or `undefined` when it reported none. */
  readonly actual?: string | undefined;
  /** Whether sending the same bytes again mends it (the damage happened on the way). */
  readonly resend: boolean;
  /** The key of the stored object the check was about (a single PUT or the whole object). */
  readonly key?: string | undefined;
  /** Whether that object is still in the bucket (Ferry could not delete it). @default false */
  readonly stillStored?: boolean | undefined;
  /** Why the object could not be deleted, when a delete was tried and failed. */
  readonly cause?: unknown;
}

/**
 * What the store holds is not what the file holds (`code: 'integrity'`: its CRC-64 differs), or
 * could not be checked (`code: 'integrity-unverifiable'`: the store or its CORS rule does not
 * report the CRC-64, so no retry can check it either). A part or single PUT that arrived damaged
 * is sent again (`resend`). An object that failed, or escaped, its check is deleted before the
 * error is reported, with the delete token of its upload; `stillStored` says when that was not
 * possible (no way to delete, or the endpoint refused: see `cause`), and `key` names the object
 * left in the bucket. After `integrity`, retrying uploads the file anew; after
 * `integrity-unverifiable`, nothing is sent again until the configuration is fixed.
 *
 * @example
 * ```ts
 * uploader.on('error', ({ error }) => {
 *   if (isIntegrityError(error) && error.stillStored) reportOrphan(error.key);
 * });
 * ```
 */
export class IntegrityError extends FerryError {
  override readonly name: string = 'IntegrityError';
  /** The part whose bytes differ; `undefined` for a single PUT or the whole object. */
  readonly partNumber: number | undefined;
  /** The checksum of the file's bytes. */
  readonly expected: string | undefined;
  /** The checksum the store reported; `undefined` when it reported none. */
  readonly actual: string | undefined;
  /** Whether sending the same bytes again mends it (the damage happened on the way). */
  readonly resend: boolean;
  /** The key of the stored object the check was about; `undefined` for a part. */
  readonly key: string | undefined;
  /** Whether the object at `key` is still in the bucket: Ferry could not delete it (see `cause`). */
  readonly stillStored: boolean;

  constructor(message: string, options: IntegrityErrorOptions) {
    super(options.code ?? ErrorCode.Integrity, message, { cause: options.cause });
    this.partNumber = options.partNumber;
    this.expected = options.expected;
    this.actual = options.actual;
    this.resend = options.resend;
    this.key = options.key;
    this.stillStored = options.stillStored ?? false;
  }
}

/** Whether `value` is an {@link IntegrityError} (by shape too: `instanceof` fails across bundles). */
export function isIntegrityError(value: unknown): value is IntegrityError {
  const code = (value as { code?: unknown } | undefined)?.code;
  return (
    value instanceof IntegrityError ||
    (value instanceof Error &&
      value.name === 'IntegrityError' &&
      (code === ErrorCode.Integrity || code === ErrorCode.IntegrityUnverifiable))
  );
}
