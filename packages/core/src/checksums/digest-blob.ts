import { sha256 } from '@noble/hashes/sha2.js';
import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { ChecksumAlgorithm } from '../ports/endpoint.js';
import { Crc32c } from './crc32c.js';
import { Crc64 } from './crc64.js';
import { Md5 } from './md5.js';

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
    case 'md5': {
      const hash = new Md5();
      return { update: (chunk) => hash.update(chunk), digest: () => base64(hash.digest()) };
    }
    case 'sha256': {
      const hash = sha256.create();
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

/** Parts up to this size are read in one piece, so SHA-256 can run natively (WebCrypto has no streaming digest). */
const WHOLE_READ_LIMIT = 64 * 1024 * 1024;

/**
 * Reads `blob` once and computes every digest asked for. SHA-256 of a part up to 64 MiB runs in
 * WebCrypto (about 4× @noble/hashes in Chromium) on the part read in one piece; otherwise the blob
 * is streamed chunk by chunk through @noble/hashes and the table-driven CRCs, so memory stays at
 * one chunk whatever its size (and WebCrypto, missing outside secure contexts, is not needed).
 * @throws FerryError `file-unreadable` when the blob can no longer be read (moved, deleted, changed).
 * @example
 * ```ts
 * const { md5, crc64 } = await digestBlob(file.slice(0, 8 << 20), ['md5', 'crc64']);
 * ```
 */
export async function digestBlob(blob: Blob, algorithms: readonly DigestAlgorithm[]): Promise<Digests> {
  const subtle = globalThis.crypto?.subtle;
  const whole = subtle !== undefined && algorithms.includes('sha256') && blob.size <= WHOLE_READ_LIMIT;
  const running = algorithms.filter((algorithm) => !(whole && algorithm === 'sha256')).map((algorithm) => [algorithm, hashers(algorithm)] as const);
  let sha256: string | undefined;
  try {
    if (whole) {
      const buffer = await blob.arrayBuffer();
      for (const [, hash] of running) hash.update(new Uint8Array(buffer));
      sha256 = base64(new Uint8Array(await subtle.digest('SHA-256', buffer)));
    } else {
      const reader = blob.stream().getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) for (const [, hash] of running) hash.update(chunk.value);
    }
  } catch (error) {
    throw new FerryError(ErrorCode.FileUnreadable, 'The file can no longer be read (moved, deleted or changed).', { cause: error });
  }
  return { ...(sha256 === undefined ? {} : { sha256 }), ...Object.fromEntries(running.map(([algorithm, hash]) => [algorithm, hash.digest()])) };
}
