import { startTestStack, type TestStack } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Uploader, type UploadSnapshot } from './index.js';

// Edge sizes and hostile names, uploaded for real and read back.
const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

async function upload(size: number, name = 'f.bin') {
  const data = new Uint8Array(randomBytes(size));
  const uploader = new Uploader({ endpoint: stack.endpoint, partSize: 5 * MiB });
  const { id } = uploader.add(new File([data], name));
  const final = await new Promise<UploadSnapshot>((resolve) =>
    uploader.on(
      'state',
      ({ upload }) => upload.id === id && ['done', 'error'].includes(upload.state) && resolve(upload),
    ),
  );
  return { final, sha256: createHash('sha256').update(data).digest('hex') };
}

describe('edge sizes', () => {
  for (const [what, size, method, parts] of [
    ['an empty file', 0, 'single', 1],
    ['a 1-byte file', 1, 'single', 1],
    ['exactly one part size', 5 * MiB, 'single', 1],
    ['one part size + 1 byte', 5 * MiB + 1, 'multipart', 2],
  ] as const) {
    it(`stores ${what} byte for byte (${method}, ${parts} part${parts > 1 ? 's' : ''})`, async () => {
      const { final, sha256 } = await upload(size);
      expect(final.state).toBe('done');
      expect(final.method).toBe(method);
      expect(final.parts.total).toBe(parts);
      expect(final.bytesSent).toBe(size);
      expect(await stack.objectSha256(final.key!)).toBe(sha256);
      expect((await stack.objectHead(final.key!)).size).toBe(size);
    });
  }
});

describe('hostile file names', () => {
  for (const name of [
    'été 東京 🚀.txt',
    'with  spaces .txt',
    '../../etc/passwd',
    'dir/sub\\\\file.txt',
    'control\u0000\u0007\u001b[31m.txt',
    `${'long'.repeat(300)}.txt`,
  ]) {
    it(`keeps the object safe for ${JSON.stringify(name.slice(0, 24))}…`, async () => {
      const { final, sha256 } = await upload(10, name);
      expect(final.state).toBe('done');
      const key = final.key!;
      expect(key.startsWith('uploads/')).toBe(true);
      expect(key.split('/')).not.toContain('..');
      // eslint-disable-next-line no-control-regex -- control characters are what the key must not hold
      expect(key).not.toMatch(/[\u0000-\u001f\u007f\\\\]/);
      expect(key.split('/')).toHaveLength(3); // prefix / id / name: no directories from the name
      expect(Buffer.byteLength(key)).toBeLessThanOrEqual(1024);
      expect(await stack.objectSha256(key)).toBe(sha256);
    });
  }

  it('refuses a name over 4,096 characters with a typed error and stores nothing', async () => {
    const { final } = await upload(10, 'x'.repeat(5000));
    expect(final.state).toBe('error');
    expect(final.error).toMatchObject({ code: 'endpoint', status: 400, serverCode: 'bad-request' });
    expect(final.error?.message).toMatch(/filename/);
  });
});
