import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crc32c } from './crc32c.js';
import { crc64 } from './crc64.js';
import type { DigestAlgorithm } from './digest-blob.js';
import { createRunningHash, crc32cBase64 } from './running-hash.js';

const ALGORITHMS: readonly DigestAlgorithm[] = ['md5', 'sha256', 'crc32c', 'crc64'];

/** What S3 and OSS expect for `data`, computed by node:crypto and the catalogued CRCs. */
function expected(algorithm: DigestAlgorithm, data: Uint8Array): string {
  switch (algorithm) {
    case 'md5':
    case 'sha256':
      return createHash(algorithm).update(data).digest('base64');
    case 'crc32c':
      return crc32cBase64(crc32c(data));
    case 'crc64':
      return String(crc64(data));
  }
}

async function digestOf(algorithm: DigestAlgorithm, wasm: boolean, chunks: Uint8Array[]) {
  const { hash, engine } = await createRunningHash(algorithm, wasm);
  for (const chunk of chunks) hash.update(chunk);
  return { engine, digest: hash.digest() };
}

describe('running hashes: hash-wasm’s WebAssembly and the JavaScript fallback', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('give the catalogued check values for "123456789" in both engines', async () => {
    const check = new TextEncoder().encode('123456789');
    const want = {
      md5: Buffer.from('25f9e794323b453885f5181f1b624d0b', 'hex').toString('base64'),
      sha256: Buffer.from('15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225', 'hex').toString('base64'),
      crc32c: Buffer.from('e3069283', 'hex').toString('base64'), // CRC-32/ISCSI
      crc64: String(0x995dc9bbdf1939fan), // CRC-64/XZ
    };
    for (const algorithm of ALGORITHMS) {
      for (const wasm of [true, false]) {
        const { engine, digest } = await digestOf(algorithm, wasm, [check]);
        expect(engine, algorithm).toBe(wasm ? 'wasm' : 'js');
        expect(digest, `${algorithm} in ${engine}`).toBe(want[algorithm]);
      }
    }
  });

  it('give node:crypto’s digests for a body fed in uneven chunks, and start afresh for the next body', async () => {
    const data = new Uint8Array(randomBytes(3 * 1024 * 1024 + 13));
    const chunks = [
      data.subarray(0, 1),
      data.subarray(1, 70_001),
      data.subarray(70_001, 2_000_003),
      data.subarray(2_000_003),
    ];
    for (const algorithm of ALGORITHMS) {
      for (const wasm of [true, false]) {
        // Twice: the second WebAssembly hash reuses the first one's instance.
        for (let round = 0; round < 2; round++) {
          expect((await digestOf(algorithm, wasm, chunks)).digest, `${algorithm}, wasm ${wasm}`).toBe(
            expected(algorithm, data),
          );
        }
      }
    }
  });

  it('fall back to JavaScript when hash-wasm cannot load although WebAssembly seemed allowed', async () => {
    const { CompileError } = WebAssembly;
    vi.stubGlobal('WebAssembly', {
      ...WebAssembly,
      compile: () => Promise.reject(new CompileError('refused')),
      instantiate: () => Promise.reject(new CompileError('refused')),
    });
    vi.resetModules();
    const fresh = await import('./running-hash.js');
    const { hash, engine } = await fresh.createRunningHash('md5', true);
    hash.update(new Uint8Array([1, 2, 3]));
    expect(engine).toBe('js');
    expect(hash.digest()).toBe(
      createHash('md5')
        .update(new Uint8Array([1, 2, 3]))
        .digest('base64'),
    );
  });
});
