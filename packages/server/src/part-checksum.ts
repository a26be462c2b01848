import type { ChecksumAlgorithm } from '@ferry/core';
import { ServerError } from './errors.js';

/** One of {@link PART_CHECKSUM_ALGORITHMS}: the same names core's `checksums` input carries. */
export type PartChecksumAlgorithm = ChecksumAlgorithm;

/** Per-part checksum algorithms a sign request may carry. */
export const PART_CHECKSUM_ALGORITHMS = ['md5', 'sha256', 'crc32c'] as const satisfies readonly PartChecksumAlgorithm[];

/** A part's checksum, base64 of the digest as the store's header wants it. */
export interface PartChecksum {
  readonly algorithm: PartChecksumAlgorithm;
  readonly value: string;
}

/** Decoded digest length of each algorithm, in bytes. */
const LENGTH: Record<PartChecksumAlgorithm, number> = { md5: 16, sha256: 32, crc32c: 4 };

/**
 * Reads the optional `checksums: { algorithm, values: { [partNumber]: base64 } }` of a sign
 * request: every requested part needs a well-formed value, and the store must support the
 * algorithm. Returns a checksum per part number, or nothing when the request carries none.
 * @throws ServerError `bad-request` naming what is wrong.
 */
export function readPartChecksums(
  value: unknown,
  partNumbers: readonly number[],
  supported: readonly PartChecksumAlgorithm[],
): Map<number, PartChecksum> | undefined {
  if (value === undefined) return undefined;
  const given = (typeof value === 'object' && value !== null ? value : {}) as { algorithm?: unknown; values?: unknown };
  const algorithm = given.algorithm as PartChecksumAlgorithm;
  if (!PART_CHECKSUM_ALGORITHMS.includes(algorithm)) {
    throw new ServerError('bad-request', `checksums.algorithm must be one of ${PART_CHECKSUM_ALGORITHMS.join(', ')}.`);
  }
  if (!supported.includes(algorithm)) {
    throw new ServerError('bad-request', `This store does not take ${algorithm} part checksums (it takes ${supported.join(', ') || 'none'}).`);
  }
  const values = (typeof given.values === 'object' && given.values !== null ? given.values : {}) as Record<string, unknown>;
  const checksums = new Map<number, PartChecksum>();
  for (const partNumber of partNumbers) {
    const digest = values[String(partNumber)];
    if (typeof digest !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(digest) || Buffer.from(digest, 'base64').length !== LENGTH[algorithm]) {
      throw new ServerError('bad-request', `checksums.values["${partNumber}"] must be the base64 ${algorithm} of part ${partNumber}.`);
    }
    checksums.set(partNumber, { algorithm, value: digest });
  }
  return checksums;
}
