import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createCRC32, createCRC64, createMD5, createSHA256, type IHasher } from 'hash-wasm';
import { Crc32c } from './crc32c.js';
import { Crc64 } from './crc64.js';
import type { DigestAlgorithm } from './digest-blob.js';

/** One algorithm's hash of one body: fed the chunks in order, read once at the end. */
export interface RunningHash {
  /** Adds `bytes`; they may be reused by the caller once this returns. */
  update(bytes: Uint8Array): void;
  /** The digest as the store wants it (see `Digests`); the hash cannot be fed afterwards. */
  digest(): string;
}

/** Which code computes a hash: hash-wasm's WebAssembly, or this package's (or @noble/hashes') JavaScript. */
export type HashEngine = 'wasm' | 'js';

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** The 4 big-endian bytes of a CRC-32C in base64, as S3's `x-amz-checksum-crc32c`. */
export const crc32cBase64 = (value: number): string =>
  base64(new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]));

/** The JavaScript hash of `algorithm`. */
function javascriptHash(algorithm: DigestAlgorithm): RunningHash {
  switch (algorithm) {
    case 'md5': {
      // @noble/hashes, a maintained library, rather than an MD5 of our own: this path runs only
      // where WebAssembly is refused, and hash-wasm's is the fast one.
      const hash = md5.create();
      return { update: (bytes) => hash.update(bytes), digest: () => base64(hash.digest()) };
    }
    case 'sha256': {
      const hash = sha256.create();
      return { update: (bytes) => hash.update(bytes), digest: () => base64(hash.digest()) };
    }
    case 'crc32c': {
      const crc = new Crc32c();
      return { update: (bytes) => crc.update(bytes), digest: () => crc32cBase64(crc.value) };
    }
    case 'crc64': {
      const crc = new Crc64();
      return { update: (bytes) => crc.update(bytes), digest: () => String(crc.value) };
    }
  }
}

const WASM_HASHERS: Record<DigestAlgorithm, () => Promise<IHasher>> = {
  md5: createMD5,
  sha256: createSHA256,
  crc32c: () => createCRC32(0x82f63b78),
  crc64: () => createCRC64(),
};

/** hash-wasm instances done with, by algorithm, for the next body (each has its own memory; making one is not free). */
const idle = new Map<DigestAlgorithm, IHasher[]>();
/** Instances kept per algorithm: enough for the bodies one realm hashes at once. */
const MOST_IDLE = 4;

/** hash-wasm's `algorithm`, from an idle instance where there is one. */
async function wasmHash(algorithm: DigestAlgorithm): Promise<RunningHash> {
  const hasher = idle.get(algorithm)?.pop()?.init() ?? (await WASM_HASHERS[algorithm]());
  const finish = (): Uint8Array => {
    const digest = hasher.digest('binary');
    const pool = idle.get(algorithm) ?? [];
    if (pool.length < MOST_IDLE) idle.set(algorithm, [...pool, hasher]);
    return digest;
  };
  const digest =
    algorithm === 'crc64'
      ? () => String(BigInt(`0x${[...finish()].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`))
      : () => base64(finish());
  return { update: (bytes) => void hasher.update(bytes), digest };
}

/**
 * A running hash of `algorithm`: hash-wasm's WebAssembly when `wasm` is allowed here (MD5, CRC-32C
 * and CRC-64 about 1.2 to 1.3 times the JavaScript below in Chromium; SHA-256 four times
 * @noble/hashes), else JavaScript. The JavaScript is also used when the WebAssembly fails to load.
 * @example
 * ```ts
 * const hash = await createRunningHash('md5', await wasmAllowed());
 * hash.update(chunk); hash.digest(); // base64, as Content-MD5
 * ```
 */
export async function createRunningHash(
  algorithm: DigestAlgorithm,
  wasm: boolean,
): Promise<{ hash: RunningHash; engine: HashEngine }> {
  if (wasm) {
    try {
      return { hash: await wasmHash(algorithm), engine: 'wasm' };
    } catch {
      // Allowed, yet it did not load (a runtime's own limit on WebAssembly memory): hash in JavaScript.
    }
  }
  return { hash: javascriptHash(algorithm), engine: 'js' };
}
