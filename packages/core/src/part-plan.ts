import { ErrorCode, FerryError } from './errors/ferry-error.js';
import { S3_LIMITS, type StoreLimits } from './protocol/store-limits.js';
import { requireRange } from './require-range.js';

const MiB = 1024 * 1024;

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
 * MiB) when the file would otherwise need more than `limits.maxParts` parts. Every part but the
 * last has the same size, as R2 demands.
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
  if (limits.maxObjectSize !== undefined && size > limits.maxObjectSize) {
    throw new FerryError(
      ErrorCode.InvalidInput,
      `A file of ${size} bytes is over the store's largest object, ${limits.maxObjectSize} bytes.`,
    );
  }
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
