import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStore } from '../test-support/use-local-store.js';
import { createFerryHandler, createS3Provider, type FerryHandler } from '../index.js';

// Companion mode through the real, signature-checking local store: the calls Uppy's
// @uppy/aws-s3 makes (its CompanionS3 client), and what the mode refuses.
const MiB = 1024 * 1024;
const BASE = 'http://app.test/api/uploads';
const SECRET = 'c'.repeat(32);
const local = useLocalStore('ferry-companion-');

function handlerFor(options: { maxFileSize?: number; companion?: boolean } = {}): FerryHandler {
  return createFerryHandler({
    provider: createS3Provider(local.s3),
    secret: SECRET,
    basePath: '/api/uploads',
    onError: () => undefined,
    // The caller is who the x-user header says (a stand-in for the application's session).
    authorize: (request) => ({ id: request.headers.get('x-user') ?? 'alice' }),
    companion: options.companion ?? true,
    ...(options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize }),
  });
}
let handler: FerryHandler;

beforeAll(() => {
  handler = handlerFor();
});

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names its expected answer
async function call<Answer = { code: string; message: string }>(
  method: string,
  path: string,
  options: { body?: unknown; user?: string; with?: FerryHandler } = {},
): Promise<{ status: number; json: Answer }> {
  const headers: Record<string, string> = { 'x-user': options.user ?? 'alice' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await (options.with ?? handler)(
    new Request(`${BASE}/s3${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    }),
  );
  return { status: response.status, json: (await response.json()) as Answer };
}

const bytes = (size: number, seed: number) => Uint8Array.from({ length: size }, (_, i) => (i * 7 + seed) & 0xff);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function stored(key: string): Promise<Uint8Array> {
  const object = await local.client.send(new GetObjectCommand({ Bucket: local.store.bucket, Key: key }));
  return object.Body!.transformToByteArray();
}

interface PostParams {
  method: string;
  url: string;
  fields: Record<string, string>;
  key: string;
}

/** Sends a form upload as Uppy's buildPostPolicyForm builds it: the fields, then the file. */
function postForm(params: PostParams, data: Uint8Array, type: string, fields = params.fields): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([data], { type }));
  return fetch(params.url, { method: 'POST', body: form });
}

const query = (entries: Record<string, string>) => new URLSearchParams(entries).toString();

describe('Companion mode: single request (a POST policy)', () => {
  it('answers Companion’s { method: POST, url, fields } and the store keeps the bytes at the server’s key', async () => {
    const { status, json } = await call<PostParams>(
      'GET',
      `/params?${query({ filename: 'a.txt', type: 'text/plain', 'metadata[name]': 'a.txt' })}`,
    );
    expect(status).toBe(200);
    expect(json.method).toBe('POST');
    expect(json.fields['key']).toBe(json.key);
    expect(json.key).toMatch(/^uploads\/.+\/a\.txt$/);
    const data = bytes(1024, 1);
    const answer = await postForm(json, data, 'text/plain');
    expect(answer.status).toBe(204);
    expect(sha256(await stored(json.key))).toBe(sha256(data));
    const head = await local.client.send(new HeadObjectCommand({ Bucket: local.store.bucket, Key: json.key }));
    expect(head.ContentType).toBe('text/plain');
  });

  it('binds the exact size when the client gives one: one byte more is refused and nothing is stored', async () => {
    const { json } = await call<PostParams>(
      'GET',
      `/params?${query({ filename: 'b.bin', type: 'application/octet-stream', size: '100' })}`,
    );
    const refused = await postForm(json, bytes(101, 2), 'application/octet-stream');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('EntityTooLarge');
    await expect(stored(json.key)).rejects.toThrow();
    expect((await postForm(json, bytes(100, 2), 'application/octet-stream')).status).toBe(204);
  });

  it('without a size, bounds the body to the largest file the server accepts', async () => {
    const small = handlerFor({ maxFileSize: 2048 });
    const { json } = await call<PostParams>('GET', `/params?${query({ filename: 'c.bin', type: 'image/png' })}`, {
      with: small,
    });
    expect((await postForm(json, bytes(2049, 3), 'image/png')).status).toBe(400);
    expect((await postForm(json, bytes(2048, 3), 'image/png')).status).toBe(204);
  });

  it('the policy pins the key and the type: a changed field is refused by the store', async () => {
    const { json } = await call<PostParams>('GET', `/params?${query({ filename: 'd.txt', type: 'text/plain' })}`);
    const otherKey = await postForm(json, bytes(10, 4), 'text/plain', { ...json.fields, key: 'elsewhere.txt' });
    expect(otherKey.status).toBe(403);
    const otherType = await postForm(json, bytes(10, 4), 'text/html', { ...json.fields, 'Content-Type': 'text/html' });
    expect(otherType.status).toBe(403);
    const extra = await postForm(json, bytes(10, 4), 'text/plain', { ...json.fields, acl: 'public-read' });
    expect(extra.status).toBe(403);
    const unsigned = await postForm(json, bytes(10, 4), 'text/plain', { key: json.key });
    expect(unsigned.status).toBe(403);
  });

  it('the store refuses the form once its policy has expired', async () => {
    const shortLived = createFerryHandler({
      provider: createS3Provider(local.s3),
      secret: SECRET,
      basePath: '/api/uploads',
      companion: true,
      urlLifetimeSeconds: 1,
    });
    const { json } = await call<PostParams>('GET', `/params?${query({ filename: 'late.txt', type: 'text/plain' })}`, {
      with: shortLived,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const late = await postForm(json, bytes(10, 5), 'text/plain');
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('Policy expired');
  });

  it('refuses a type the server does not allow and a size over the limit', async () => {
    const images = createFerryHandler({
      provider: createS3Provider(local.s3),
      secret: SECRET,
      basePath: '/api/uploads',
      companion: true,
      allowedTypes: ['image/*'],
    });
    const type = await call('GET', `/params?${query({ filename: 'x.txt', type: 'text/plain' })}`, { with: images });
    expect([type.status, type.json.code]).toEqual([415, 'type-not-allowed']);
    const big = await call(
      'GET',
      `/params?${query({ filename: 'x.bin', type: 'image/png', size: String(6 * 1024 * MiB) })}`,
    );
    expect([big.status, big.json.code]).toEqual([413, 'too-large']);
  });
});

interface Created {
  uploadId: string;
  key: string;
}

async function create(filename: string, user = 'alice', with_ = handler): Promise<Created> {
  const { status, json } = await call<Created>('POST', '/multipart', {
    body: { filename, type: 'application/octet-stream', metadata: { name: filename, relativePath: null } },
    user,
    with: with_,
  });
  expect(status).toBe(200);
  return json;
}

const uploadPath = (created: Created, rest = '') =>
  `/multipart/${encodeURIComponent(created.uploadId)}${rest}?${query({ key: created.key })}`;

async function putPart(url: string, data: Uint8Array): Promise<string> {
  const answer = await fetch(url, { method: 'PUT', body: data as Uint8Array<ArrayBuffer> });
  expect(answer.status).toBe(200);
  return answer.headers.get('etag') ?? '';
}

async function openUploads(): Promise<string[]> {
  const listed = await local.client.send(new ListMultipartUploadsCommand({ Bucket: local.store.bucket }));
  return (listed.Uploads ?? []).map((upload) => upload.Key ?? '');
}

describe('Companion mode: multipart', () => {
  it('creates from { filename, type, metadata }, signs, lists and completes, byte for byte', async () => {
    const created = await create('big.bin');
    expect(created.uploadId).toContain('~'); // the store's id, then the token that binds it
    const first = bytes(5 * MiB, 5);
    const last = bytes(1000, 6);
    const one = await call<{ url: string; expires: number }>('GET', uploadPath(created, '/1'));
    expect(one.status).toBe(200);
    const batch = await call<{ presignedUrls: Record<string, string> }>(
      'GET',
      `${uploadPath(created, '/batch')}&partNumbers=2`,
    );
    expect(Object.keys(batch.json.presignedUrls)).toEqual(['2']);
    const etags = [await putPart(one.json.url, first), await putPart(batch.json.presignedUrls['2']!, last)];
    const listed = await call<{ PartNumber: number; Size: number }[]>('GET', uploadPath(created));
    expect(listed.json.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 5 * MiB],
      [2, 1000],
    ]);
    const done = await call<{ location: string; key: string }>('POST', uploadPath(created, '/complete'), {
      body: { parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
    });
    expect(done.status).toBe(200);
    expect(done.json.key).toBe(created.key);
    const whole = new Uint8Array(first.length + last.length);
    whole.set(first);
    whole.set(last, first.length);
    expect(sha256(await stored(created.key))).toBe(sha256(whole));
  });

  it('refuses every later call without the token, with a forged one, for another key or another user', async () => {
    const created = await create('bound.bin');
    const storeId = created.uploadId.slice(0, created.uploadId.lastIndexOf('~'));
    const bare = await call('GET', uploadPath({ ...created, uploadId: storeId }, '/1'));
    expect([bare.status, bare.json.code]).toEqual([403, 'token-invalid']);
    const forged = await call('DELETE', uploadPath({ ...created, uploadId: `${created.uploadId.slice(0, -2)}AA` }));
    expect([forged.status, forged.json.code]).toEqual([403, 'token-invalid']);
    const otherKey = await call('GET', uploadPath({ ...created, key: 'uploads/other.bin' }, '/1'));
    expect(otherKey.status).toBe(403);
    const otherUser = await call('DELETE', uploadPath(created), { user: 'mallory' });
    expect(otherUser.status).toBe(403);
    // Ferry's own routes never take a Companion-mode token: it is signed with another secret.
    const token = created.uploadId.slice(created.uploadId.lastIndexOf('~') + 1);
    const ferryRoute = await handler(
      new Request(`${BASE}/multipart/${encodeURIComponent(storeId)}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ferry-upload-token': token },
        body: JSON.stringify({ key: created.key, partNumbers: [1] }),
      }),
    );
    expect(ferryRoute.status).toBe(403);
    expect((await call('DELETE', uploadPath(created))).status).toBe(200);
  });

  it('cancel aborts on the store: nothing stays open', async () => {
    const created = await create('cancelled.bin');
    const one = await call<{ url: string }>('GET', uploadPath(created, '/1'));
    await putPart(one.json.url, bytes(1000, 7));
    expect(await openUploads()).toContain(created.key);
    const aborted = await call('DELETE', uploadPath(created));
    expect(aborted.status).toBe(200);
    expect(await openUploads()).not.toContain(created.key);
  });

  it('holds the stored parts to the file size limit at complete: over it, the upload is aborted', async () => {
    const small = handlerFor({ maxFileSize: 5 * MiB });
    const created = await create('over.bin', 'alice', small);
    const urls = await call<{ presignedUrls: Record<string, string> }>(
      'GET',
      `${uploadPath(created, '/batch')}&partNumbers=1,2`,
      { with: small },
    );
    const etags = [
      await putPart(urls.json.presignedUrls['1']!, bytes(5 * MiB, 8)),
      await putPart(urls.json.presignedUrls['2']!, bytes(1, 9)),
    ];
    const done = await call('POST', uploadPath(created, '/complete'), {
      body: { parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      with: small,
    });
    expect([done.status, done.json.code]).toEqual([413, 'too-large']);
    expect(await openUploads()).not.toContain(created.key);
    await expect(stored(created.key)).rejects.toThrow();
  });

  it('refuses bad input with typed codes, and /sts (Ferry hands out no credentials)', async () => {
    const noName = await call('POST', '/multipart', { body: { type: 'text/plain' } });
    expect([noName.status, noName.json.code]).toEqual([400, 'bad-request']);
    const created = await create('codes.bin');
    const zero = await call('GET', uploadPath(created, '/0'));
    expect(zero.json.code).toBe('bad-request');
    const tooMany = await call('GET', uploadPath(created, '/10001'));
    expect(tooMany.json.code).toBe('bad-request');
    const duplicates = await call('GET', `${uploadPath(created, '/batch')}&partNumbers=1,1`);
    expect(duplicates.json.code).toBe('bad-request');
    const sts = await call('GET', '/sts');
    expect([sts.status, sts.json.code]).toEqual([404, 'not-found']);
    const wrong = await call('PUT', '/multipart');
    expect(wrong.status).toBe(405);
    await call('DELETE', uploadPath(created));
  });

  it('is off unless asked for: /s3 is then no route', async () => {
    const off = await call('GET', `/params?${query({ filename: 'a', type: 'text/plain' })}`, {
      with: handlerFor({ companion: false }),
    });
    expect([off.status, off.json.code]).toEqual([404, 'not-found']);
  });
});
