import { expect, test, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UppyOutcome } from './uppy-app/main.js';
import { useDemo } from './support/use-demo.js';

// Uppy 6 (@uppy/core + @uppy/aws-s3, `companionEndpoint` at the demo's /api/uploads) against
// @ferry/server's Companion mode, through the real signature- and policy-checking local store.
const KiB = 1024;
const MiB = 1024 * KiB;
const local = useDemo(test, {
  dataDirPrefix: 'ferry-uppy-',
  app: fileURLToPath(new URL('uppy-app', import.meta.url)),
});

/** Random bytes on disk, as a person's file would be; returns the path and its SHA-256. */
async function fileOnDisk(name: string, size: number): Promise<{ path: string; sha256: string }> {
  const buffer = randomBytes(size);
  const path = join(local.dataDir, name);
  await writeFile(path, buffer);
  return { path, sha256: createHash('sha256').update(buffer).digest('hex') };
}

async function pick(page: Page, paths: string[]): Promise<void> {
  await page.goto(local.demo.url);
  await page.waitForFunction(() => 'uppyTest' in window);
  await page.setInputFiles('#files', paths);
}

/** Uploads with Uppy and checks every file was stored byte for byte at the key the server chose. */
async function uploadAndCompare(page: Page, sizes: Record<string, number>, multipart: boolean): Promise<void> {
  const files = await Promise.all(
    Object.entries(sizes).map(async ([name, size]) => ({ name, size, ...(await fileOnDisk(name, size)) })),
  );
  await pick(
    page,
    files.map((file) => file.path),
  );
  const outcomes = await page.evaluate((options) => window.uppyTest.upload(options), { multipart });
  expect(outcomes.map((outcome: UppyOutcome) => outcome.name).sort()).toEqual(files.map((file) => file.name).sort());
  for (const file of files) {
    const outcome = outcomes.find((entry) => entry.name === file.name)!;
    expect(outcome.key).toMatch(new RegExp(`^uploads/[0-9a-f-]{36}/${file.name.replace('.', '\\.')}$`));
    expect(outcome.location).toContain(encodeURI(outcome.key));
    expect(await local.store.objectSha256(outcome.key)).toBe(file.sha256);
    expect((await local.store.objectHead(outcome.key)).size).toBe(file.size);
  }
}

test('single requests (Uppy’s default below 100 MiB: a POST policy form): 1 KiB and 20 MiB, byte for byte', async ({
  page,
}) => {
  const posts: string[] = [];
  local.demo.store!.onRequest((request) => request.method === 'POST' && posts.push(request.url));
  await uploadAndCompare(page, { 'one-kib.txt': KiB, 'twenty-mib.bin': 20 * MiB }, false);
  expect(posts).toHaveLength(2); // two form uploads, no multipart upload
});

test('multipart: 1 KiB, 20 MiB and 64 MiB, byte for byte, nothing left open', async ({ page }) => {
  await uploadAndCompare(page, { 'small.bin': KiB, 'medium.bin': 20 * MiB, 'large.bin': 64 * MiB }, true);
  expect(await local.store.openMultipartUploads()).toEqual([]);
});

test('cancel aborts the multipart upload on the store: ListMultipartUploads is empty afterwards', async ({ page }) => {
  const file = await fileOnDisk('cancelled.bin', 64 * MiB);
  await pick(page, [file.path]);
  const aborts: Promise<number>[] = [];
  local.demo.store!.onRequest((request) => request.method === 'DELETE' && aborts.push(request.finished));
  await page.evaluate(() => window.uppyTest.cancelAfterParts(2));
  // Uppy sends the abort without waiting for it: wait for the store to have answered it.
  await expect.poll(() => aborts.length).toBe(1);
  expect(await aborts[0]).toBe(204);
  expect(await local.store.openMultipartUploads()).toEqual([]);
});
