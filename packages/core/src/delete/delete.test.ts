import { startTestStack, type TestStack } from '@ferry/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEndpoint, Uploader, type UploadSnapshot } from '../index.js';
import { deleteObject, isDeleteRefusedError, recordDeleteTokens } from './index.js';

const MiB = 1024 * 1024;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

/** Uploads `file` through an endpoint whose delete tokens `tokens` records; the finished snapshot. */
function upload(tokens: ReturnType<typeof recordDeleteTokens>, file: File): Promise<UploadSnapshot> {
  const uploader = new Uploader({
    endpoint: createHttpEndpoint({ url: stack.endpoint, fetch: tokens.fetch }),
    partSize: 5 * MiB,
  });
  const { id } = uploader.add(file);
  return new Promise((resolve) =>
    uploader.on(
      'state',
      ({ upload }) => upload.id === id && ['done', 'error'].includes(upload.state) && resolve(upload),
    ),
  );
}

const stored = (key: string) =>
  stack.objectHead(key).then(
    () => true,
    () => false,
  );

describe('@ferry/core/delete', () => {
  it('deletes what a single PUT and a multipart upload just stored, with their own delete tokens', async () => {
    const tokens = recordDeleteTokens();
    const small = await upload(tokens, new File([randomBytes(2000)], 'small.txt'));
    const big = await upload(tokens, new File([randomBytes(6 * MiB)], 'big.bin'));
    for (const done of [small, big]) {
      expect(done.state).toBe('done');
      expect(await stored(done.key!)).toBe(true);
      expect(tokens.tokenFor(done.key!)).toMatch(/^[\w-]+\.[\w-]+$/);
      await deleteObject({ url: stack.endpoint, key: done.key!, deleteToken: tokens.tokenFor(done.key!) });
      expect(await stored(done.key!)).toBe(false);
    }
  });

  it('throws DeleteRefusedError for a foreign key or no token, and the objects stay', async () => {
    const tokens = recordDeleteTokens();
    const mine = await upload(tokens, new File([randomBytes(100)], 'mine.txt'));
    const theirs = await upload(recordDeleteTokens(), new File([randomBytes(100)], 'theirs.txt'));
    const refusal = (key: string, deleteToken?: string) =>
      deleteObject({ url: stack.endpoint, key, deleteToken }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const foreign = await refusal(theirs.key!, tokens.tokenFor(mine.key!));
    expect(isDeleteRefusedError(foreign)).toBe(true);
    expect(foreign).toMatchObject({ code: 'endpoint', status: 403, serverCode: 'token-invalid', key: theirs.key });
    const none = await refusal(mine.key!);
    expect(none).toMatchObject({ name: 'EndpointError', serverCode: 'delete-not-allowed' });
    expect(isDeleteRefusedError(none)).toBe(true);
    expect(await stored(mine.key!)).toBe(true);
    expect(await stored(theirs.key!)).toBe(true);
  });

  it('says endpoint-unreachable when no endpoint answers', async () => {
    const error = await deleteObject({ url: 'http://127.0.0.1:1/api', key: 'k' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'EndpointError', code: 'endpoint-unreachable', operation: 'delete-object' });
    expect(isDeleteRefusedError(error)).toBe(false);
  });
});
