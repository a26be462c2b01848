// DELETE {base}/objects?key against the real signature-checking local store: allowed by a finished
// upload's own delete token within its window, or by the application's authorizeDelete hook;
// refused (403, the object stays) for a foreign key, a tampered or expired token, another user,
// or no permission at all.
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DELETE_TOKEN_HEADER, UPLOAD_TOKEN_HEADER } from '@ferry/core/protocol';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useLocalStore } from './test-support/use-local-store.js';
import { createFerryHandler, createS3Provider, type FerryHandler, type FerryHandlerOptions } from './index.js';

const MiB = 1024 * 1024;
const local = useLocalStore('ferry-delete-');

/** A handler on the local store; the caller is whoever the `x-user` header names. */
function handlerWith(options: Partial<FerryHandlerOptions> = {}): FerryHandler {
  return createFerryHandler({
    provider: createS3Provider(local.s3),
    secret: 'delete-secret-delete-secret-delete-secret',
    basePath: '/api',
    authorize: (request) => ({ id: request.headers.get('x-user') ?? 'alice' }),
    onError: () => undefined,
    ...options,
  });
}

async function call(
  handler: FerryHandler,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await handler(
    new Request(`http://app/api${path}`, {
      method,
      headers: init.headers ?? {},
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const exists = async (key: string): Promise<boolean> =>
  local.client.send(new HeadObjectCommand({ Bucket: local.store.bucket, Key: key })).then(
    () => true,
    (error: unknown) => {
      if ((error as { name?: string }).name === 'NotFound') return false;
      throw error;
    },
  );

/** A single PUT through the handler: the key and the delete token its params answer carried. */
async function singlePut(handler: FerryHandler, user = 'alice'): Promise<{ key: string; deleteToken: string }> {
  const body = randomBytes(1000);
  const { json } = await call(handler, 'GET', `/params?filename=a.txt&type=text/plain&size=${body.length}`, {
    headers: { 'x-user': user },
  });
  const put = await fetch(json['url'] as string, {
    method: 'PUT',
    headers: json['headers'] as Record<string, string>,
    body,
  });
  expect(put.status).toBe(200);
  return { key: json['key'] as string, deleteToken: json['deleteToken'] as string };
}

/** A multipart upload through the handler, completed: the key and the complete answer's delete token. */
async function multipartUpload(handler: FerryHandler): Promise<{ key: string; deleteToken: string }> {
  const file = randomBytes(6 * MiB);
  const created = await call(handler, 'POST', '/multipart', {
    body: { filename: 'big.bin', type: 'application/octet-stream', size: file.length, partSize: 5 * MiB },
  });
  const { uploadId, key, token } = created.json as { uploadId: string; key: string; token: string };
  const q = `key=${encodeURIComponent(key)}`;
  const signed = await call(handler, 'POST', `/multipart/${uploadId}/batch?${q}`, {
    headers: { [UPLOAD_TOKEN_HEADER]: token },
    body: { key, partNumbers: [1, 2] },
  });
  const etags: string[] = [];
  for (const part of signed.json['parts'] as { partNumber: number; url: string; headers: Record<string, string> }[]) {
    const slice = file.subarray((part.partNumber - 1) * 5 * MiB, part.partNumber * 5 * MiB);
    const put = await fetch(part.url, { method: 'PUT', headers: part.headers, body: slice });
    etags.push(put.headers.get('etag')!);
  }
  const done = await call(handler, 'POST', `/multipart/${uploadId}/complete?${q}`, {
    headers: { [UPLOAD_TOKEN_HEADER]: token },
    body: { parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
  });
  expect(done.status).toBe(200);
  return { key, deleteToken: done.json['deleteToken'] as string };
}

const remove = (handler: FerryHandler, key: string, headers: Record<string, string> = {}) =>
  call(handler, 'DELETE', `/objects?key=${encodeURIComponent(key)}`, { headers });

describe('DELETE /objects with the upload’s own delete token', () => {
  it('deletes what a multipart upload just stored', async () => {
    const handler = handlerWith();
    const { key, deleteToken } = await multipartUpload(handler);
    expect(deleteToken).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(await exists(key)).toBe(true);
    const deleted = await remove(handler, key, { [DELETE_TOKEN_HEADER]: deleteToken });
    expect(deleted).toEqual({ status: 200, json: { key } });
    expect(await exists(key)).toBe(false);
  });

  it('deletes what a single PUT just stored', async () => {
    const handler = handlerWith();
    const { key, deleteToken } = await singlePut(handler);
    expect(await exists(key)).toBe(true);
    expect((await remove(handler, key, { [DELETE_TOKEN_HEADER]: deleteToken })).status).toBe(200);
    expect(await exists(key)).toBe(false);
  });

  it('refuses a foreign key, a tampered token and another user: 403 token-invalid, the objects stay', async () => {
    const handler = handlerWith();
    const mine = await singlePut(handler);
    const other = await singlePut(handler);
    const foreign = await remove(handler, other.key, { [DELETE_TOKEN_HEADER]: mine.deleteToken });
    expect(foreign.status).toBe(403);
    expect(foreign.json['code']).toBe('token-invalid');
    expect(foreign.json['message']).toContain('another object');

    // The payload rewritten to name the other key, the MAC kept: the MAC no longer matches.
    const [, mac] = mine.deleteToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ user: 'alice', key: other.key, exp: 4e9 })).toString(
      'base64url',
    );
    const tampered = await remove(handler, other.key, { [DELETE_TOKEN_HEADER]: `${forgedPayload}.${mac}` });
    expect(tampered.status).toBe(403);
    expect(tampered.json['code']).toBe('token-invalid');
    expect(tampered.json['message']).toContain('not valid');
    const flipped = mine.deleteToken.slice(0, -2) + (mine.deleteToken.endsWith('AA') ? 'BB' : 'AA');
    expect((await remove(handler, mine.key, { [DELETE_TOKEN_HEADER]: flipped })).status).toBe(403);

    const bob = await remove(handler, mine.key, { [DELETE_TOKEN_HEADER]: mine.deleteToken, 'x-user': 'bob' });
    expect(bob.status).toBe(403);
    expect(bob.json['code']).toBe('token-invalid');

    // A token from a server with another secret is no token at all.
    const elsewhere = createFerryHandler({
      provider: createS3Provider(local.s3),
      secret: 'another-secret-another-secret-another-secret',
      basePath: '/api',
    });
    const theirs = await singlePut(elsewhere);
    expect((await remove(handler, theirs.key, { [DELETE_TOKEN_HEADER]: theirs.deleteToken })).status).toBe(403);

    expect(await exists(mine.key)).toBe(true);
    expect(await exists(other.key)).toBe(true);
    expect(await exists(theirs.key)).toBe(true);
  });

  it('refuses once the window is over: 403, the object stays', async () => {
    // A 1 s window after a 1 s URL lifetime: the single PUT's token lasts 2 s.
    const handler = handlerWith({ deleteWindowSeconds: 1, urlLifetimeSeconds: 1 });
    const { key, deleteToken } = await singlePut(handler);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    const late = await remove(handler, key, { [DELETE_TOKEN_HEADER]: deleteToken });
    expect(late.status).toBe(403);
    expect(late.json['code']).toBe('token-invalid');
    expect(late.json['message']).toContain('expired');
    expect(await exists(key)).toBe(true);
  });

  it('issues no delete token with deleteWindowSeconds 0', async () => {
    const handler = handlerWith({ deleteWindowSeconds: 0 });
    const { key, deleteToken } = await singlePut(handler);
    expect(deleteToken).toBeUndefined();
    expect((await remove(handler, key)).json['code']).toBe('delete-not-allowed');
  });
});

describe('DELETE /objects through the authorizeDelete hook', () => {
  const put = async (key: string) => {
    await local.client.send(new PutObjectCommand({ Bucket: local.store.bucket, Key: key, Body: 'kept?' }));
    expect(await exists(key)).toBe(true);
  };

  it('is refused by default (no hook, no token): 403 delete-not-allowed, the object stays', async () => {
    const key = 'forms/default-refusal.txt';
    await put(key);
    const refused = await remove(handlerWith(), key);
    expect(refused.status).toBe(403);
    expect(refused.json['code']).toBe('delete-not-allowed');
    expect(await exists(key)).toBe(true);
  });

  it('deletes what the hook allows (async), refuses what it does not or when it throws', async () => {
    const asked: [string, string][] = [];
    const handler = handlerWith({
      authorizeDelete: async (request, key, user) => {
        asked.push([key, user.id]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (request.headers.get('x-explode')) throw new Error('the hook failed');
        return key.startsWith(`forms/${user.id}/`);
      },
    });
    await put('forms/alice/avatar.png');
    await put('forms/bob/avatar.png');
    expect((await remove(handler, 'forms/alice/avatar.png')).status).toBe(200);
    expect(await exists('forms/alice/avatar.png')).toBe(false);
    const foreign = await remove(handler, 'forms/bob/avatar.png');
    expect(foreign).toMatchObject({ status: 403, json: { code: 'delete-not-allowed' } });
    const thrown = await remove(handler, 'forms/bob/avatar.png', { 'x-user': 'bob', 'x-explode': '1' });
    expect(thrown.status).toBe(403);
    expect(await exists('forms/bob/avatar.png')).toBe(true);
    expect(asked).toContainEqual(['forms/alice/avatar.png', 'alice']);
  });

  it('refuses a key with a dot segment before the hook sees it: "alice/../bob/x" cannot pass a prefix check', async () => {
    const asked: string[] = [];
    const handler = handlerWith({
      authorizeDelete: (_request, key, user) => {
        asked.push(key);
        return key.startsWith(`forms/${user.id}/`);
      },
    });
    await put('forms/bob/kept.png');
    for (const key of [
      'forms/alice/../bob/kept.png',
      'forms/alice/%2e%2E/bob/kept.png',
      'forms/alice/./x',
      '/forms/a',
    ]) {
      const refused = await remove(handler, key);
      expect(refused, key).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    }
    expect(asked).toEqual([]);
    expect(await exists('forms/bob/kept.png')).toBe(true);
  });

  it('refuses a malformed delete token with 403, not 500 (no exception reaches onError)', async () => {
    const errors: unknown[] = [];
    const handler = handlerWith({ onError: (error) => errors.push(error) });
    const { key, deleteToken } = await singlePut(handler);
    const [payload, mac = ''] = deleteToken.split('.');
    // "A" is not base64 at all (atob throws); the other spelling of the MAC's last character
    // decodes to the same bytes, and is refused too: only the canonical spelling is a token.
    const last = mac.at(-1)!;
    const sibling = 'AEIMQUYcgkosw048'.includes(last)
      ? String.fromCharCode(last.charCodeAt(0) + 1)
      : String.fromCharCode(last.charCodeAt(0) - 1);
    for (const token of [`${payload}.A`, `${payload}.${mac.slice(0, -1)}${sibling}`, `@@.${mac}`]) {
      const refused = await remove(handler, key, { [DELETE_TOKEN_HEADER]: token });
      expect(refused.status, token).toBe(403);
    }
    expect(errors).toEqual([]);
    expect(await exists(key)).toBe(true);
  });

  it('lets the hook allow a delete whose token fails, and answers 400 without a key, 405 for GET', async () => {
    const handler = handlerWith({ authorizeDelete: () => true });
    const key = 'forms/any.txt';
    await put(key);
    expect((await remove(handler, key, { [DELETE_TOKEN_HEADER]: 'not.a-token' })).status).toBe(200);
    expect(await exists(key)).toBe(false);
    expect((await call(handler, 'DELETE', '/objects')).json['code']).toBe('bad-request');
    expect((await call(handler, 'GET', '/objects?key=x')).status).toBe(405);
  });
});
