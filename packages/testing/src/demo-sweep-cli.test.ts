// The demo's sweep command (`pnpm --filter @ferry/demo sweep`), run as users run it (the built
// CLI in a child process), over an embedded store's data folder.
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { startLocalStore, type LocalStore } from '@ferry/local-store';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../../../apps/demo/dist/sweep-cli.js', import.meta.url));
let store: LocalStore;
let client: S3Client;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ferry-sweep-cli-'));
  store = await startLocalStore({ directory });
  client = new S3Client({
    region: store.region,
    endpoint: store.endpoint,
    credentials: store.credentials,
    forcePathStyle: true,
  });
});

afterAll(async () => {
  client.destroy();
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

const sweep = (...args: string[]) =>
  promisify(execFile)(process.execPath, [cli, ...args], {
    env: { ...process.env, FERRY_PROVIDER: 'local', FERRY_DATA_DIR: directory },
  });

const openKeys = async () =>
  ((await client.send(new ListMultipartUploadsCommand({ Bucket: store.bucket }))).Uploads ?? []).map(
    (upload) => upload.Key,
  );

it('aborts the uploads under the prefix older than --older-than, and reports them', async () => {
  for (const key of ['uploads/a/1.bin', 'uploads/b/2.bin', 'other/3.bin']) {
    await client.send(new CreateMultipartUploadCommand({ Bucket: store.bucket, Key: key }));
  }
  const young = await sweep('--older-than', '1h', '--prefix', 'uploads/');
  expect(young.stdout).toContain('0 aborted, 0 already gone, 0 failed, 2 younger kept');
  expect((await openKeys()).sort()).toEqual(['other/3.bin', 'uploads/a/1.bin', 'uploads/b/2.bin']);

  await new Promise((resolve) => setTimeout(resolve, 50));
  const old = await sweep('--older-than', '10ms', '--prefix', 'uploads/');
  expect(old.stdout).toMatch(/aborted {2}uploads\/a\/1\.bin/);
  expect(old.stdout).toContain('2 aborted, 0 already gone, 0 failed, 0 younger kept, 1 page(s)');
  expect(await openKeys()).toEqual(['other/3.bin']);

  await expect(sweep('--older-than', 'soon')).rejects.toThrow(/not a duration/);
});
