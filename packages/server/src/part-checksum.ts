import type { ChecksumAlgorithm } from '@ferry/core';
import { ServerError } from './errors.js';
import { fromBase64 } from './web-crypto.js';

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

/** Checks one algorithm and base64 digest; the checksum, or a `bad-request` naming `field`. */
function checksumOf(
  algorithm: unknown,
  digest: unknown,
  supported: readonly PartChecksumAlgorithm[],
  field: string,
  what: string,
): PartChecksum {
  const name = algorithm as PartChecksumAlgorithm;
  if (!PART_CHECKSUM_ALGORITHMS.includes(name)) {
    throw new ServerError(
      'bad-request',
      `The checksum algorithm must be one of ${PART_CHECKSUM_ALGORITHMS.join(', ')}.`,
    );
  }
  if (!supported.includes(name)) {
    throw new ServerError(
      'bad-request',
      `This store does not take ${name} checksums (it takes ${supported.join(', ') || 'none'}).`,
    );
  }
  if (
    typeof digest !== 'string' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(digest) ||
    fromBase64(digest)?.length !== LENGTH[name]
  ) {
    throw new ServerError('bad-request', `${field} must be the base64 ${name} of ${what}.`);
  }
  return { algorithm: name, value: digest };
}

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
  const values = (typeof given.values === 'object' && given.values !== null ? given.values : {}) as Record<
    string,
    unknown
  >;
  const checksums = new Map<number, PartChecksum>();
  for (const partNumber of partNumbers) {
    checksums.set(
      partNumber,
      checksumOf(
        given.algorithm,
        values[String(partNumber)],
        supported,
        `checksums.values["${partNumber}"]`,
        `part ${partNumber}`,
      ),
    );
  }
  return checksums;
}

/**
 * Reads the optional `checksum=<algorithm>:<base64>` of a single-PUT params request (the whole
 * file's digest), or nothing when there is none.
 * @throws ServerError `bad-request` naming what is wrong.
 */
export function readFileChecksum(
  value: string | null,
  supported: readonly PartChecksumAlgorithm[],
): PartChecksum | undefined {
  if (value === null) return undefined;
  const colon = value.indexOf(':');
  return checksumOf(
    value.slice(0, colon),
    colon < 0 ? undefined : value.slice(colon + 1),
    supported,
    'checksum',
    'the file',
  );
}
