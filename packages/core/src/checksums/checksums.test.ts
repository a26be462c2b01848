import { startTestStack, type TestStack } from '@ferry/testing';
import { untilSettled } from '@ferry/testing/browser';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpEndpoint, isStoreError, Uploader, type UploaderEvents } from '../index.js';
import { deleteObject, isDeleteRefusedError } from '../delete/index.js';
import type { Endpoint } from '../ports/endpoint.js';
import {
  crc32c,
  Crc32c,
  crc64,
  createInlineHasher,
  isIntegrityError,
  withChecksums,
  type PartHasher,
} from './index.js';
import { digestBlob } from './digest-blob.js';

const MiB = 1024 * 1024;

describe('CRC-32C (x-amz-checksum-crc32c)', () => {
  it('gives the catalogued check value for "123456789" (CRC-32/ISCSI: 0xE3069283), and the same fed in chunks', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array())).toBe(0);
    const data = randomBytes(50_001);
    const running = new Crc32c();
    for (let offset = 0; offset < data.length; offset += 4093) running.update(data.subarray(offset, offset + 4093));
    expect(running.value).toBe(crc32c(data));
  });

  it('is the same at every offset and length (bytes one by one up to a word boundary, then eight at a time)', () => {
    const data = randomBytes(1031);
    const want = crc32c(data);
    for (let start = 0; start < 9; start++) {
      const shifted = new Uint8Array(data.length + start);
      shifted.set(data, start);
      expect(crc32c(shifted.subarray(start)), `offset ${start}`).toBe(want);
    }
    const running = new Crc32c();
    for (let offset = 0, step = 1; offset < data.length; offset += step, step++)
      running.update(data.subarray(offset, offset + step));
    expect(running.value).toBe(want);
  });
});

describe('digestBlob', () => {
  it('streams a blob once and gives MD5 and SHA-256 as node:crypto does, CRC-32C big-endian, CRC-64 in decimal', async () => {
    const data = randomBytes(3 * MiB + 11);
    const digests = await digestBlob(new Blob([data]), ['md5', 'sha256', 'crc32c', 'crc64']);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32c(data));
    expect(digests).toEqual({
      md5: createHash('md5').update(data).digest('base64'),
      sha256: createHash('sha256').update(data).digest('base64'),
      crc32c: crc.toString('base64'),
      crc64: String(crc64(data)),
    });
    expect(await digestBlob(new Blob([]), ['md5'])).toEqual({ md5: createHash('md5').digest('base64') });
  });

  it('gives the same SHA-256 past the 64 MiB whole-read limit, where it streams through hash-wasm', async () => {
    const data = randomBytes(64 * MiB + 1);
    expect(await digestBlob(new Blob([data]), ['sha256', 'crc32c'])).toEqual({
      sha256: createHash('sha256').update(data).digest('base64'),
      crc32c: Buffer.from(new Uint32Array([crc32c(data)]).buffer)
        .reverse()
        .toString('base64'),
    });
  });

  it('hashes in JavaScript, with the same digests, where WebAssembly is missing or refused (a CSP without wasm-unsafe-eval)', async () => {
    const data = randomBytes(2 * MiB + 5);
    const want = await digestBlob(new Blob([data]), ['md5', 'sha256', 'crc32c', 'crc64']);
    const { CompileError } = WebAssembly;
    const refused = {
      ...WebAssembly,
      compile: () => Promise.reject(new CompileError('Refused to compile or instantiate WebAssembly module')),
    };
    try {
      for (const stand of [undefined, refused]) {
        vi.stubGlobal('WebAssembly', stand);
        vi.resetModules();
        const fresh = await import('./digest-blob.js');
        const { wasmAllowed } = await import('./wasm-allowed.js');
        expect(await wasmAllowed()).toBe(false);
        expect(await fresh.digestBlob(new Blob([data]), ['md5', 'sha256', 'crc32c', 'crc64'])).toEqual(want);
      }
    } finally {
      vi.unstubAllGlobals();
    }
    expect(want['md5']).toBe(createHash('md5').update(data).digest('base64'));
  });

  it('reads a blob whose stream is not a byte stream (no BYOB reader) from the chunks it gives', async () => {
    const data = randomBytes(MiB + 3 * 65_536 + 7);
    const chunks = [1, 65_537, 765_538, 765_541, data.length].map((end, index, ends) =>
      data.subarray(index === 0 ? 0 : ends[index - 1], end),
    );
    const plain = {
      size: data.length,
      stream: () =>
        new ReadableStream<Uint8Array>({
          start: (controller) => {
            for (const chunk of chunks) controller.enqueue(chunk);
            controller.close();
          },
        }),
    } as unknown as Blob;
    expect(await digestBlob(plain, ['sha256', 'crc64'])).toEqual(
      await digestBlob(new Blob([data]), ['sha256', 'crc64']),
    );
  });

  it('fails with file-unreadable when the blob cannot be read', async () => {
    const gone = {
      stream: () => new ReadableStream({ pull: (controller) => controller.error(new Error('NotReadableError')) }),
    } as unknown as Blob;
    const failure = await digestBlob(gone, ['sha256']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'file-unreadable' });
  });
});

describe('withChecksums options', () => {
  it('refuses an unknown algorithm and a call that turns nothing on, with invalid-input', () => {
    expect(() => withChecksums({ endpoint: '/api' }, { algorithm: 'sha1' as never })).toThrow(/md5, sha256, crc32c/);
    expect(() => withChecksums({ endpoint: '/api' }, {})).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('leaves the options given alone, keeps a user retry hook first, and signs as many parts at a time as run at once', () => {
    const shouldRetry = () => false;
    const given = { endpoint: '/api', concurrency: 3, retry: { limit: 2, shouldRetry } };
    const options = withChecksums(given, { algorithm: 'md5' });
    expect(given.retry.shouldRetry).toBe(shouldRetry);
    expect(options.signBatchSize).toBe(3);
    expect(options.retry?.limit).toBe(2);
    const badDigest = new Error('BadDigest');
    expect(options.retry?.shouldRetry?.({ error: badDigest, attempt: 0 })).toBe(false);
  });

  it('starts the hasher (with a digest of nothing) while the multipart upload is being created, before any part is hashed', async () => {
    const calls: string[] = [];
    const hasher: PartHasher = {
      digest: async (blob, algorithms) => {
        calls.push(`digest ${blob.size} ${algorithms.join('+')}`);
        return {};
      },
    };
    const inner = {
      createMultipart: async () => {
        calls.push('create');
        return { uploadId: 'u', key: 'k' };
      },
    } as unknown as Endpoint;
    const options = withChecksums({ endpoint: inner }, { algorithm: 'md5', crc64: true, hasher });
    await (options.endpoint as Endpoint).createMultipart(
      { filename: 'f', type: '', size: 1, partSize: 1, metadata: {} },
      { signal: new AbortController().signal },
    );
    expect(calls).toEqual(['digest 0 md5+crc64', 'create']);
  });
});

// Node has no Worker: the inline hasher, the fetch transport, the real signature- and digest-checking store.
describe('withChecksums against the local store (Node)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.storeFaults.clear());

  for (const [algorithm, size] of [
    ['sha256', 12 * MiB],
    ['crc32c', 12 * MiB],
    ['md5', 300_000],
  ] as const) {
    it(`${algorithm}, ${size > 5 * MiB ? 'multipart' : 'single PUT'}: a byte flipped on the way is refused by the store (BadDigest) and sent again; the object is identical`, async () => {
      const data = new Uint8Array(randomBytes(size));
      const uploader = new Uploader(
        withChecksums(
          {
            endpoint: stack.endpoint,
            partSize: 5 * MiB,
            retry: { backoffMs: 10 },
            scheduleProgress: (flush) => flush(),
          },
          { algorithm, hasher: createInlineHasher() },
        ),
      );
      const retries: UploaderEvents['retry'][] = [];
      uploader.on('retry', (event) => retries.push(event));
      stack.storeFaults.inject({
        method: 'PUT',
        url: size > 5 * MiB ? /[?&]partNumber=2&/ : /./,
        fault: { kind: 'corrupt', offset: 4321 },
      });
      const { id } = uploader.add(new File([data], 'checked.bin'));
      const done = await untilSettled(uploader, id);
      expect(done.state, done.error?.message).toBe('done');
      expect(retries.map(({ error }) => isStoreError(error) && error.details['Code'])).toEqual(['BadDigest']);
      expect(await stack.objectSha256(done.key!)).toBe(createHash('sha256').update(data).digest('hex'));
    });
  }

  it('crc64 on a store that reports none: integrity-unverifiable, the unchecked object is deleted, and retry sends nothing again', async () => {
    const uploader = new Uploader(
      withChecksums(
        { endpoint: stack.endpoint, partSize: 5 * MiB, scheduleProgress: (flush) => flush() },
        { crc64: true, hasher: createInlineHasher() },
      ),
    );
    const { id } = uploader.add(new File([randomBytes(11 * MiB)], 's3.bin'));
    const failed = await untilSettled(uploader, id);
    expect(failed.state).toBe('error');
    const error = failed.error;
    expect(isIntegrityError(error) && error.code).toBe('integrity-unverifiable');
    expect(error?.message).toContain('is the store OSS?');
    expect(error?.message).toContain('was deleted');
    expect(isIntegrityError(error) && { key: error.key, stillStored: error.stillStored }).toEqual({
      key: failed.key,
      stillStored: false,
    });
    await expect(stack.objectHead(failed.key!)).rejects.toBeDefined();
    // Retrying cannot mend a store that reports no CRC-64: nothing is created or sent again.
    uploader.retry(id);
    const again = await untilSettled(uploader, id);
    expect(again.state).toBe('error');
    expect(again.error?.code).toBe('integrity-unverifiable');
    expect(again.error?.message).toContain('Not sent');
    expect(again.key).toBe(failed.key);
    expect(again.bytesSent).toBe(failed.bytesSent);
  });

  it('crc64 through an endpoint object that cannot delete: the error says the unchecked object is still stored, and names it', async () => {
    const uploader = new Uploader(
      withChecksums(
        { endpoint: createHttpEndpoint({ url: stack.endpoint }), partSize: 5 * MiB },
        { crc64: true, hasher: createInlineHasher() },
      ),
    );
    const { id } = uploader.add(new File([randomBytes(6 * MiB)], 'kept.bin'));
    const failed = await untilSettled(uploader, id);
    const error = failed.error;
    expect(isIntegrityError(error) && error.stillStored).toBe(true);
    expect(isIntegrityError(error) && error.key).toBe(failed.key);
    expect(error?.message).toContain(`${failed.key} is still stored`);
    expect((await stack.objectHead(failed.key!)).size).toBe(6 * MiB);
  });

  it('crc64 when the endpoint refuses the delete (no delete token): still stored, with the refusal as cause', async () => {
    const inner = createHttpEndpoint({ url: stack.endpoint });
    const withoutToken: Endpoint = {
      ...inner,
      completeMultipart: async (input, options) => ({
        ...(await inner.completeMultipart(input, options)),
        deleteToken: undefined,
      }),
      deleteObject: (object, { signal }) => deleteObject({ url: stack.endpoint, ...object, signal }),
    };
    const uploader = new Uploader(
      withChecksums({ endpoint: withoutToken, partSize: 5 * MiB }, { crc64: true, hasher: createInlineHasher() }),
    );
    const { id } = uploader.add(new File([randomBytes(6 * MiB)], 'refused.bin'));
    const failed = await untilSettled(uploader, id);
    const error = failed.error;
    expect(isIntegrityError(error) && error.stillStored).toBe(true);
    expect(isDeleteRefusedError(error?.cause)).toBe(true);
    expect(error?.message).toContain('the endpoint gave no delete token');
    expect((await stack.objectHead(failed.key!)).size).toBe(6 * MiB);
  });
});
