import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { Crc32c } from '@aws-crypto/crc32c';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStore } from './test-support/use-local-store.js';
import { ROUTES, routePath, STORE_PROFILES, type RouteName } from '@ferry/core/protocol';
import { createFerryHandler, createS3Provider, type FerryHandler } from './index.js';

const MiB = 1024 * 1024;
const BASE = 'http://app.test/api/uploads';
const local = useLocalStore('ferry-server-');
let handler: FerryHandler;

beforeAll(() => {
  handler = createFerryHandler({
    provider: createS3Provider(local.s3),
    secret: 'x'.repeat(32),
    basePath: '/api/uploads',
    onError: () => undefined,
  });
});

/** The handler's JSON answers, as far as these tests read them: one per route, or an error. */
interface Signed {
  url: string;
  headers: Record<string, string>;
}
interface Answers {
  error: { code: string; message: string };
  params: Signed & { key: string };
  batch: { parts: (Signed & { partNumber: number; expiresAt: number })[] };
  part: Signed & { expires: number };
  listed: { PartNumber: number; Size: number; ETag: string }[];
  created: { uploadId: string; key: string; token: string };
  completed: { key: string };
}

/** Calls the handler. `Answer` names the JSON the test expects back: the wire is not typed end to end. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names its expected answer
async function call<Answer = Answers['error']>(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: Answer }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-ferry-upload-token'] = token;
  const response = await handler(
    new Request(BASE + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    }),
  );
  return { status: response.status, json: (await response.json()) as Answer };
}

const bytes = (size: number, seed: number) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function objectBytes(key: string): Promise<Uint8Array> {
  const object = await local.client.send(new GetObjectCommand({ Bucket: local.store.bucket, Key: key }));
  return object.Body!.transformToByteArray();
}

async function createUpload(size: number, partSize = 5 * MiB) {
  const created = await call<Answers['created']>('POST', '/multipart', {
    filename: 'big.bin',
    type: 'application/zip',
    size,
    partSize,
  });
  expect(created.status).toBe(200);
  return created.json;
}

describe('single PUT', () => {
  it('signs a PUT that stores the bytes with the signed Content-Type under a server-chosen key', async () => {
    const data = bytes(1024, 1);
    const { status, json } = await call<Answers['params']>(
      'GET',
      '/params?filename=../../hello%20world.txt&type=text/plain&size=1024',
    );
    expect(status).toBe(200);
    expect(json.key).toMatch(/^uploads\/[0-9a-f-]{36}\/hello world\.txt$/);
    expect(json.headers).toEqual({ 'Content-Type': 'text/plain' });
    const put = await fetch(json.url, { method: 'PUT', headers: json.headers, body: data });
    expect(put.status).toBe(200);
    expect(sha256(await objectBytes(json.key))).toBe(sha256(data));
    const head = await local.client.send(new HeadObjectCommand({ Bucket: local.store.bucket, Key: json.key }));
    expect(head.ContentType).toBe('text/plain');
  });

  it('binds the URL to the declared size: a larger body is refused by the store', async () => {
    const { json } = await call<Answers['params']>('GET', '/params?filename=a.bin&type=&size=10');
    expect(json.headers['Content-Type']).toBe('application/octet-stream');
    const put = await fetch(json.url, { method: 'PUT', headers: json.headers, body: bytes(11, 2) });
    expect(put.status).toBe(403);
  });

  it('answers 400 with a code for a missing name, a bad size or a bad type', async () => {
    for (const query of ['size=1', 'filename=a&size=-1', 'filename=a&size=1.5', 'filename=a&size=1&type=not a type']) {
      const { status, json } = await call('GET', `/params?${query}`);
      expect(status, query).toBe(400);
      expect(json.code).toBe('bad-request');
    }
  });
});

describe('multipart', () => {
  it('creates, signs a batch with exact sizes, lists, completes: the object is byte-identical', async () => {
    const data = bytes(11 * MiB + 7, 3);
    const upload = await createUpload(data.length);
    const signed = await call<Answers['batch']>(
      'POST',
      `/multipart/${upload.uploadId}/batch`,
      { key: upload.key, partNumbers: [1, 2, 3] },
      upload.token,
    );
    expect(signed.status).toBe(200);
    expect(signed.json.parts.map((p) => p.partNumber)).toEqual([1, 2, 3]);
    expect(signed.json.parts[0]!.expiresAt).toBeGreaterThan(Date.now());
    const etags: string[] = [];
    for (const part of signed.json.parts) {
      const start = (part.partNumber - 1) * 5 * MiB;
      const put = await fetch(part.url, {
        method: 'PUT',
        headers: part.headers,
        body: data.subarray(start, start + 5 * MiB),
      });
      expect(put.status).toBe(200);
      etags.push(put.headers.get('etag')!);
    }
    const listed = await call<Answers['listed']>(
      'GET',
      `/multipart/${upload.uploadId}?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
    expect(listed.json.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 5 * MiB],
      [2, 5 * MiB],
      [3, MiB + 7],
    ]);
    const parts = etags.map((ETag, i) => ({ PartNumber: i + 1, ETag }));
    const done = await call<Answers['completed']>(
      'POST',
      `/multipart/${upload.uploadId}/complete?key=${encodeURIComponent(upload.key)}`,
      { parts },
      upload.token,
    );
    expect(done.status).toBe(200);
    expect(done.json.key).toBe(upload.key);
    expect(sha256(await objectBytes(upload.key))).toBe(sha256(data));
  });

  it('lists more than 1,000 parts (ListParts pages followed)', async () => {
    const upload = await createUpload(1001 * 5 * MiB);
    const { UploadPartCommand } = await import('@aws-sdk/client-s3');
    const numbers = Array.from({ length: 1001 }, (_, i) => i + 1);
    for (let i = 0; i < numbers.length; i += 50) {
      await Promise.all(
        numbers.slice(i, i + 50).map((PartNumber) =>
          local.client.send(
            new UploadPartCommand({
              Bucket: local.store.bucket,
              Key: upload.key,
              UploadId: upload.uploadId,
              PartNumber,
              Body: 'x',
            }),
          ),
        ),
      );
    }
    const listed = await call<Answers['listed']>(
      'GET',
      `/multipart/${upload.uploadId}?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
    expect(listed.status).toBe(200);
    expect(listed.json.map((part) => part.PartNumber)).toEqual(numbers);
    await call(
      'DELETE',
      `/multipart/${upload.uploadId}?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
  });

  it('signs one part on the Companion route, for that part’s exact size', async () => {
    const upload = await createUpload(6 * MiB);
    const one = await call<Answers['part']>(
      'GET',
      `/multipart/${upload.uploadId}/2?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
    expect(one.status).toBe(200);
    expect(one.json.expires).toBeGreaterThan(0);
    const tooBig = await fetch(one.json.url, { method: 'PUT', body: bytes(MiB + 1, 4) });
    expect(tooBig.status).toBe(403);
    const exact = await fetch(one.json.url, { method: 'PUT', body: bytes(MiB, 4) });
    expect(exact.status).toBe(200);
    await call(
      'DELETE',
      `/multipart/${upload.uploadId}?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
  });

  it('aborts: the store lists no multipart upload for the key afterwards', async () => {
    const upload = await createUpload(6 * MiB);
    const aborted = await call(
      'DELETE',
      `/multipart/${upload.uploadId}?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
    expect(aborted.status).toBe(200);
    const uploads = await local.client.send(
      new ListMultipartUploadsCommand({ Bucket: local.store.bucket, Prefix: upload.key }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
    const again = await call(
      'GET',
      `/multipart/${upload.uploadId}?key=${encodeURIComponent(upload.key)}`,
      undefined,
      upload.token,
    );
    expect(again).toMatchObject({ status: 404, json: { code: 'not-found' } });
  });

  it('refuses to sign without the token, with a tampered one, or for another upload (403)', async () => {
    const mine = await createUpload(6 * MiB);
    const theirs = await createUpload(6 * MiB);
    const path = `/multipart/${theirs.uploadId}/batch`;
    const tampered = mine.token.slice(0, -2) + (mine.token.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [undefined, mine.token, tampered]) {
      const { status, json } = await call('POST', path, { key: theirs.key, partNumbers: [1] }, token);
      expect(status).toBe(403);
      expect(json.code).toBe('token-invalid');
    }
  });

  it('refuses part numbers outside the plan and malformed batches (400)', async () => {
    const upload = await createUpload(6 * MiB);
    const path = `/multipart/${upload.uploadId}/batch`;
    for (const partNumbers of [[3], [0], [1, 1], [], 'one', [1.5]]) {
      const { status, json } = await call('POST', path, { key: upload.key, partNumbers }, upload.token);
      expect(status, JSON.stringify(partNumbers)).toBe(400);
      expect(json.code).toBe('bad-request');
    }
  });

  it('validates create bodies: not JSON, missing size, parts under 5 MiB, too many parts (400)', async () => {
    const bodies: unknown[] = [
      'not json',
      '[1]',
      { filename: 'a', partSize: 5 * MiB },
      { filename: 'a', size: 10, partSize: MiB },
      { filename: 'a', size: 10_001 * 5 * MiB, partSize: 5 * MiB },
      { filename: 'a', size: 10, partSize: 5 * MiB, metadata: { n: 1 } },
    ];
    for (const body of bodies) {
      const { status, json } = await call('POST', '/multipart', body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json.code).toBe('bad-request');
      expect(typeof json.message).toBe('string');
    }
  });

  it('validates complete bodies: every part, in order (400)', async () => {
    const upload = await createUpload(6 * MiB);
    const path = `/multipart/${upload.uploadId}/complete?key=${encodeURIComponent(upload.key)}`;
    for (const parts of [
      [{ PartNumber: 1, ETag: '"a"' }],
      [
        { PartNumber: 2, ETag: '"a"' },
        { PartNumber: 1, ETag: '"b"' },
      ],
      'x',
    ]) {
      const { status } = await call('POST', path, { parts }, upload.token);
      expect(status).toBe(400);
    }
  });
});

describe('routing', () => {
  it('answers unknown routes with 404 and wrong methods with 405, as JSON with a code', async () => {
    expect(await call('GET', '/nope')).toMatchObject({ status: 404, json: { code: 'not-found' } });
    expect(await call('PUT', '/multipart')).toMatchObject({ status: 405, json: { code: 'method-not-allowed' } });
  });

  it("serves every route of the protocol's table (none answers no-route 404 or 405)", async () => {
    const { uploadId, key } = await createUpload(6 * MiB);
    for (const [name, { method }] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
      const path = `${routePath(name, { uploadId, partNumber: 1 })}?key=${encodeURIComponent(key)}`;
      const answer = await call(method, path, method === 'POST' ? {} : undefined);
      expect(answer.status, `${name}: ${JSON.stringify(answer.json)}`).not.toBe(405);
      expect(answer.json.message, name).not.toBe('No such route.');
    }
  });

  it('routes only below the base path, at a segment boundary', async () => {
    const glued = await handler(new Request('http://app.test/api/uploadsmultipart', { method: 'POST', body: '{}' }));
    expect(glued.status).toBe(404);
    expect(
      (
        await call('POST', '/multipart', {
          filename: 'b.bin',
          type: 'application/zip',
          size: 6 * MiB,
          partSize: 5 * MiB,
        })
      ).status,
    ).toBe(200);
  });

  it("obeys the provider's profile: R2's single PUT limit (5 GiB less 5 MiB) where S3 allows 5 GiB", async () => {
    const r2 = createFerryHandler({
      provider: createS3Provider({ ...local.s3, profile: STORE_PROFILES.r2 }),
      secret: 'x'.repeat(32),
      basePath: '/api/uploads',
    });
    const path = `/params?filename=big.bin&type=application/octet-stream&size=${5 * 1024 * MiB}`;
    const refused = await r2(new Request(BASE + path));
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { message: string }).message).toContain('Cloudflare R2');
    expect((await call('GET', path)).status).toBe(200);
  });

  it('never includes a secret in an answer, successful or not', async () => {
    const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const tokenSecret = 'token-secret-that-must-stay-on-the-server';
    const leaky = createFerryHandler({
      provider: createS3Provider({
        bucket: 'b',
        endpoint: 'http://127.0.0.1:9',
        credentials: { accessKeyId: 'AKID', secretAccessKey },
      }),
      secret: tokenSecret,
      onError: () => undefined,
    });
    for (const path of ['/params?filename=a&size=1', '/multipart']) {
      const method = path === '/multipart' ? 'POST' : 'GET';
      const body = method === 'POST' ? JSON.stringify({ filename: 'a', size: 6 * MiB, partSize: 5 * MiB }) : undefined;
      const response = await leaky(new Request(`http://app.test${path}`, { method, ...(body ? { body } : {}) }));
      const text = await response.text();
      expect(text).not.toContain(secretAccessKey);
      expect(text).not.toContain(tokenSecret);
      expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    }
  });
});

const DIGESTS = {
  md5: (data: Uint8Array) => createHash('md5').update(data).digest('base64'),
  sha256: (data: Uint8Array) => createHash('sha256').update(data).digest('base64'),
  crc32c: (data: Uint8Array) => {
    const value = Buffer.alloc(4);
    value.writeUInt32BE(new Crc32c().update(data).digest() >>> 0);
    return value.toString('base64');
  },
} as const;

/** A multipart upload of `partCount` 5 MiB parts, with its sign and complete calls. */
async function checksummedUpload(partCount: number) {
  const { uploadId, key, token } = await createUpload(partCount * 5 * MiB);
  const path = `/multipart/${uploadId}`;
  return {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as call's
    sign: <Answer = Answers['batch']>(body: Record<string, unknown>) =>
      call<Answer>('POST', `${path}/batch`, { key, ...body }, token),
    complete: (parts: { PartNumber: number; ETag: string }[]) =>
      call('POST', `${path}/complete?key=${encodeURIComponent(key)}`, { parts }, token),
  };
}

// Per-part checksums: the checksum header is signed and returned, and the store refuses other bytes.
describe('per-part checksums (S3 provider, local store)', () => {
  for (const algorithm of ['md5', 'sha256', 'crc32c'] as const) {
    it(`${algorithm}: the signed header is returned, the right bytes are stored, other bytes get 400 BadDigest`, async () => {
      const parts = [bytes(5 * MiB, 1), bytes(5 * MiB, 2)];
      const { sign, complete } = await checksummedUpload(2);
      const values = { 1: DIGESTS[algorithm](parts[0]!), 2: DIGESTS[algorithm](parts[1]!) };
      const signed = await sign({ partNumbers: [1, 2], checksums: { algorithm, values } });
      expect(signed.status).toBe(200);
      const header = { md5: 'Content-MD5', sha256: 'x-amz-checksum-sha256', crc32c: 'x-amz-checksum-crc32c' }[
        algorithm
      ];
      expect(signed.json.parts[0]!.headers).toEqual({ [header]: values[1] });
      expect(new URL(signed.json.parts[0]!.url).searchParams.get('X-Amz-SignedHeaders')).toContain(
        header.toLowerCase(),
      );
      // Part 2's URL and headers with part 1's bytes: the store refuses them.
      const wrong = await fetch(signed.json.parts[1]!.url, {
        method: 'PUT',
        headers: signed.json.parts[1]!.headers,
        body: parts[0]!,
      });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('<Code>BadDigest</Code>');
      // Leaving the signed checksum header out breaks the signature.
      const unsent = await fetch(signed.json.parts[0]!.url, { method: 'PUT', body: parts[0]! });
      expect(unsent.status).toBe(403);
      const etags: string[] = [];
      for (const [index, entry] of signed.json.parts.entries()) {
        const put = await fetch(entry.url, { method: 'PUT', headers: entry.headers, body: parts[index]! });
        expect(put.status).toBe(200);
        etags.push(put.headers.get('etag')!);
      }
      expect((await complete(etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })))).status).toBe(200);
    });
  }

  it('refuses unknown algorithms, missing or malformed values with 400 and a code', async () => {
    const { sign } = await checksummedUpload(2);
    const good = DIGESTS.md5(bytes(5 * MiB, 1));
    for (const checksums of [
      { algorithm: 'sha1', values: { 1: good } },
      { algorithm: 'md5', values: {} },
      { algorithm: 'md5', values: { 1: 'not base64!' } },
      { algorithm: 'sha256', values: { 1: good } }, // an MD5's length, not a SHA-256's
    ]) {
      const refused = await sign<Answers['error']>({ partNumbers: [1], checksums });
      expect(refused.status).toBe(400);
      expect(refused.json.code).toBe('bad-request');
    }
  });
});

// The single-PUT params route takes the whole file's digest the same way: signed, returned, enforced.
describe('single-PUT checksum (S3 provider, local store)', () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as call's
  const params = <Answer = Answers['params']>(file: Uint8Array, checksum?: string) =>
    call<Answer>(
      'GET',
      `/params?filename=small.txt&type=text%2Fplain&size=${file.length}${checksum === undefined ? '' : `&checksum=${encodeURIComponent(checksum)}`}`,
    );

  for (const algorithm of ['md5', 'sha256', 'crc32c'] as const) {
    it(`${algorithm}: the signed header is returned, the right bytes are stored, other bytes of the same size get 400 BadDigest`, async () => {
      const file = bytes(70_000, 7);
      const value = DIGESTS[algorithm](file);
      const signed = await params(file, `${algorithm}:${value}`);
      expect(signed.status).toBe(200);
      const header = { md5: 'Content-MD5', sha256: 'x-amz-checksum-sha256', crc32c: 'x-amz-checksum-crc32c' }[
        algorithm
      ];
      expect(signed.json.headers).toEqual({ 'Content-Type': 'text/plain', [header]: value });
      const other = bytes(70_000, 8);
      const wrong = await fetch(signed.json.url, { method: 'PUT', headers: signed.json.headers, body: other });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('<Code>BadDigest</Code>');
      const put = await fetch(signed.json.url, { method: 'PUT', headers: signed.json.headers, body: file });
      expect(put.status).toBe(200);
      expect(sha256(await objectBytes(signed.json.key))).toBe(sha256(file));
    });
  }

  it('refuses an unknown algorithm or a malformed digest with 400 and a code', async () => {
    const file = bytes(1000, 1);
    for (const checksum of ['sha1:' + DIGESTS.md5(file), 'md5', 'md5:not base64!', 'sha256:' + DIGESTS.md5(file)]) {
      const refused = await params<Answers['error']>(file, checksum);
      expect(refused.status, checksum).toBe(400);
      expect(refused.json.code).toBe('bad-request');
    }
  });
});
