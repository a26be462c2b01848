import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { ChecksumAlgorithm } from '../ports/endpoint.js';
import { createRunningHash } from './running-hash.js';
import { wasmAllowed } from './wasm-allowed.js';

/** What a hasher can compute: a signed checksum algorithm, or OSS's CRC-64/ECMA. */
export type DigestAlgorithm = ChecksumAlgorithm | 'crc64';

/**
 * Digests of one blob: `md5`, `sha256` and `crc32c` in base64 (as `Content-MD5` and
 * `x-amz-checksum-*` carry them), `crc64` as the unsigned decimal OSS prints in `x-oss-hash-crc64ecma`.
 */
export type Digests = { readonly [algorithm in DigestAlgorithm]?: string };

/** Bodies up to this size are read whole, so SHA-256 can run in WebCrypto (which has no streaming digest). */
const WHOLE_READ_LIMIT = 64 * 1024 * 1024;
/** What the streaming hashes are fed at a time. */
const PIECE = 1024 * 1024;
/** The largest buffer kept for the next body. */
const KEPT_BUFFER_LIMIT = 16 * 1024 * 1024;

/** A buffer a body was read into, kept for the next one, so hashing part after part makes no garbage. */
let spare: ArrayBuffer | undefined;

function takeBuffer(size: number): ArrayBuffer {
  const buffer = spare !== undefined && spare.byteLength >= size ? spare : new ArrayBuffer(size);
  if (buffer === spare) spare = undefined;
  return buffer;
}

function keepBuffer(buffer: ArrayBuffer): void {
  // A buffer lost to a read that failed half-way is detached (no bytes): nothing to keep.
  if (buffer.byteLength > 0 && buffer.byteLength <= KEPT_BUFFER_LIMIT) spare = buffer;
}

/**
 * Reads `blob` into `buffer`, `pieceSize` bytes at a time, and hands each full piece (and the last,
 * shorter one) to `use`, which must be done with it when it returns. A byte stream is read with a
 * BYOB reader straight into `buffer`; engines whose `Blob.stream()` is not one give their own
 * chunks, which are copied in. Resolves the buffer (a BYOB read transfers it) for reuse.
 */
async function readInPieces(
  blob: Blob,
  buffer: ArrayBuffer,
  pieceSize: number,
  use: (piece: Uint8Array<ArrayBuffer>) => void,
): Promise<ArrayBuffer> {
  let filled = 0;
  const stream = blob.stream();
  let byob: ReadableStreamBYOBReader | undefined;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream: read its chunks below.
  }
  if (byob) {
    for (;;) {
      const { done, value } = await byob.read(new Uint8Array(buffer, filled, pieceSize - filled));
      if (value) buffer = value.buffer;
      if (done) break;
      filled += value.byteLength;
      if (filled === pieceSize) {
        use(new Uint8Array(buffer, 0, filled));
        filled = 0;
      }
    }
  } else {
    const reader = stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      for (let offset = 0; offset < chunk.value.length;) {
        const taken = Math.min(pieceSize - filled, chunk.value.length - offset);
        new Uint8Array(buffer, filled, taken).set(chunk.value.subarray(offset, offset + taken));
        filled += taken;
        offset += taken;
        if (filled === pieceSize) {
          use(new Uint8Array(buffer, 0, filled));
          filled = 0;
        }
      }
    }
  }
  if (filled > 0) use(new Uint8Array(buffer, 0, filled));
  return buffer;
}

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/**
 * Reads `blob` once and computes every digest asked for, with the fastest code this realm allows:
 * SHA-256 of a body up to 64 MiB in WebCrypto (the body read whole into one buffer); MD5, CRC-32C,
 * CRC-64 and longer SHA-256 in hash-wasm's WebAssembly where the page's CSP allows it
 * (`'wasm-unsafe-eval'`), else in JavaScript, fed 1 MiB at a time. One buffer is kept for the next
 * body, so memory stays at one part (SHA-256) or 1 MiB, and hashing part after part makes no garbage.
 * @throws FerryError `file-unreadable` when the blob can no longer be read (moved, deleted, changed).
 * @example
 * ```ts
 * const { md5, crc64 } = await digestBlob(file.slice(0, 8 << 20), ['md5', 'crc64']);
 * ```
 */
export async function digestBlob(blob: Blob, algorithms: readonly DigestAlgorithm[]): Promise<Digests> {
  // Undefined outside secure contexts (a page on plain http), whatever the types say.
  const subtle = globalThis.crypto.subtle as SubtleCrypto | undefined;
  const whole = subtle !== undefined && algorithms.includes('sha256') && blob.size <= WHOLE_READ_LIMIT;
  const wasm = await wasmAllowed();
  const streamed = algorithms.filter((algorithm) => !(whole && algorithm === 'sha256'));
  const running = await Promise.all(
    streamed.map(async (algorithm) => [algorithm, (await createRunningHash(algorithm, wasm)).hash] as const),
  );
  const pieceSize = whole ? blob.size : Math.min(blob.size, PIECE);
  let sha256: Promise<ArrayBuffer> | undefined;
  const use = (piece: Uint8Array<ArrayBuffer>): void => {
    for (const [, hash] of running) hash.update(piece);
    // WebCrypto copies its input when called: the buffer is free again when this returns.
    if (whole) sha256 = subtle.digest('SHA-256', piece);
  };
  try {
    if (blob.size === 0) use(new Uint8Array(0));
    else keepBuffer(await readInPieces(blob, takeBuffer(pieceSize), pieceSize, use));
  } catch (error) {
    throw new FerryError(ErrorCode.FileUnreadable, 'The file can no longer be read (moved, deleted or changed).', {
      cause: error,
    });
  }
  const digests: Record<string, string> = Object.fromEntries(
    running.map(([algorithm, hash]) => [algorithm, hash.digest()]),
  );
  if (sha256) digests['sha256'] = base64(new Uint8Array(await sha256));
  return digests;
}
