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

/** Parts up to this size are read in one piece, so SHA-256 can run natively (WebCrypto has no streaming digest). */
const WHOLE_READ_LIMIT = 64 * 1024 * 1024;

const unreadable = (error: unknown) => new FerryError(ErrorCode.FileUnreadable, 'The file can no longer be read (moved, deleted or changed).', { cause: error });

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
  if (subtle && algorithms.includes('sha256') && blob.size <= WHOLE_READ_LIMIT) {
    const buffer = await blob.arrayBuffer().catch((error: unknown) => Promise.reject(unreadable(error)));
    const bytes = new Uint8Array(buffer);
    const others = algorithms.filter((algorithm) => algorithm !== 'sha256');
    const running = others.map((algorithm) => [algorithm, hashers(algorithm)] as const);
    for (const [, hash] of running) hash.update(bytes);
    const sha256 = base64(new Uint8Array(await subtle.digest('SHA-256', buffer)));
    return { sha256, ...Object.fromEntries(running.map(([algorithm, hash]) => [algorithm, hash.digest()])) };
  }
  const running = algorithms.map((algorithm) => [algorithm, hashers(algorithm)] as const);
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const [, hash] of running) hash.update(value);
    }
  } catch (error) {
    throw unreadable(error);
  }
  return Object.fromEntries(running.map(([algorithm, hash]) => [algorithm, hash.digest()]));
}
