import { ErrorCode, FerryError, Uploader, type ChecksumAlgorithm, type UploaderOptions } from '@ferry/core';
import { withChecksums, type ChecksumOptions } from '@ferry/core/checksums';

/**
 * A `checksum` attribute value: a digest of every part signed into its URL (`md5` on S3 and OSS;
 * `sha256`, `crc32c` on S3), OSS's whole-object CRC-64 check (`crc64`), or both (`md5 crc64`).
 */
export type ChecksumSetting = ChecksumAlgorithm | 'crc64' | `${ChecksumAlgorithm} crc64`;

/**
 * The `withChecksums` options a `checksum` value asks for; `undefined` when it is empty (no
 * checksums). An unknown algorithm is left for `withChecksums` to refuse, with the list of known ones.
 * @throws FerryError `invalid-input` when the value names more than one algorithm.
 * @example
 * ```ts
 * checksumOptions('md5 crc64'); // { algorithm: 'md5', crc64: true }
 * checksumOptions(''); // undefined
 * ```
 */
export function checksumOptions(setting: string | null | undefined): ChecksumOptions | undefined {
  const words = (setting ?? '').split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const algorithms = words.filter((word) => word !== 'crc64');
  if (algorithms.length > 1) {
    throw new FerryError(ErrorCode.InvalidInput, `checksum takes one algorithm (and crc64), got "${setting}".`);
  }
  return { algorithm: algorithms[0] as ChecksumAlgorithm | undefined, crc64: words.includes('crc64') };
}

/**
 * An `Uploader` with the integrity checks `setting` asks for. This module is what the element
 * loads on demand (with `@ferry/core/checksums`) when its `checksum` attribute is set.
 * @throws FerryError `invalid-input` when `setting` asks for none, or for an unknown or second algorithm.
 * @example
 * ```ts
 * const uploader = checksummedUploader({ endpoint: '/api/uploads' }, 'md5 crc64');
 * ```
 */
export function checksummedUploader(options: UploaderOptions, setting: string): Uploader {
  const checksums = checksumOptions(setting);
  if (!checksums) throw new FerryError(ErrorCode.InvalidInput, 'checksum is empty: build a plain Uploader instead.');
  return new Uploader(withChecksums(options, checksums));
}
