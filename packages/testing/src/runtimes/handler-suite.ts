// The handler suite every runtime must pass, driven over HTTP only (the same checks whatever serves
// the endpoint): real bytes PUT to the signature-checking local store and read back.
import { UPLOAD_TOKEN_HEADER } from '@ferry/core/protocol';
import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StoreInspector } from '../store-inspector.js';

const MiB = 1024 * 1024;

/** Where the suite finds the running handler and the store behind it. */
export interface HandlerSuiteTarget {
  /** The signing endpoint's base URL. */
  readonly endpoint: string;
  readonly store: StoreInspector;
}

interface Answer<T> {
  readonly status: number;
  readonly json: T;
}

async function api<T>(
  target: HandlerSuiteTarget,
  method: string,
  path: string,
  init: { body?: unknown; token?: string } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${target.endpoint}${path}`, {
    method,
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token === undefined ? {} : { [UPLOAD_TOKEN_HEADER]: init.token }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, json: (await response.json()) as T };
}

async function put(url: string, headers: Record<string, string>, body: Uint8Array<ArrayBuffer>) {
  const response = await fetch(url, { method: 'PUT', headers, body });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag') ?? '', text };
}

/** `size` random bytes. */
const random = (size: number) => new Uint8Array(randomBytes(size));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Created {
  uploadId: string;
  key: string;
  token: string;
}
interface Signed {
  parts: { partNumber: number; url: string; headers: Record<string, string> }[];
}

/**
 * Defines the suite's tests (in the `describe` it is called in) against the handler `target()`
 * returns once the `beforeAll` that starts it has run.
 * @example
 * ```ts
 * describe('deno', () => { beforeAll(start); defineHandlerSuite(() => target); });
 * ```
 */
export function defineHandlerSuite(target: () => HandlerSuiteTarget): void {
  const uploadPath = (created: Created, tail = '') =>
    `/multipart/${encodeURIComponent(created.uploadId)}${tail}?key=${encodeURIComponent(created.key)}`;

  it('multipart: create, sign a batch, PUT the parts, list, complete; stored byte for byte', async () => {
    const t = target();
    const bytes = random(5 * MiB + 1000);
    const created = await api<Created>(t, 'POST', '/multipart', {
      body: { filename: 'runtime.bin', type: 'application/zip', size: bytes.length, partSize: 5 * MiB },
    });
    expect(created.status).toBe(200);
    const signed = await api<Signed>(t, 'POST', uploadPath(created.json, '/batch'), {
      body: { key: created.json.key, partNumbers: [1, 2] },
      token: created.json.token,
    });
    expect(signed.status).toBe(200);
    const etags: string[] = [];
    for (const part of signed.json.parts) {
      const start = (part.partNumber - 1) * 5 * MiB;
      const stored = await put(part.url, part.headers, bytes.subarray(start, start + 5 * MiB));
      expect(stored.status, stored.text).toBe(200);
      etags.push(stored.etag);
    }
    const listed = await api<{ PartNumber: number; Size: number }[]>(t, 'GET', uploadPath(created.json), {
      token: created.json.token,
    });
    expect(listed.json.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, 5 * MiB],
      [2, 1000],
    ]);
    const completed = await api<{ key: string }>(t, 'POST', uploadPath(created.json, '/complete'), {
      body: { parts: etags.map((ETag, index) => ({ PartNumber: index + 1, ETag })) },
      token: created.json.token,
    });
    expect(completed).toMatchObject({ status: 200, json: { key: created.json.key } });
    expect(await t.store.objectSha256(created.json.key)).toBe(sha256(bytes));
    expect(await t.store.objectHead(created.json.key)).toEqual({ contentType: 'application/zip', size: bytes.length });
  });

  it('single PUT: params, then PUT with the signed headers; stored byte for byte', async () => {
    const t = target();
    const bytes = random(70_000);
    const params = await api<{ url: string; headers: Record<string, string>; key: string }>(
      t,
      'GET',
      `/params?filename=${encodeURIComponent('ü b+c.txt')}&type=text/plain&size=${bytes.length}`,
    );
    expect(params.status).toBe(200);
    expect(params.json.headers).toEqual({ 'Content-Type': 'text/plain' });
    const stored = await put(params.json.url, params.json.headers, bytes);
    expect(stored.status, stored.text).toBe(200);
    expect(await t.store.objectSha256(params.json.key)).toBe(sha256(bytes));
  });

  it('a URL is signed for its exact size and type: another body or Content-Type is refused by the store', async () => {
    const t = target();
    const params = await api<{ url: string; headers: Record<string, string> }>(
      t,
      'GET',
      '/params?filename=a.txt&type=text/plain&size=100',
    );
    expect((await put(params.json.url, params.json.headers, random(101))).status).toBe(403);
    expect((await put(params.json.url, { 'Content-Type': 'text/html' }, random(100))).status).toBe(403);
  });

  it('refuses forged, missing and another upload’s tokens (403 token-invalid)', async () => {
    const t = target();
    const body = { filename: 'a.bin', type: 'application/zip', size: 6 * MiB, partSize: 5 * MiB };
    const mine = (await api<Created>(t, 'POST', '/multipart', { body })).json;
    const theirs = (await api<Created>(t, 'POST', '/multipart', { body })).json;
    // One character of the MAC changed (the tenth from the end: its 6 bits are all the MAC's).
    const at = mine.token.length - 10;
    const forged = `${mine.token.slice(0, at)}${mine.token[at] === 'A' ? 'B' : 'A'}${mine.token.slice(at + 1)}`;
    for (const token of [forged, undefined, theirs.token]) {
      const answer = await api<{ code: string }>(t, 'POST', uploadPath(mine, '/batch'), {
        body: { key: mine.key, partNumbers: [1] },
        ...(token === undefined ? {} : { token }),
      });
      expect(answer).toMatchObject({ status: 403, json: { code: 'token-invalid' } });
    }
    for (const upload of [mine, theirs]) {
      expect((await api(t, 'DELETE', uploadPath(upload), { token: upload.token })).status).toBe(200);
    }
  });

  it('abort: the store deletes the upload and its parts; nothing is left open', async () => {
    const t = target();
    const created = (
      await api<Created>(t, 'POST', '/multipart', {
        body: { filename: 'gone.bin', type: 'application/zip', size: 6 * MiB, partSize: 5 * MiB },
      })
    ).json;
    const signed = await api<Signed>(t, 'POST', uploadPath(created, '/batch'), {
      body: { key: created.key, partNumbers: [2] },
      token: created.token,
    });
    const part = signed.json.parts[0]!;
    expect((await put(part.url, part.headers, random(MiB))).status).toBe(200);
    expect(await t.store.openMultipartUploads()).toContain(created.key);
    expect(await api(t, 'DELETE', uploadPath(created), { token: created.token })).toMatchObject({
      status: 200,
      json: {},
    });
    expect(await t.store.openMultipartUploads()).not.toContain(created.key);
    expect(await api(t, 'GET', uploadPath(created), { token: created.token })).toMatchObject({
      status: 404,
      json: { code: 'not-found' },
    });
  });
}
