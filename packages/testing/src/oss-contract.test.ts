// @ferry/server's OSS provider through its handler, against the OSS CONTRACT FAKE (no OSS account
// or emulator exists here): each request's method, path, query, signed headers, XML body and V4
// signature are checked by the fake; bytes are read back and hashed. The signers themselves are
// proven by Alibaba Cloud's published vectors (packages/server/src/providers/oss/*.test.ts).
import {
  createFerryHandler,
  createOssProvider,
  sweepIncompleteUploads,
  type FerryHandlerOptions,
  type OssProviderOptions,
} from '@ferry/server';
import { createHash, randomBytes } from 'node:crypto';
import { crc64 } from '@ferry/core/checksums';
import { planParts } from '@ferry/core';
import { STORE_PROFILES } from '@ferry/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallbackServer, type CallbackServer } from './callback-server.js';
import { startOssContractFake, type OssContractFake } from './oss-contract-fake.js';

const MiB = 1024 * 1024;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
let oss: OssContractFake;
let callbacks: CallbackServer;
let callbackUrl: string;

beforeAll(async () => {
  oss = await startOssContractFake();
  // The application's callback server: OSS POSTs to it once the object is stored.
  callbacks = await startCallbackServer();
  callbackUrl = callbacks.url;
});

afterAll(async () => {
  await oss.close();
  await callbacks.close();
});

/** The OSS provider pointed at the contract fake. */
function providerFor(extra: Partial<OssProviderOptions> = {}) {
  return createOssProvider({
    bucket: oss.bucket,
    region: oss.region,
    endpoint: oss.url,
    customDomain: true,
    credentials: oss.credentials,
    onWarning: () => undefined,
    ...extra,
  });
}

function handlerFor(extra: Partial<OssProviderOptions> = {}, handler: Partial<FerryHandlerOptions> = {}) {
  return createFerryHandler({
    provider: providerFor(extra),
    secret: 'oss-secret-oss-secret-oss-secret-32',
    basePath: '/api',
    ...handler,
  });
}

async function json(
  handler: ReturnType<typeof handlerFor>,
  path: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  const response = await handler(new Request(`http://app${path}`, init));
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

describe('OSS through the contract fake', () => {
  it('single PUT: the browser sends exactly the signed headers (type, storage class, metadata, callback) and the callback answer comes back', async () => {
    const handler = handlerFor(
      {
        storageClass: 'IA',
        callback: {
          url: callbackUrl,
          body: 'bucket=${bucket}&object=${object}&size=${size}&user=${x:user}',
          variables: { 'x:user': 'alice' },
        },
      },
      // Metadata every object gets: the handler's per-file policy, on OSS as on S3.
      { objectMetadata: { fixed: { origin: 'ferry' } } },
    );
    const bytes = randomBytes(3000);
    const params = await json(
      handler,
      `/api/params?filename=${encodeURIComponent('über plan+1 ~.txt')}&type=text/plain&size=${bytes.length}`,
    );
    const headers = params['headers'] as Record<string, string>;
    expect(Object.keys(headers).sort()).toEqual([
      'Content-Type',
      'x-oss-callback',
      'x-oss-callback-var',
      'x-oss-meta-origin',
      'x-oss-storage-class',
    ]);
    const put = await fetch(params['url'] as string, { method: 'PUT', headers, body: bytes });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ ok: true });
    const key = params['key'] as string;
    expect(sha256(oss.object(key)!.bytes)).toBe(sha256(bytes));
    expect(callbacks.received.at(-1)).toBe(`bucket=${oss.bucket}&object=${key}&size=3000&user=alice`);
    const call = oss.calls.at(-1)!;
    expect(call).toMatchObject({ operation: 'put-object', auth: 'query', status: 200 });
    expect(call.signedHeaders).toEqual([
      'content-length',
      'content-type',
      'x-oss-callback',
      'x-oss-callback-var',
      'x-oss-meta-origin',
      'x-oss-storage-class',
    ]);
  });

  it('per-file metadata: x-oss-meta-*, Content-Disposition, Cache-Control and x-oss-tagging are signed, sent and stored; single PUT and multipart', async () => {
    const handler = handlerFor(
      {},
      {
        objectMetadata: {
          metadata: ['album'],
          contentDisposition: 'attachment',
          cacheControl: ['max-age=60'],
          tags: ['project'],
        },
      },
    );
    const bytes = randomBytes(2000);
    const query = new URLSearchParams({
      filename: 'Été.jpg',
      type: 'image/jpeg',
      size: String(bytes.length),
      'metadata[album]': 'Summer',
      cacheControl: 'max-age=60',
      'tags[project]': 'alpha',
    });
    const params = await json(handler, `/api/params?${query.toString()}`);
    const headers = params['headers'] as Record<string, string>;
    expect(headers).toMatchObject({
      'x-oss-meta-album': 'Summer',
      'Content-Disposition': `attachment; filename="_t_.jpg"; filename*=UTF-8''%C3%89t%C3%A9.jpg`,
      'Cache-Control': 'max-age=60',
      'x-oss-tagging': 'project=alpha',
    });
    const put = await fetch(params['url'] as string, { method: 'PUT', headers, body: bytes });
    expect(put.status).toBe(200);
    const stored = oss.object(params['key'] as string)!.headers;
    expect(stored).toMatchObject({
      'x-oss-meta-album': 'Summer',
      'content-disposition': headers['Content-Disposition'],
      'cache-control': 'max-age=60',
      'x-oss-tagging': 'project=alpha',
    });
    expect(oss.calls.at(-1)!.signedHeaders).toEqual([
      'cache-control',
      'content-disposition',
      'content-length',
      'content-type',
      'x-oss-meta-album',
      'x-oss-tagging',
    ]);

    const created = await json(handler, '/api/multipart', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        filename: 'big.bin',
        type: 'application/zip',
        size: 200 * 1024,
        partSize: 100 * 1024,
        metadata: { album: 'Winter' },
        tags: { project: 'beta' },
      }),
    });
    const initiate = oss.calls.filter((call) => call.operation === 'initiate').at(-1)!;
    expect(initiate.key).toBe(created['key']);
    expect(initiate.headers).toMatchObject({
      'x-oss-meta-album': 'Winter',
      'content-disposition': 'attachment; filename="big.bin"',
      'x-oss-tagging': 'project=beta',
    });
    // Outside the policy: 400 with the typed code, nothing signed and nothing created.
    const initiated = oss.calls.filter((call) => call.operation === 'initiate').length;
    const refused = await handler(
      new Request(`http://app/api/params?filename=a&size=1&metadata[owner]=x`, { method: 'GET' }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'metadata-not-allowed' });
    const refusedCreate = await handler(
      new Request('http://app/api/multipart', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ filename: 'a', size: 200 * 1024, partSize: 100 * 1024, tags: { other: 'x' } }),
      }),
    );
    expect(refusedCreate.status).toBe(400);
    expect(oss.calls.filter((call) => call.operation === 'initiate').length).toBe(initiated);
  });

  it('a Content-Type other than the signed one is refused: 403 SignatureDoesNotMatch', async () => {
    const handler = handlerFor();
    const params = await json(handler, '/api/params?filename=a.png&type=image/png&size=10');
    const put = await fetch(params['url'] as string, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/jpeg' },
      body: randomBytes(10),
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('a body of another size than the signed Content-Length is refused', async () => {
    const handler = handlerFor();
    const params = await json(handler, '/api/params?filename=b.bin&type=application/octet-stream&size=10');
    const put = await fetch(params['url'] as string, {
      method: 'PUT',
      headers: params['headers'] as Record<string, string>,
      body: randomBytes(11),
    });
    expect(put.status).toBe(403);
  });

  it('multipart: initiate, presigned parts, ListParts, CompleteMultipartUpload with the callback, all signed as OSS expects', async () => {
    const handler = handlerFor({
      callback: { url: callbackUrl, body: '{"object":"${object}","size":${size}}', bodyType: 'application/json' },
    });
    const file = randomBytes(12 * MiB + 5);
    const partSize = 5 * MiB;
    const created = await json(handler, '/api/multipart', {
      method: 'POST',
      body: JSON.stringify({ filename: 'video.mp4', type: 'video/mp4', size: file.length, partSize, metadata: {} }),
    });
    const token = { 'X-Ferry-Upload-Token': created['token'] as string };
    const uploadId = created['uploadId'] as string;
    const key = created['key'] as string;
    const q = `key=${encodeURIComponent(key)}`;
    const { parts } = (await json(handler, `/api/multipart/${uploadId}/batch?${q}`, {
      method: 'POST',
      headers: token,
      body: JSON.stringify({ key, partNumbers: [1, 2, 3] }),
    })) as { parts: { partNumber: number; url: string; headers: Record<string, string> }[] };
    const etags: string[] = [];
    for (const part of parts) {
      const slice = file.subarray((part.partNumber - 1) * partSize, part.partNumber * partSize);
      const put = await fetch(part.url, { method: 'PUT', headers: part.headers, body: slice });
      expect(put.status).toBe(200);
      etags.push(put.headers.get('etag')!);
    }
    const listed = (await handler(new Request(`http://app/api/multipart/${uploadId}?${q}`, { headers: token })).then(
      (r) => r.json(),
    )) as { PartNumber: number; Size: number }[];
    expect(listed.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, partSize],
      [2, partSize],
      [3, 2 * MiB + 5],
    ]);
    const done = await json(handler, `/api/multipart/${uploadId}/complete?${q}`, {
      method: 'POST',
      headers: token,
      body: JSON.stringify({ parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) }),
    });
    expect(JSON.parse(done['callback'] as string)).toMatchObject({
      ok: true,
      got: `{"object":"${key}","size":${file.length}}`,
    });
    // The object's CRC-64 as OSS answered it, relayed for the client to compare with its parts'.
    expect(done['crc64']).toBe(String(crc64(file)));
    expect(sha256(oss.object(key)!.bytes)).toBe(sha256(file));
    expect(oss.object(key)!.headers['content-type']).toBe('video/mp4');
    const server = oss.calls.filter((call) => call.key === key && call.auth === 'header').map((call) => call.operation);
    expect(server).toEqual(['initiate', 'list-parts', 'complete']);
    for (const call of oss.calls.filter((c) => c.key === key && c.auth === 'header')) {
      expect(call.signedHeaders).toEqual(expect.arrayContaining(['x-oss-content-sha256', 'x-oss-date']));
    }
    expect(oss.calls.find((c) => c.key === key && c.operation === 'complete')!.signedHeaders).toContain(
      'x-oss-callback',
    );
  });

  it("OSS's profile: a plan of 100 KiB parts passes the handler and the store; smaller parts are refused by both", async () => {
    const handler = handlerFor();
    const file = randomBytes(350 * 1024 + 3);
    const plan = planParts(file.length, 100 * 1024, STORE_PROFILES.oss);
    expect(plan.parts.length).toBe(4);
    const create = (partSize: number) =>
      handler(
        new Request('http://app/api/multipart', {
          method: 'POST',
          body: JSON.stringify({
            filename: 'small-parts.bin',
            type: 'application/octet-stream',
            size: file.length,
            partSize,
            metadata: {},
          }),
        }),
      );
    const tooSmall = await create(100 * 1024 - 1);
    expect(tooSmall.status).toBe(400);
    expect(((await tooSmall.json()) as { code: string }).code).toBe('bad-request');
    const createdAnswer = await create(plan.partSize);
    const created = (await createdAnswer.json()) as Record<string, string>;
    expect(createdAnswer.status, JSON.stringify(created)).toBe(200);
    const token = { 'X-Ferry-Upload-Token': created['token']! };
    const q = `key=${encodeURIComponent(created['key']!)}`;
    const { parts } = (await json(handler, `/api/multipart/${created['uploadId']}/batch?${q}`, {
      method: 'POST',
      headers: token,
      body: JSON.stringify({ key: created['key'], partNumbers: plan.parts.map((part) => part.number) }),
    })) as { parts: { partNumber: number; url: string; headers: Record<string, string> }[] };
    const etags: string[] = [];
    for (const [index, part] of plan.parts.entries()) {
      const put = await fetch(parts[index]!.url, {
        method: 'PUT',
        headers: parts[index]!.headers,
        body: file.subarray(part.start, part.end),
      });
      expect(put.status).toBe(200);
      etags.push(put.headers.get('etag')!);
    }
    await json(handler, `/api/multipart/${created['uploadId']}/complete?${q}`, {
      method: 'POST',
      headers: token,
      body: JSON.stringify({ parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) }),
    });
    expect(sha256(oss.object(created['key']!)!.bytes)).toBe(sha256(file));
  });

  it('the OSS contract fake refuses to complete with a part under 100 KB that is not the last (as OSS does at complete)', async () => {
    // Straight to the store with the provider, past the handler, which would refuse the plan.
    const provider = providerFor();
    const key = 'uploads/too-small-parts.bin';
    const uploadId = await provider.createMultipart({ key, contentType: 'application/octet-stream' });
    const etags: string[] = [];
    for (const [partNumber, size] of [
      [1, 50 * 1024],
      [2, 10],
    ] as const) {
      const signed = await provider.presignPart({ key, uploadId, partNumber, contentLength: size, expiresIn: 60 });
      const put = await fetch(signed.url, { method: 'PUT', headers: signed.headers, body: randomBytes(size) });
      etags.push(put.headers.get('etag')!);
    }
    const completing = provider.completeMultipart({
      key,
      uploadId,
      parts: etags.map((etag, i) => ({ partNumber: i + 1, etag })),
    });
    await expect(completing).rejects.toMatchObject({ name: 'EntityTooSmall' });
    await provider.abortMultipart({ key, uploadId });
  });

  it('per-part Content-MD5: signed and returned, other bytes refused (InvalidDigest); other algorithms refused with 400', async () => {
    const handler = handlerFor();
    const part = randomBytes(5 * MiB);
    const created = await json(handler, '/api/multipart', {
      method: 'POST',
      body: JSON.stringify({
        filename: 'md5.bin',
        type: 'application/octet-stream',
        size: part.length,
        partSize: 5 * MiB,
        metadata: {},
      }),
    });
    const key = created['key'] as string;
    const uploadId = created['uploadId'] as string;
    const batch = (checksums: unknown) =>
      handler(
        new Request(`http://app/api/multipart/${uploadId}/batch?key=${encodeURIComponent(key)}`, {
          method: 'POST',
          headers: { 'X-Ferry-Upload-Token': created['token'] as string },
          body: JSON.stringify({ key, partNumbers: [1], checksums }),
        }),
      );
    const md5 = createHash('md5').update(part).digest('base64');
    const signed = (await (await batch({ algorithm: 'md5', values: { 1: md5 } })).json()) as {
      parts: { url: string; headers: Record<string, string> }[];
    };
    expect(signed.parts[0]!.headers).toEqual({ 'Content-MD5': md5 });
    const wrong = await fetch(signed.parts[0]!.url, {
      method: 'PUT',
      headers: signed.parts[0]!.headers,
      body: randomBytes(5 * MiB),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('<Code>InvalidDigest</Code>');
    const right = await fetch(signed.parts[0]!.url, { method: 'PUT', headers: signed.parts[0]!.headers, body: part });
    expect(right.status).toBe(200);
    expect(oss.calls.at(-1)!.signedHeaders).toContain('content-md5');
    const sha = await batch({ algorithm: 'sha256', values: { 1: createHash('sha256').update(part).digest('base64') } });
    expect(sha.status).toBe(400);
    expect(((await sha.json()) as { message: string }).message).toContain('takes md5');
  });

  it('single PUT with Content-MD5: signed and returned, other bytes refused (InvalidDigest), the right ones stored with their CRC-64', async () => {
    const handler = handlerFor();
    const bytes = randomBytes(4000);
    const md5 = createHash('md5').update(bytes).digest('base64');
    const params = await json(
      handler,
      `/api/params?filename=small.bin&type=application/octet-stream&size=${bytes.length}&checksum=${encodeURIComponent(`md5:${md5}`)}`,
    );
    const headers = params['headers'] as Record<string, string>;
    expect(headers).toEqual({ 'Content-Type': 'application/octet-stream', 'Content-MD5': md5 });
    const wrong = await fetch(params['url'] as string, { method: 'PUT', headers, body: randomBytes(4000) });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('<Code>InvalidDigest</Code>');
    const right = await fetch(params['url'] as string, { method: 'PUT', headers, body: bytes });
    expect(right.status).toBe(200);
    expect(right.headers.get('x-oss-hash-crc64ecma')).toBe(String(crc64(bytes)));
    expect(oss.calls.at(-1)!.signedHeaders).toContain('content-md5');
    const sha = await handler(
      new Request(
        `http://app/api/params?filename=s.bin&type=text/plain&size=4000&checksum=sha256:${createHash('sha256').update(bytes).digest('base64')}`,
      ),
    );
    expect(sha.status).toBe(400);
  });

  it('abort: the upload is gone from the store; a second abort is a 404 not-found', async () => {
    const handler = handlerFor();
    const created = await json(handler, '/api/multipart', {
      method: 'POST',
      body: JSON.stringify({
        filename: 'x.bin',
        type: 'application/octet-stream',
        size: 6 * MiB,
        partSize: 5 * MiB,
        metadata: {},
      }),
    });
    const uploadId = created['uploadId'] as string;
    const q = `key=${encodeURIComponent(created['key'] as string)}`;
    const init = { method: 'DELETE', headers: { 'X-Ferry-Upload-Token': created['token'] as string } };
    expect((await handler(new Request(`http://app/api/multipart/${uploadId}?${q}`, init))).status).toBe(200);
    expect(oss.openUploads()).not.toContain(uploadId);
    const again = await handler(new Request(`http://app/api/multipart/${uploadId}?${q}`, init));
    expect(again.status).toBe(404);
  });

  it('an expired presigned URL is refused as OSS does (AccessDenied, Request has expired)', async () => {
    const handler = createFerryHandler({
      provider: createOssProvider({
        bucket: oss.bucket,
        region: oss.region,
        endpoint: oss.url,
        customDomain: true,
        credentials: oss.credentials,
      }),
      secret: 'oss-secret-oss-secret-oss-secret-32',
      basePath: '/api',
      urlLifetimeSeconds: 1,
    });
    const params = await json(handler, '/api/params?filename=late.txt&type=text/plain&size=1');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const put = await fetch(params['url'] as string, {
      method: 'PUT',
      headers: params['headers'] as Record<string, string>,
      body: 'x',
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('Request has expired');
  });
});

describe('OSS deletes and the sweeper through the contract fake', () => {
  it('DELETE /objects with the single PUT’s delete token: a signed DeleteObject, the object gone; a foreign key refused', async () => {
    const handler = handlerFor();
    const bytes = randomBytes(100);
    const stored = async () => {
      const params = await json(handler, `/api/params?filename=d.txt&type=text/plain&size=${bytes.length}`);
      const put = await fetch(params['url'] as string, {
        method: 'PUT',
        headers: params['headers'] as Record<string, string>,
        body: bytes,
      });
      expect(put.status).toBe(200);
      return { key: params['key'] as string, deleteToken: params['deleteToken'] as string };
    };
    const mine = await stored();
    const other = await stored();
    const remove = (key: string, token: string) =>
      handler(
        new Request(`http://app/api/objects?key=${encodeURIComponent(key)}`, {
          method: 'DELETE',
          headers: { 'X-Ferry-Delete-Token': token },
        }),
      );
    expect((await remove(other.key, mine.deleteToken)).status).toBe(403);
    expect(oss.object(other.key)).toBeDefined();
    expect((await remove(mine.key, mine.deleteToken)).status).toBe(200);
    expect(oss.object(mine.key)).toBeUndefined();
    const call = oss.calls.findLast((c) => c.key === mine.key)!;
    expect(call).toMatchObject({ operation: 'delete-object', auth: 'header', status: 204 });
    expect(call.signedHeaders).toEqual(expect.arrayContaining(['x-oss-content-sha256', 'x-oss-date']));
  });

  it('sweepIncompleteUploads pages through ListMultipartUploads and aborts the old uploads under the prefix', async () => {
    const provider = providerFor();
    const keys = ['sweep/a.bin', 'sweep/a.bin', 'sweep/b.bin', 'sweep/c.bin', 'sweep/d.bin'];
    const ids: string[] = [];
    for (const key of keys) ids.push(await provider.createMultipart({ key, contentType: 'application/octet-stream' }));
    const outside = await provider.createMultipart({ key: 'kept/e.bin', contentType: 'application/octet-stream' });
    const from = oss.calls.length;
    const report = await sweepIncompleteUploads({
      provider,
      prefix: 'sweep/',
      olderThan: 0,
      now: Date.now() + 1000,
      pageSize: 2,
    });
    expect(report.aborted.map((upload) => upload.uploadId).sort()).toEqual([...ids].sort());
    expect(report).toMatchObject({ alreadyGone: [], failed: [], kept: 0, pages: 3 });
    const lists = oss.calls.slice(from).filter((call) => call.operation === 'list-uploads');
    expect(lists.map((call) => call.status)).toEqual([200, 200, 200]);
    expect(lists[1]!.query).toMatchObject({ prefix: 'sweep/', 'max-uploads': '2', 'key-marker': 'sweep/a.bin' });
    expect(lists[1]!.query['upload-id-marker']).toMatch(/^[0-9A-F]{32}$/);
    expect(oss.openUploads()).toContain(outside);
    expect(oss.openUploads().filter((id) => ids.includes(id))).toEqual([]);
    await provider.abortMultipart({ key: 'kept/e.bin', uploadId: outside });
  });
});

describe('the contract fake itself', () => {
  it('refuses server calls and URLs signed with another secret, so its checks are not vacuous', async () => {
    const wrong = createOssProvider({
      bucket: oss.bucket,
      region: oss.region,
      endpoint: oss.url,
      customDomain: true,
      credentials: { ...oss.credentials, accessKeySecret: 'not-the-secret' },
    });
    await expect(wrong.createMultipart({ key: 'k', contentType: 'text/plain' })).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
    const signed = await wrong.presignPut({ key: 'k', contentType: 'text/plain', contentLength: 1, expiresIn: 60 });
    expect((await fetch(signed.url, { method: 'PUT', headers: signed.headers, body: 'x' })).status).toBe(403);
  });
});

describe('OSS URL lifetime', () => {
  it('is clamped to 7 days with a warning, and never outlives the STS credentials', async () => {
    const warnings: string[] = [];
    const sts = { ...oss.credentials, securityToken: 'sts-token', expiration: new Date(Date.now() + 600_000) };
    const provider = createOssProvider({
      bucket: 'b',
      region: 'cn-hangzhou',
      credentials: oss.credentials,
      onWarning: (m) => warnings.push(m),
    });
    const week = await provider.presignPart({
      key: 'k',
      uploadId: 'u',
      partNumber: 1,
      contentLength: 5,
      expiresIn: 30 * 24 * 3600,
    });
    expect(new URL(week.url).searchParams.get('x-oss-expires')).toBe(String(7 * 24 * 3600));
    expect(warnings[0]).toContain('7-day');
    const temporary = createOssProvider({
      bucket: 'b',
      region: 'cn-hangzhou',
      credentials: sts,
      onWarning: (m) => warnings.push(m),
    });
    const signed = await temporary.presignPut({
      key: 'k',
      contentType: 'text/plain',
      contentLength: 5,
      expiresIn: 3600,
    });
    const url = new URL(signed.url);
    expect(Number(url.searchParams.get('x-oss-expires'))).toBeLessThanOrEqual(600);
    expect(url.searchParams.get('x-oss-security-token')).toBe('sts-token');
    expect(url.host).toBe('b.oss-cn-hangzhou.aliyuncs.com');
    expect(warnings[1]).toContain('STS');
  });

  it('signs with V1 when asked, for legacy setups', async () => {
    const provider = createOssProvider({
      bucket: 'b',
      region: 'cn-hangzhou',
      credentials: oss.credentials,
      signatureVersion: 'v1',
    });
    const signed = await provider.presignPart({
      key: 'a b/ü+.bin',
      uploadId: 'u1',
      partNumber: 2,
      contentLength: 5,
      expiresIn: 60,
    });
    const url = new URL(signed.url);
    expect(url.pathname).toBe('/a%20b/%C3%BC%2B.bin');
    expect([...url.searchParams.keys()].sort()).toEqual([
      'Expires',
      'OSSAccessKeyId',
      'Signature',
      'partNumber',
      'uploadId',
    ]);
  });
});
