import { ErrorCode, FerryError } from './errors/ferry-error.js';
import { requireRange } from './require-range.js';

const MiB = 1024 * 1024;

/** The limits S3 (and OSS, MinIO, R2) put on multipart uploads. */
export interface StoreLimits {
  /** Smallest part except the last. @default 5 MiB */
  minPartSize: number;
  /** Largest part. @default 5 GiB */
  maxPartSize: number;
  /** Most parts in one upload. @default 10000 */
  maxParts: number;
}

/** S3's documented multipart limits (MinIO and Ceph share them). */
export const S3_LIMITS: StoreLimits = Object.freeze({
  minPartSize: 5 * MiB,
  maxPartSize: 5 * 1024 * MiB,
  maxParts: 10_000,
});

/**
 * Cloudflare R2: S3's limits, and every part but the last must have the same size, which
 * {@link planParts} always does (it never mixes part sizes within an upload).
 */
export const R2_LIMITS: StoreLimits = S3_LIMITS;

/** Alibaba Cloud OSS: parts from 100 KiB to 5 GiB, at most 10,000. */
export const OSS_LIMITS: StoreLimits = Object.freeze({
  minPartSize: 100 * 1024,
  maxPartSize: 5 * 1024 * MiB,
  maxParts: 10_000,
});

/** One part of a multipart upload: bytes `[start, end)` of the file. */
export interface PlannedPart {
  /** 1-based part number, as the store numbers them. */
  readonly number: number;
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte, exclusive. */
  readonly end: number;
}

/** A file cut into parts; computed once per upload. */
export interface PartPlan {
  /** Size of every part but the last. */
  readonly partSize: number;
  /** The parts, in order, covering the whole file. */
  readonly parts: readonly PlannedPart[];
}

/**
 * Cuts a file of `size` bytes into parts of `preferredPartSize`, growing the part size (in whole
 * MiB) when the file would otherwise need more than `limits.maxParts` parts.
 *
 * @throws FerryError `invalid-input` when the size is not a non-negative integer, when the
 *   preferred part size is under the store's minimum, or when the file is too large for the store.
 * @example
 * ```ts
 * planParts(23 * 1024 * 1024, 8 * 1024 * 1024).parts.length; // 3
 * ```
 */
export function planParts(size: number, preferredPartSize: number, limits: StoreLimits = S3_LIMITS): PartPlan {
  requireRange('size', size, 1);
  requireRange('partSize', preferredPartSize, limits.minPartSize, limits.maxPartSize);
  const needed = Math.ceil(size / limits.maxParts);
  const partSize = needed > preferredPartSize ? Math.ceil(needed / MiB) * MiB : preferredPartSize;
  if (partSize > limits.maxPartSize) {
    throw new FerryError(
      ErrorCode.InvalidInput,
      `A file of ${size} bytes needs parts larger than the store's maximum of ${limits.maxPartSize} bytes.`,
    );
  }
  const parts: PlannedPart[] = [];
  for (let start = 0, number = 1; start < size; start += partSize, number++) {
    parts.push({ number, start, end: Math.min(start + partSize, size) });
  }
  return { partSize, parts };
}
