import { describe, expect, it } from 'vitest';
import { useLocalStore } from './test-support/use-local-store.js';
import {
  createFerryHandler,
  createS3Provider,
  isSigningError,
  UploadTokens,
  withCors,
  type FerryHandler,
  type FerryHandlerOptions,
} from './index.js';

const MiB = 1024 * 1024;
const local = useLocalStore('ferry-security-');

function handler(options: Partial<FerryHandlerOptions> = {}): FerryHandler {
  return createFerryHandler({
    provider: createS3Provider(local.s3),
    secret: 's'.repeat(32),
    onError: () => undefined,
    ...options,
  });
}

/** Calls `h`. `Answer` names the JSON the test expects back (an error's, unless it says otherwise). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names its expected answer
async function call<Answer = { code: string; message: string }>(
  h: FerryHandler,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await h(
    new Request(`http://app.test${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    }),
  );
  return {
    status: response.status,
    json: (await response.json().catch(() => undefined)) as Answer,
    headers: response.headers,
  };
}

/** Users are named by an `x-user` header, standing in for a session. */
const byHeader = (request: Request) => {
  const id = request.headers.get('x-user');
  return id ? { id } : null;
};
const create = { filename: 'a.bin', type: 'application/zip', size: 6 * MiB, partSize: 5 * MiB };

describe('@ferry/server refuses', () => {
  it('401 unauthorized when authorize returns null or throws', async () => {
    for (const authorize of [byHeader, () => Promise.reject(new Error('bad session'))]) {
      const h = handler({ authorize });
      expect(await call(h, 'GET', '/params?filename=a&size=1')).toMatchObject({
        status: 401,
        json: { code: 'unauthorized' },
      });
      expect(await call(h, 'POST', '/multipart', { body: create })).toMatchObject({
        status: 401,
        json: { code: 'unauthorized' },
      });
    }
  });

  it("403 when one user signs, lists, completes or aborts another user's upload with its token", async () => {
    const h = handler({ authorize: byHeader });
    const alice = { 'x-user': 'alice' };
    const created = await call<{ uploadId: string; key: string; token: string }>(h, 'POST', '/multipart', {
      body: create,
      headers: alice,
    });
    expect(created.status).toBe(200);
    const { uploadId, key, token } = created.json;
    const q = `?key=${encodeURIComponent(key)}`;
    const mallory = { 'x-user': 'mallory', 'x-ferry-upload-token': token };
    for (const [method, path, body] of [
      ['POST', `/multipart/${uploadId}/batch${q}`, { key, partNumbers: [1] }],
      ['GET', `/multipart/${uploadId}${q}`, undefined],
      ['GET', `/multipart/${uploadId}/1${q}`, undefined],
      [
        'POST',
        `/multipart/${uploadId}/complete${q}`,
        {
          parts: [
            { PartNumber: 1, ETag: '"x"' },
            { PartNumber: 2, ETag: '"y"' },
          ],
        },
      ],
      ['DELETE', `/multipart/${uploadId}${q}`, undefined],
    ] as const) {
      const answer = await call(h, method, path, { body, headers: mallory });
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.json.message).toMatch(/another user/);
    }
    const own = await call(h, 'POST', `/multipart/${uploadId}/batch${q}`, {
      body: { key, partNumbers: [1] },
      headers: { ...alice, 'x-ferry-upload-token': token },
    });
    expect(own.status).toBe(200);
  });

  it('403 for an expired token', async () => {
    const tokens = new UploadTokens('s'.repeat(32));
    const token = await tokens.issue({ user: 'u', key: 'k', uploadId: 'id', size: 1, partSize: 1, exp: 1000 });
    await expect(tokens.verify(token, 'id', 'k', 'u', 999_000)).resolves.toMatchObject({ uploadId: 'id' });
    await expect(tokens.verify(token, 'id', 'k', 'u', 1_001_000)).rejects.toThrow(
      expect.objectContaining({ code: 'token-invalid' }),
    );
  });

  it('refuses a token whose MAC was altered by one character, or made of non-base64url text', async () => {
    const tokens = new UploadTokens('s'.repeat(32));
    const token = await tokens.issue({ user: 'u', key: 'k', uploadId: 'id', size: 1, partSize: 1, exp: 2e9 });
    const [payload, mac] = token.split('.') as [string, string];
    // The last character of 32 bytes in base64 carries 2 free bits: each of its other spellings is refused too.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
    const respelled = last.filter((c) => c !== mac.at(-1)).map((c) => `${payload}.${mac.slice(0, -1)}${c}`);
    const middle = `${payload}.${mac.slice(0, 20)}${mac[20] === 'A' ? 'B' : 'A'}${mac.slice(21)}`;
    for (const forged of [...respelled, middle, `${payload}.${mac}=`, `${payload}.!!!!`, `${payload}x.${mac}`]) {
      await expect(tokens.verify(forged, 'id', 'k', 'u')).rejects.toThrow(
        expect.objectContaining({ code: 'token-invalid' }),
      );
    }
  });

  it('lets key() place objects by user, and never accepts an unsafe key from it', async () => {
    const placed = handler({ authorize: byHeader, key: (file, user) => `users/${user.id}/${file.filename}` });
    const answer = await call<{ key: string }>(placed, 'GET', '/params?filename=x.txt&size=1', {
      headers: { 'x-user': 'bob' },
    });
    expect(answer.json.key).toBe('users/bob/x.txt');
    for (const unsafe of ['/etc/passwd', 'a/../b', 'x'.repeat(1025)]) {
      const bad = handler({ key: () => unsafe });
      expect(await call(bad, 'GET', '/params?filename=x&size=1')).toMatchObject({
        status: 500,
        json: { code: 'internal' },
      });
    }
  });

  it('refuses keys with dot segments, plain or %2e-encoded, with a SigningError unsafe-key (browsers collapse them)', async () => {
    const dotted = ['a/./b/../c.txt', './a.txt', 'a/.', 'a/..', '..', 'a/%2e/b', 'a/%2E%2e/b', 'a/.%2E/b', 'a/%2e./b'];
    for (const key of dotted) {
      const errors: unknown[] = [];
      const bad = handler({ key: () => key, onError: (error) => errors.push(error) });
      for (const [method, path, body] of [
        ['GET', '/params?filename=x&size=1', undefined],
        ['POST', '/multipart', create],
      ] as const) {
        const answer = await call(bad, method, path, { body });
        expect(answer, `${key} (${method})`).toMatchObject({ status: 500, json: { code: 'internal' } });
        expect(answer.json.message).toMatch(/"\." or "\.\." segment/);
      }
      expect(errors).toHaveLength(2);
      for (const error of errors) {
        expect(isSigningError(error)).toBe(true);
        expect(error).toMatchObject({ name: 'SigningError', code: 'unsafe-key' });
      }
    }
    // Dots that are not whole segments are ordinary characters.
    for (const key of ['a/.b/c..txt', 'a/...', 'a/b.', 'a/%2ex']) {
      const fine = handler({ key: () => key });
      expect((await call(fine, 'GET', '/params?filename=x&size=1')).status, key).toBe(200);
    }
  });

  it('415 type-not-allowed outside allowedTypes, exact or by family', async () => {
    const h = handler({ allowedTypes: ['image/*', 'application/pdf'] });
    expect((await call(h, 'GET', '/params?filename=a.png&type=image/png&size=1')).status).toBe(200);
    expect((await call(h, 'GET', '/params?filename=a.pdf&type=application/pdf&size=1')).status).toBe(200);
    expect(await call(h, 'GET', '/params?filename=a.txt&type=text/plain&size=1')).toMatchObject({
      status: 415,
      json: { code: 'type-not-allowed' },
    });
    expect(await call(h, 'POST', '/multipart', { body: create })).toMatchObject({
      status: 415,
      json: { code: 'type-not-allowed' },
    });
  });

  it('413 too-large past maxFileSize, and 400 past maxParts', async () => {
    const h = handler({ maxFileSize: 6 * MiB, maxParts: 1 });
    expect(await call(h, 'GET', `/params?filename=a&size=${6 * MiB + 1}`)).toMatchObject({
      status: 413,
      json: { code: 'too-large' },
    });
    expect(await call(h, 'POST', '/multipart', { body: { ...create, size: 6 * MiB + 1 } })).toMatchObject({
      status: 413,
    });
    expect(await call(h, 'POST', '/multipart', { body: create })).toMatchObject({
      status: 400,
      json: { code: 'bad-request' },
    });
  });

  it('refuses to start with a maxFileSize or maxParts the store cannot honour, instead of clamping them', () => {
    const largest = 10_000 * 5 * 1024 ** 3; // S3's: 10,000 parts of 5 GiB
    expect(() => handler({ maxFileSize: largest + 1 })).toThrow(
      `maxFileSize must be a whole number of bytes from 1 to ${largest} (Amazon S3's largest object).`,
    );
    expect(() => handler({ maxFileSize: 0 })).toThrow(/maxFileSize must be/);
    expect(() => handler({ maxFileSize: 1.5 })).toThrow(/maxFileSize must be/);
    expect(() => handler({ maxParts: 10_001 })).toThrow(/maxParts must be/);
    expect(() => handler({ maxFileSize: largest })).not.toThrow();
  });

  it('413 for a request body over 1 MiB', async () => {
    const h = handler();
    const huge = JSON.stringify({ ...create, metadata: { pad: 'x'.repeat(1024 * 1024) } });
    expect(await call(h, 'POST', '/multipart', { body: huge })).toMatchObject({
      status: 413,
      json: { code: 'too-large' },
    });
  });
});

describe('withCors', () => {
  // Built per test: the store only exists once beforeAll has run.
  const cors = () => withCors(handler(), { origins: ['https://app.example'] });

  it('answers an allowed preflight with the methods and headers Ferry sends', async () => {
    const answer = await call(cors(), 'OPTIONS', '/multipart', { headers: { Origin: 'https://app.example' } });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(answer.headers.get('access-control-allow-headers')).toContain('X-Ferry-Upload-Token');
  });

  it('refuses a preflight from another origin (403 origin-not-allowed) and never answers with a wildcard', async () => {
    const h = cors();
    const answer = await call(h, 'OPTIONS', '/multipart', { headers: { Origin: 'https://evil.example' } });
    expect(answer).toMatchObject({ status: 403, json: { code: 'origin-not-allowed' } });
    const get = await call(h, 'GET', '/params?filename=a&size=1', { headers: { Origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const ok = await call(h, 'GET', '/params?filename=a&size=1', { headers: { Origin: 'https://app.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });
});
