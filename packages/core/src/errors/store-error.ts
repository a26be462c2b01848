import { ErrorCode, FerryError, type FerryErrorOptions } from './ferry-error.js';

/** The fields of an S3/OSS error document that help a developer (all optional). */
export interface StoreErrorDetails {
  /** The store's error code, e.g. `SignatureDoesNotMatch`. */
  Code?: string;
  /** The store's message. */
  Message?: string;
  /** The string the store signed, when it says (S3: SignatureDoesNotMatch). */
  StringToSign?: string;
  /** The canonical request the store built, when it says. */
  CanonicalRequest?: string;
  /** The request id, for the store's support. */
  RequestId?: string;
}

/** Context carried by a {@link StoreError}. */
export interface StoreErrorOptions extends FerryErrorOptions {
  /** HTTP status the store answered. */
  status: number;
  /** Fields parsed from the store's XML error body. */
  details: StoreErrorDetails;
  /** `Retry-After` in milliseconds, when the store sent one. */
  retryAfterMs?: number | undefined;
  /** The 1-based part number, for part uploads. */
  partNumber?: number | undefined;
}

/**
 * The object store refused a request to a presigned URL. `code` distinguishes a signature
 * mismatch and an expired URL from other refusals; `details` carries the store's XML fields.
 *
 * @example
 * ```ts
 * if (isStoreError(e) && e.code === 'signature-mismatch') console.log(e.details.CanonicalRequest);
 * ```
 */
export class StoreError extends FerryError {
  override readonly name = 'StoreError';
  /** HTTP status the store answered. */
  readonly status: number;
  /** Fields parsed from the store's XML error body. */
  readonly details: StoreErrorDetails;
  /** `Retry-After` in milliseconds, when the store sent one. */
  readonly retryAfterMs: number | undefined;
  /** The 1-based part number, for part uploads. */
  readonly partNumber: number | undefined;

  constructor(code: ErrorCode, message: string, options: StoreErrorOptions) {
    super(code, message, options);
    this.status = options.status;
    this.details = options.details;
    this.retryAfterMs = options.retryAfterMs;
    this.partNumber = options.partNumber;
  }
}

/** Whether `value` is a {@link StoreError} (works across bundles). */
export function isStoreError(value: unknown): value is StoreError {
  return value instanceof StoreError || (value instanceof Error && value.name === 'StoreError');
}
