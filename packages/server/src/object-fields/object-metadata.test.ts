// The per-file object metadata policy: unit checks of what it allows and refuses, then the round
// trip through the handler into the local store (which verifies the signature), read back with
// HeadObject, for a single PUT and a multipart upload.
import { GetObjectTaggingCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStore } from '../test-support/use-local-store.js';
import { createFerryHandler, createS3Provider, type FerryHandler, type ObjectMetadataPolicy } from '../index.js';
import { contentDisposition } from './content-disposition.js';
import { objectHeadersFor } from './object-metadata-policy.js';

const MiB = 1024 * 1024;
const policy: ObjectMetadataPolicy = {
  metadata: ['album', 'Camera'],
  fixed: { source: 'web' },
  contentDisposition: 'attachment',
  cacheControl: ['public, max-age=31536000, immutable'],
  tags: ['project'],
  checkValue: (name, value) => name !== 'album' || value.length <= 40 || 'too long',
};

describe('Content-Disposition (RFC 6266 / 5987)', () => {
  it('names an ASCII file plainly, and a unicode one with an ASCII fallback and filename*', () => {
    expect(contentDisposition('inline', 'report.pdf')).toBe('inline; filename="report.pdf"');
    expect(contentDisposition('attachment', 'Übersicht "2026".pdf')).toBe(
      `attachment; filename="_bersicht _2026_.pdf"; filename*=UTF-8''%C3%9Cbersicht%20%222026%22.pdf`,
    );
    expect(contentDisposition('attachment', 'photos/日本.jpg')).toBe(
      `attachment; filename="__.jpg"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.jpg`,
    );
  });
});

describe('objectHeadersFor', () => {
  const asked = { filename: 'a.jpg', metadata: {} };
  it('signs allowed names in lower case, adds fixed ones and the disposition, skips key-only names', () => {
    expect(
      objectHeadersFor(policy, {
        ...asked,
        metadata: { album: 'Summer', camera: 'X100', relativePath: 'trip/a.jpg' },
        cacheControl: 'public, max-age=31536000, immutable',
        tags: { project: 'alpha' },
      }),
    ).toEqual({
      metadata: { album: 'Summer', camera: 'X100', source: 'web' },
      contentDisposition: 'attachment; filename="a.jpg"',
      cacheControl: 'public, max-age=31536000, immutable',
      tags: { project: 'alpha' },
    });
  });

  it('refuses with metadata-not-allowed: unknown names, non-ASCII values, over the size, a failed check, other Cache-Control, unknown or bad tags', () => {
    const refused = [
      { metadata: { owner: 'x' } },
      { metadata: { album: 'Été' } },
      // Browsers and stores trim a header's ends; the signature would cover the spaces.
      { metadata: { album: ' beach' } },
      { metadata: { album: 'beach ' } },
      { metadata: { album: 'line\r\nx-amz-acl: public-read' } },
      { metadata: { album: 'x'.repeat(41) } },
      { metadata: { camera: 'x'.repeat(2100) } },
      { metadata: { 'bad name': 'x' } },
      { cacheControl: 'no-store' },
      { tags: { other: 'x' } },
      { tags: { project: 'a<b' } },
      { tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`project${i}`, 'x'])) },
    ];
    for (const extra of refused) {
      expect(() => objectHeadersFor(policy, { ...asked, ...extra }), JSON.stringify(extra)).toThrow(
        expect.objectContaining({ code: 'metadata-not-allowed', status: 400 }),
      );
    }
  });

  it("checks the policy's own fixed metadata as it would a client's: no CR/LF or bad name reaches a signed header", () => {
    for (const fixed of [{ origin: 'web\r\nx-amz-acl: public-read' }, { 'bad name': 'x' }, { origin: ' padded' }]) {
      expect(() => objectHeadersFor({ ...policy, fixed }, asked), JSON.stringify(fixed)).toThrow(
        expect.objectContaining({ code: 'internal' }),
      );
    }
    expect(objectHeadersFor({ ...policy, fixed: { origin: 'web upload' } }, asked).metadata).toMatchObject({
      origin: 'web upload',
    });
  });

  it('without a policy stores no metadata and refuses Cache-Control and tags', () => {
    expect(objectHeadersFor(undefined, { ...asked, metadata: { anything: 'goes to key()' } })).toEqual({
      metadata: {},
    });
    expect(() => objectHeadersFor(undefined, { ...asked, cacheControl: 'no-cache' })).toThrow(
      expect.objectContaining({ code: 'metadata-not-allowed' }),
    );
  });
});

describe('object metadata stored in the local store', () => {
  const local = useLocalStore('ferry-metadata-');
  let handler: FerryHandler;

  beforeAll(() => {
    handler = createFerryHandler({
      provider: createS3Provider(local.s3),
      secret: 'x'.repeat(32),
      basePath: '/api',
      objectMetadata: policy,
      onError: () => undefined,
    });
  });

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await handler(
      new Request(`http://app/api${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { 'x-ferry-upload-token': token } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const head = (key: string) => local.client.send(new HeadObjectCommand({ Bucket: local.store.bucket, Key: key }));

  it('single PUT: the signed headers are exactly what the browser must send, and HeadObject shows them', async () => {
    const query = new URLSearchParams({
      filename: 'Übersicht.txt',
      type: 'text/plain',
      size: '5',
      'metadata[album]': 'Summer',
      'metadata[relativePath]': 'docs/Übersicht.txt',
      cacheControl: 'public, max-age=31536000, immutable',
      'tags[project]': 'alpha beta',
    });
    const { status, json } = await call('GET', `/params?${query.toString()}`);
    expect(status).toBe(200);
    const headers = json['headers'] as Record<string, string>;
    expect(headers).toEqual({
      'Content-Type': 'text/plain',
      'x-amz-meta-album': 'Summer',
      'x-amz-meta-source': 'web',
      'Content-Disposition': `attachment; filename="_bersicht.txt"; filename*=UTF-8''%C3%9Cbersicht.txt`,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'x-amz-tagging': 'project=alpha%20beta',
    });
    // A header left out breaks the signature: the store refuses it.
    const { 'x-amz-meta-album': _album, ...fewer } = headers;
    const missing = await fetch(json['url'] as string, { method: 'PUT', headers: fewer, body: 'hello' });
    expect(missing.status).toBe(403);
    const put = await fetch(json['url'] as string, { method: 'PUT', headers, body: 'hello' });
    expect(put.status).toBe(200);
    const stored = await head(json['key'] as string);
    expect(stored.Metadata).toEqual({ album: 'Summer', source: 'web' });
    expect(stored.ContentDisposition).toBe(headers['Content-Disposition']);
    expect(stored.CacheControl).toBe('public, max-age=31536000, immutable');
  });

  it('multipart: the metadata set at create time is the completed object’s', async () => {
    const size = 5 * MiB + 10;
    const created = await call('POST', '/multipart', {
      filename: 'big.bin',
      type: 'application/zip',
      size,
      partSize: 5 * MiB,
      metadata: { Camera: 'X100' },
      cacheControl: 'public, max-age=31536000, immutable',
      tags: { project: 'alpha' },
    });
    expect(created.status).toBe(200);
    const { uploadId, key, token } = created.json as { uploadId: string; key: string; token: string };
    const signed = await call('POST', `/multipart/${uploadId}/batch`, { key, partNumbers: [1, 2] }, token);
    const parts = signed.json['parts'] as { partNumber: number; url: string; headers: Record<string, string> }[];
    const etags: { PartNumber: number; ETag: string }[] = [];
    for (const part of parts) {
      const body = new Uint8Array(part.partNumber === 1 ? 5 * MiB : 10);
      const put = await fetch(part.url, { method: 'PUT', headers: part.headers, body });
      expect(put.status).toBe(200);
      etags.push({ PartNumber: part.partNumber, ETag: put.headers.get('etag')! });
    }
    const done = await call(
      'POST',
      `/multipart/${uploadId}/complete?key=${encodeURIComponent(key)}`,
      { parts: etags },
      token,
    );
    expect(done.status).toBe(200);
    const stored = await head(key);
    expect(stored.ContentType).toBe('application/zip');
    expect(stored.Metadata).toEqual({ camera: 'X100', source: 'web' });
    expect(stored.ContentDisposition).toBe('attachment; filename="big.bin"');
    expect(stored.CacheControl).toBe('public, max-age=31536000, immutable');
    const tagging = await local.client.send(new GetObjectTaggingCommand({ Bucket: local.store.bucket, Key: key }));
    expect(tagging.TagSet).toEqual([{ Key: 'project', Value: 'alpha' }]);
  });

  it("tags: the local store keeps a single PUT's tags (GetObjectTagging)", async () => {
    const query = new URLSearchParams({ filename: 't.txt', type: 'text/plain', size: '2', 'tags[project]': 'alpha' });
    const { json } = await call('GET', `/params?${query.toString()}`);
    const put = await fetch(json['url'] as string, {
      method: 'PUT',
      headers: json['headers'] as Record<string, string>,
      body: 'hi',
    });
    expect(put.status).toBe(200);
    const tagging = await local.client.send(
      new GetObjectTaggingCommand({ Bucket: local.store.bucket, Key: json['key'] as string }),
    );
    expect(tagging.TagSet).toEqual([{ Key: 'project', Value: 'alpha' }]);
  });

  it('refuses what the policy does not allow with 400 metadata-not-allowed, signing nothing', async () => {
    const single = await call('GET', '/params?filename=a.txt&type=text/plain&size=1&metadata[owner]=mallory');
    expect(single).toMatchObject({ status: 400, json: { code: 'metadata-not-allowed' } });
    expect(single.json['url']).toBeUndefined();
    const multi = await call('POST', '/multipart', {
      filename: 'a.bin',
      size: 6 * MiB,
      partSize: 5 * MiB,
      cacheControl: 'no-store',
    });
    expect(multi).toMatchObject({ status: 400, json: { code: 'metadata-not-allowed' } });
  });
});
