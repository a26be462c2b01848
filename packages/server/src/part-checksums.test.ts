// Per-part checksums in sign requests, against the signature- and digest-checking local store:
// the checksum header is signed and returned, and the store refuses other bytes (BadDigest).
import { Crc32c } from '@aws-crypto/crc32c';
import { startLocalStore, type LocalStore } from '@ferry/local-store';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFerryHandler, createS3Provider, type FerryHandler } from './index.js';

const MiB = 1024 * 1024;
const BASE = 'http://app.test/api/uploads';
let store: LocalStore;
let handler: FerryHandler;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ferry-checksums-'));
  store = await startLocalStore({ directory });
  handler = createFerryHandler({
    provider: createS3Provider({ bucket: store.bucket, region: store.region, endpoint: store.endpoint, credentials: store.credentials }),
    secret: 'y'.repeat(32),
    basePath: '/api/uploads',
    onError: () => undefined,
  });
});

afterAll(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { 'x-ferry-upload-token': token } : {}) };
  const response = await handler(new Request(BASE + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
  return { status: response.status, json: await response.json() };
}

const DIGESTS = {
  md5: (data: Uint8Array) => createHash('md5').update(data).digest('base64'),
  sha256: (data: Uint8Array) => createHash('sha256').update(data).digest('base64'),
  crc32c: (data: Uint8Array) => {
    const value = Buffer.alloc(4);
    value.writeUInt32BE(new Crc32c().update(data).digest() >>> 0);
    return value.toString('base64');
  },
} as const;

const part = (seed: number, size = 5 * MiB) => Uint8Array.from({ length: size }, (_, i) => (i * 17 + seed) & 0xff);

async function upload(partCount: number) {
  const size = partCount * 5 * MiB;
  const created = await call('POST', '/multipart', { filename: 'sum.bin', type: 'application/octet-stream', size, partSize: 5 * MiB });
  expect(created.status).toBe(200);
  const { uploadId, key, token } = created.json as { uploadId: string; key: string; token: string };
  const path = `/multipart/${uploadId}`;
  return {
    sign: (body: Record<string, unknown>) => call('POST', `${path}/batch`, { key, ...body }, token),
    complete: (parts: { PartNumber: number; ETag: string }[]) => call('POST', `${path}/complete?key=${encodeURIComponent(key)}`, { parts }, token),
  };
}

describe('per-part checksums (S3 provider, local store)', () => {
  for (const algorithm of ['md5', 'sha256', 'crc32c'] as const) {
    it(`${algorithm}: the signed header is returned, the right bytes are stored, other bytes get 400 BadDigest`, async () => {
      const parts = [part(1), part(2)];
      const { sign, complete } = await upload(2);
      const values = { 1: DIGESTS[algorithm](parts[0]!), 2: DIGESTS[algorithm](parts[1]!) };
      const signed = await sign({ partNumbers: [1, 2], checksums: { algorithm, values } });
      expect(signed.status).toBe(200);
      const header = { md5: 'Content-MD5', sha256: 'x-amz-checksum-sha256', crc32c: 'x-amz-checksum-crc32c' }[algorithm];
      expect(signed.json.parts[0].headers).toEqual({ [header]: values[1] });
      expect(new URL(signed.json.parts[0].url).searchParams.get('X-Amz-SignedHeaders')).toContain(header.toLowerCase());
      // Part 2's URL and headers with part 1's bytes: the store refuses them.
      const wrong = await fetch(signed.json.parts[1].url, { method: 'PUT', headers: signed.json.parts[1].headers, body: parts[0] });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('<Code>BadDigest</Code>');
      // Leaving the signed checksum header out breaks the signature.
      const unsent = await fetch(signed.json.parts[0].url, { method: 'PUT', body: parts[0] });
      expect(unsent.status).toBe(403);
      const etags: string[] = [];
      for (const [index, entry] of (signed.json.parts as { url: string; headers: Record<string, string> }[]).entries()) {
        const put = await fetch(entry.url, { method: 'PUT', headers: entry.headers, body: parts[index] });
        expect(put.status).toBe(200);
        etags.push(put.headers.get('etag')!);
      }
      expect((await complete(etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })))).status).toBe(200);
    });
  }

  it('refuses unknown algorithms, missing or malformed values with 400 and a code', async () => {
    const { sign } = await upload(2);
    const good = DIGESTS.md5(part(1));
    for (const checksums of [
      { algorithm: 'sha1', values: { 1: good } },
      { algorithm: 'md5', values: {} },
      { algorithm: 'md5', values: { 1: 'not base64!' } },
      { algorithm: 'sha256', values: { 1: good } }, // an MD5's length, not a SHA-256's
    ]) {
      const refused = await sign({ partNumbers: [1], checksums });
      expect(refused.status).toBe(400);
      expect(refused.json.code).toBe('bad-request');
    }
  });
});
