import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { ChecksumAlgorithm } from '../ports/endpoint.js';
import { Crc32c } from './crc32c.js';
import { Crc64 } from './crc64.js';

/** What a hasher can compute: a signed checksum algorithm, or OSS's CRC-64/ECMA. */
export type DigestAlgorithm = ChecksumAlgorithm | 'crc64';

/**
 * Digests of one blob: `md5`, `sha256` and `crc32c` in base64 (as `Content-MD5` and
 * `x-amz-checksum-*` carry them), `crc64` as the unsigned decimal OSS prints in `x-oss-hash-crc64ecma`.
 */
export type Digests = { readonly [algorithm in DigestAlgorithm]?: string };

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** A running hash of each algorithm, fed the same chunks. */
function hashers(algorithm: DigestAlgorithm): { update(chunk: Uint8Array): void; digest(): string } {
  switch (algorithm) {
    case 'md5':
    case 'sha256': {
      const hash = (algorithm === 'md5' ? md5 : sha256).create();
      return { update: (chunk) => hash.update(chunk), digest: () => base64(hash.digest()) };
    }
    case 'crc32c': {
      const crc = new Crc32c();
      return {
        update: (chunk) => crc.update(chunk),
        digest: () => base64(new Uint8Array(new Uint32Array([crc.value]).buffer).reverse()),
      };
    }
    case 'crc64': {
      const crc = new Crc64();
      return { update: (chunk) => crc.update(chunk), digest: () => String(crc.value) };
    }
  }
}

/**
 * Reads `blob` once as a stream and computes every digest asked for, chunk by chunk: memory stays
 * at one chunk whatever the blob's size.
 * @throws FerryError `file-unreadable` when the blob can no longer be read (moved, deleted, changed).
 * @example
 * ```ts
 * const { md5, crc64 } = await digestBlob(file.slice(0, 8 << 20), ['md5', 'crc64']);
 * ```
 */
export async function digestBlob(blob: Blob, algorithms: readonly DigestAlgorithm[]): Promise<Digests> {
  const running = algorithms.map((algorithm) => [algorithm, hashers(algorithm)] as const);
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const [, hash] of running) hash.update(value);
    }
  } catch (error) {
    throw new FerryError(ErrorCode.FileUnreadable, 'The file can no longer be read (moved, deleted or changed).', { cause: error });
  }
  return Object.fromEntries(running.map(([algorithm, hash]) => [algorithm, hash.digest()]));
}
