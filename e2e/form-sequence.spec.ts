// Issue 15's "nothing left behind": one sequence of add, remove (deferred and delete-on-remove),
// cancel, reload, discard, resume and the sweeper, in the demo's plain HTML form against its own
// embedded store; then the bucket holds exactly what the saved form lists and no multipart upload
// is open.
import type {} from '@ferry/element';
import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { useDemo } from './support/use-demo.js';

const MiB = 1024 * 1024;
const sweepCli = fileURLToPath(new URL('../apps/demo/dist/sweep-cli.js', import.meta.url));
// A store of its own: everything under uploads/ in it is this test's.
const local = useDemo(test, { dataDirPrefix: 'ferry-e2e-sequence-' });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A file of random bytes on disk: picked twice, it is the same file (name, size, date) to the browser. */
async function fileOnDisk(name: string, size: number): Promise<{ name: string; path: string; sha256: string }> {
  const buffer = randomBytes(size);
  const path = join(local.dataDir, name);
  await writeFile(path, buffer);
  return { name, path, sha256: sha256(buffer) };
}

async function pick(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /drop files here/i }).click();
  await (await chooser).setFiles(paths);
}

interface Seen {
  readonly key: string;
  readonly state: string;
  readonly method: string;
}

/** Waits in the page until the upload of `name` reaches `state` (or fails). */
function reaches(page: Page, name: string, state: 'done' | 'cancelled' | 'uploading'): Promise<Seen> {
  return page.evaluate(
    ([name, state]) =>
      new Promise<Seen>((resolve, reject) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-state', ({ upload }) => {
          if (upload.name !== name) return;
          if (upload.state === 'error') reject(new Error(`${name} failed`));
          if (upload.state === state) resolve({ key: upload.key ?? '', state: upload.state, method: upload.method });
        });
      }),
    [name, state] as const,
  );
}

/** Waits until the multipart upload of `name` has a part stored, then pauses the element (parts in flight stop). */
function pausedAfterAPart(page: Page, name: string): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-progress', ({ upload }) => {
          if (upload.name !== name || upload.parts.done < 1) return;
          element.pause();
          resolve(upload.key!);
        });
      }),
    name,
  );
}

test('after add, remove, cancel, reload, discard, resume and sweep, then submit: no open multipart upload, and the bucket holds exactly the saved form', async ({
  page,
}) => {
  const prefix = 'uploads/saved-sequence/';
  const saved = ['s1.txt', 's2.txt'].map((name) => ({ key: `${prefix}${name}`, name, size: 5, type: 'text/plain' }));
  for (const file of saved) await local.store.putObject(file.key, new TextEncoder().encode('saved'), 'text/plain');
  local.demo.saved = saved;
  const [discarded, abandoned, resumed, multipart, cancelled, small] = await Promise.all([
    fileOnDisk('discarded.bin', 17 * MiB),
    fileOnDisk('abandoned.bin', 17 * MiB),
    fileOnDisk('resumed.bin', 17 * MiB),
    fileOnDisk('multipart.bin', 17 * MiB),
    fileOnDisk('cancelled.bin', 40 * MiB),
    fileOnDisk('small.txt', 2000),
  ]);
  await page.goto(new URL('form', local.demo.url).href);
  const uploader = page.locator('ferry-uploader');
  await expect(uploader.locator('[part~=row]')).toHaveCount(2);

  // Three multipart uploads, each stopped with a part stored; then the page reloads.
  const keys = new Map<string, string>();
  for (const file of [discarded, abandoned, resumed]) {
    const paused = pausedAfterAPart(page, file.name);
    await pick(page, [file.path]);
    keys.set(file.name, await paused);
  }
  expect((await local.store.openMultipartUploads()).length).toBe(3);
  await page.reload();
  const interrupted = uploader.locator('[part~=interrupted-row] [part~=name]');
  const listedNames = async () => (await interrupted.allTextContents()).sort();
  await expect.poll(listedNames).toEqual([abandoned.name, discarded.name, resumed.name]);

  // Discard one (aborted on the store), pick one again (it continues), leave one for the sweeper.
  await page.getByRole('button', { name: `Discard ${discarded.name}` }).click();
  await expect.poll(listedNames).toEqual([abandoned.name, resumed.name]);
  expect((await local.store.openMultipartUploads()).sort()).toHaveLength(2);
  const resumedDone = reaches(page, resumed.name, 'done');
  await pick(page, [resumed.path]);
  const resumedKey = (await resumedDone).key;
  expect(resumedKey).toBe(keys.get(resumed.name));
  await expect(interrupted).toHaveText([abandoned.name]);

  // Add a multipart file.
  const multipartDone = reaches(page, multipart.name, 'done');
  await pick(page, [multipart.path]);
  const multipartKey = (await multipartDone).key;
  expect(await local.store.objectSha256(multipartKey)).toBe(multipart.sha256);

  // Remove a saved file: deferred to the submit (its object stays until the server applies the form).
  await page.getByRole('button', { name: 'Remove s1.txt' }).click();
  expect(await local.store.objectKeys(prefix)).toEqual([`${prefix}s1.txt`, `${prefix}s2.txt`]);

  // With delete-on-remove (set before the upload, which notes its delete token), add a small file
  // (one PUT) and remove it once stored: deleted at once.
  await page.evaluate(() => {
    document.querySelector('ferry-uploader')!.deleteOnRemove = true;
  });
  const smallDone = reaches(page, small.name, 'done');
  await pick(page, [small.path]);
  const { key: smallKey, method } = await smallDone;
  expect(method).toBe('single');
  expect(await local.store.objectKeys(smallKey)).toEqual([smallKey]);
  await page.getByRole('button', { name: `Remove ${small.name}` }).click();
  await expect.poll(() => local.store.objectKeys(smallKey)).toEqual([]);
  // By now a DELETE sent by the deferred remove above would have landed too: s1.txt is still there.
  expect(await local.store.objectKeys(`${prefix}s1.txt`)).toEqual([`${prefix}s1.txt`]);

  // Cancel a multipart upload while it runs.
  const running = reaches(page, cancelled.name, 'uploading');
  const cancelledDone = reaches(page, cancelled.name, 'cancelled');
  await pick(page, [cancelled.path]);
  await running;
  await page.getByRole('button', { name: `Cancel ${cancelled.name}` }).click();
  await cancelledDone;
  // The cancelled state comes before the abort reaches the store: wait for it, so that the
  // sweeper finds the abandoned upload alone.
  await expect.poll(() => local.store.openMultipartUploads()).toEqual([keys.get(abandoned.name)]);

  // The sweeper, as an operator runs it, for the upload no browser came back for.
  const { stdout } = await promisify(execFile)(process.execPath, [sweepCli, '--older-than', '1s'], {
    env: { ...process.env, FERRY_PROVIDER: 'local', FERRY_DATA_DIR: local.dataDir },
  });
  expect(stdout).toContain(`aborted  ${keys.get(abandoned.name)!}`);
  expect(stdout).toMatch(/: 1 aborted, 0 already gone, 0 failed, 0 younger kept/);

  // Submit: the server deletes the removed saved file and saves kept + added.
  const value = await page.evaluate(() => [...new FormData(document.querySelector('form')!)]);
  expect(value).toEqual([
    ['attachments[kept][]', `${prefix}s2.txt`],
    ['attachments[added][]', resumedKey],
    ['attachments[added][]', multipartKey],
    ['attachments[removed][]', `${prefix}s1.txt`],
  ]);
  await page.getByRole('button', { name: 'Save' }).click();
  const listed = [`${prefix}s2.txt`, resumedKey, multipartKey];
  await expect(page.locator('#saved li')).toHaveText(listed);

  expect(await local.store.openMultipartUploads()).toEqual([]);
  expect(await local.store.objectKeys('uploads/')).toEqual([...listed].sort());
  expect(await local.store.objectSha256(resumedKey)).toBe(resumed.sha256);
});
