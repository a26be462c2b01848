import type {} from '@ferry/element';
import { watchPartConcurrency } from '@ferry/testing';
import { expect, test, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useDemo } from './support/use-demo.js';

const MiB = 1024 * 1024;
const local = useDemo(test, { dataDirPrefix: 'ferry-e2e-' });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** `[partNumber, base64 SHA-256]` of each `partSize` slice of `data`: what each part's PUT must carry. */
const partSha256s = (data: Buffer, partSize: number): [number, string][] =>
  Array.from({ length: Math.ceil(data.length / partSize) }, (_, index) => [
    index + 1,
    createHash('sha256')
      .update(data.subarray(index * partSize, (index + 1) * partSize))
      .digest('base64'),
  ]);

/** Writes a file of random bytes to disk, as a person's file would be; returns its path and hash. */
async function randomFileOnDisk(name: string, size: number): Promise<{ path: string; sha256: string }> {
  const buffer = randomBytes(size);
  const path = join(local.dataDir, name);
  await writeFile(path, buffer);
  return { path, sha256: sha256(buffer) };
}

interface Stored {
  key: string;
  state: string;
  method: string;
}

/** Opens the demo and returns a promise of the next upload's final snapshot. */
async function open(page: Page): Promise<void> {
  await page.goto(local.demo.url);
  await page.locator('ferry-uploader').waitFor();
  await page.evaluate(() => customElements.whenDefined('ferry-uploader'));
}

/** Waits in the page for the next upload to finish (done, error or cancelled). */
function nextSettled(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-state', function onState(event) {
          const { upload } = event;
          if (['done', 'error', 'cancelled'].includes(upload.state)) {
            element.removeEventListener('ferry-state', onState);
            resolve({ key: upload.key ?? '', state: upload.state, method: upload.method });
          }
        });
      }),
  );
}

/**
 * Limits the page's upload bandwidth (Chromium's network emulation), as a real uplink would;
 * the returned function takes the page offline or back online at that bandwidth.
 */
async function throttleUploads(page: Page, bytesPerSecond: number): Promise<(offline: boolean) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const emulate = async (offline: boolean) => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond,
    });
  };
  await emulate(false);
  return emulate;
}

/** Picks files the way a person does: click the drop zone, choose in the file chooser. */
async function pick(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[] | string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /drop files here/i }).click();
  await (await chooser).setFiles(files);
}

test('a 1 KiB text file goes up in one PUT and is stored byte for byte as text/plain', async ({ page }) => {
  await open(page);
  const buffer = randomBytes(1024);
  const puts: string[] = [];
  const off = local.demo.store!.onRequest((request) => request.method === 'PUT' && puts.push(request.url));
  const settled = nextSettled(page);
  await pick(page, [{ name: 'note.txt', mimeType: 'text/plain', buffer }]);
  const upload = await settled;
  off();
  expect(upload).toMatchObject({ state: 'done', method: 'single' });
  expect(puts).toHaveLength(1);
  expect(puts[0]).not.toContain('partNumber');
  expect(await local.store.objectSha256(upload.key)).toBe(sha256(buffer));
  expect((await local.store.objectHead(upload.key)).contentType).toBe('text/plain');
  await expect(page.locator('#stored li')).toHaveCount(1);
  // The store is private: the object itself refuses an unsigned GET, and the page's link goes
  // through the demo server to a presigned one that serves the exact bytes.
  const direct = await page.request.get(`${local.demo.target.endpoint}/${local.demo.target.bucket}/${upload.key}`);
  expect(direct.status()).toBe(403);
  const href = await page.locator('#stored li a').getAttribute('href');
  const linked = await page.request.get(new URL(href!, local.demo.url).href);
  expect(linked.status()).toBe(200);
  expect(sha256(await linked.body())).toBe(sha256(buffer));
});

test('a 23 MiB random file goes up as multipart with several parts in flight, and reads back identical', async ({
  page,
}) => {
  await open(page);
  const file = await randomFileOnDisk('random.bin', 23 * MiB);
  const watch = watchPartConcurrency(local.demo.store!);
  const settled = nextSettled(page);
  await pick(page, file.path);
  const upload = await settled;
  watch.stop();
  expect(upload).toMatchObject({ state: 'done', method: 'multipart' });
  expect(watch.parts).toBe(3); // 8 MiB parts
  expect(watch.peak).toBeGreaterThanOrEqual(2);
  expect(await local.store.objectSha256(upload.key)).toBe(file.sha256);
});

test('with ?checksum=sha256 parts are hashed in the built hash worker: every part PUT carries its signed x-amz-checksum-sha256, and the object reads back identical', async ({
  page,
}) => {
  const worker = page.waitForEvent('worker');
  await page.goto(`${local.demo.url}?checksum=sha256`);
  await page.evaluate(() => customElements.whenDefined('ferry-uploader'));
  const buffer = randomBytes(19 * MiB);
  const path = join(local.dataDir, 'summed.bin');
  await writeFile(path, buffer);
  const sent = new Map<number, string | undefined>();
  page.on('request', (request) => {
    const part = /[?&]partNumber=(\d+)/.exec(request.url());
    if (request.method() === 'PUT' && part) sent.set(Number(part[1]), request.headers()['x-amz-checksum-sha256']);
  });
  const settled = nextSettled(page);
  await pick(page, path);
  const upload = await settled;
  expect(upload).toMatchObject({ state: 'done', method: 'multipart' });
  expect((await worker).url()).toMatch(/hash-worker/);
  expect([...sent.entries()].sort(([a], [b]) => a - b)).toEqual(partSha256s(buffer, 8 * MiB));
  expect(await local.store.objectSha256(upload.key)).toBe(sha256(buffer));
});

test('works on a 320 px wide phone screen: no horizontal scroll, and a 12 MiB file is stored byte for byte', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page);
  const file = await randomFileOnDisk('phone-video.mp4', 12 * 1024 * 1024);
  const settled = nextSettled(page);
  await pick(page, file.path);
  const upload = await settled;
  expect(upload.state).toBe('done');
  expect(await local.store.objectSha256(upload.key)).toBe(file.sha256);
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    return { scrollWidth, clientWidth };
  });
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const link = page.locator('#stored li a');
  await expect(link).toHaveCount(1);
  const box = (await link.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(clientWidth);
});

test('the stored Content-Type is the picked file’s type, or application/octet-stream without one', async ({ page }) => {
  await open(page);
  const png = nextSettled(page);
  await pick(page, [{ name: 'pixel.png', mimeType: 'image/png', buffer: randomBytes(300) }]);
  const pngUpload = await png;
  expect((await local.store.objectHead(pngUpload.key)).contentType).toBe('image/png');

  const untyped = nextSettled(page);
  await pick(page, [{ name: 'no-type', mimeType: '', buffer: randomBytes(300) }]);
  const untypedUpload = await untyped;
  expect(untypedUpload.state).toBe('done');
  expect((await local.store.objectHead(untypedUpload.key)).contentType).toBe('application/octet-stream');
});

test('cancel in the middle of a multipart upload leaves no multipart upload in the store', async ({ page }) => {
  await open(page);
  await throttleUploads(page, 32 * MiB);
  // Cancel with the row's own button as soon as the first part is stored, parts still in flight.
  await page.evaluate(() => {
    const element = document.querySelector('ferry-uploader')!;
    element.addEventListener('ferry-progress', function onProgress(event) {
      if (event.upload.parts.done < 1) return;
      element.removeEventListener('ferry-progress', onProgress);
      element.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Cancel cancel-me.bin"]')!.click();
    });
  });
  const settled = nextSettled(page);
  await pick(page, (await randomFileOnDisk('cancel-me.bin', 64 * MiB)).path);
  const upload = await settled;
  expect(upload.state).toBe('cancelled');
  await expect.poll(() => local.store.openMultipartUploads()).toEqual([]);
  await expect(local.store.objectHead(upload.key)).rejects.toThrow();
});

test('pause then resume gives an identical object without sending stored parts again', async ({ page }) => {
  await open(page);
  // 40 MiB at 32 MiB/s: the pause lands while parts are in flight, however fast the machine.
  await throttleUploads(page, 32 * MiB);
  const file = await randomFileOnDisk('pause-me.bin', 40 * MiB);
  const watch = watchPartConcurrency(local.demo.store!);
  // Pause as soon as the first part is stored, other parts still in flight.
  await page.evaluate(() => {
    const element = document.querySelector('ferry-uploader')!;
    element.addEventListener('ferry-progress', function onProgress(event) {
      if (event.upload.parts.done < 1) return;
      element.removeEventListener('ferry-progress', onProgress);
      element.pause();
    });
  });
  await pick(page, file.path);
  await expect(page.locator('ferry-uploader [data-state=paused]')).toHaveCount(1);
  // Nothing more is sent while paused.
  const partsBeforeResume = watch.parts;
  await page.waitForTimeout(300);
  expect(watch.parts).toBe(partsBeforeResume);
  const settled = nextSettled(page);
  await page.evaluate(() => document.querySelector('ferry-uploader')!.resume());
  const upload = await settled;
  watch.stop();
  expect(upload.state).toBe('done');
  // 5 parts of 8 MiB: at least one was stored before the pause and is not sent again.
  expect(watch.parts - partsBeforeResume).toBeLessThanOrEqual(4);
  expect(await local.store.objectSha256(upload.key)).toBe(file.sha256);
});

test('survives a 30 s outage: nothing is sent while offline, and the upload ends identical once back online', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await open(page);
  const setOffline = await throttleUploads(page, 16 * MiB);
  const file = await randomFileOnDisk('outage.bin', 48 * MiB);
  const watch = watchPartConcurrency(local.demo.store!);
  const firstPartStored = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-progress', function onProgress(event) {
          if (event.upload.parts.done < 1) return;
          element.removeEventListener('ferry-progress', onProgress);
          resolve();
        });
      }),
  );
  const settled = nextSettled(page);
  await pick(page, file.path);
  await firstPartStored;
  await setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.waitForTimeout(1000); // requests cut by the outage end
  const startedBeforeOutage = watch.parts;
  await page.waitForTimeout(30_000);
  expect(watch.parts).toBe(startedBeforeOutage); // nothing sent while offline, retries included
  await expect(page.locator('ferry-uploader [part=row]')).toHaveAttribute('data-state', 'uploading');
  await setOffline(false);
  const upload = await settled;
  watch.stop();
  expect(upload.state).toBe('done');
  expect(await local.store.objectSha256(upload.key)).toBe(file.sha256);
});

test('a reload in the middle of a 64 MiB upload: adding the file again sends only the missing parts', async ({
  page,
}) => {
  await open(page);
  await throttleUploads(page, 32 * MiB);
  const file = await randomFileOnDisk('reload.bin', 64 * MiB); // 8 parts of 8 MiB
  const watch = watchPartConcurrency(local.demo.store!);
  const twoPartsStored = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-progress', (event) => event.upload.parts.done >= 2 && resolve());
      }),
  );
  await pick(page, file.path);
  await twoPartsStored;
  await page.reload();
  await page.locator('ferry-uploader').waitFor();
  await page.evaluate(() => customElements.whenDefined('ferry-uploader'));
  const sentBefore = watch.parts;
  const settled = nextSettled(page);
  await pick(page, file.path);
  const upload = await settled;
  watch.stop();
  expect(upload.state).toBe('done');
  expect(watch.parts - sentBefore).toBeLessThanOrEqual(6); // the two stored parts are not sent again
  expect(await local.store.objectSha256(upload.key)).toBe(file.sha256);
});

test('a file changed on disk mid-upload fails with file-unreadable and leaves no multipart upload', async ({
  page,
}) => {
  await open(page);
  await throttleUploads(page, 16 * MiB);
  const file = await randomFileOnDisk('vanishing.bin', 48 * MiB);
  const firstPartStored = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-progress', (event) => event.upload.parts.done >= 1 && resolve());
      }),
  );
  const failed = page.evaluate(
    () =>
      new Promise<{ state: string; code: string | undefined; key: string }>((resolve) => {
        document.querySelector('ferry-uploader')!.addEventListener('ferry-state', (event) => {
          const { upload } = event;
          if (['done', 'error'].includes(upload.state))
            resolve({ state: upload.state, code: upload.error?.code, key: upload.key ?? '' });
        });
      }),
  );
  await pick(page, file.path);
  await firstPartStored;
  // Rewritten (another size and time): the browser's snapshot of the file no longer matches it.
  await writeFile(file.path, 'x');
  const { state, code, key } = await failed;
  expect(state).toBe('error');
  expect(code).toBe('file-unreadable');
  await expect.poll(async () => (await local.store.openMultipartUploads()).includes(key)).toBe(false);
});

/** The aria-label (or text) of what has focus inside the element, for keyboard-only tests. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('ferry-uploader')!.shadowRoot!.activeElement;
    return active?.getAttribute('aria-label') ?? active?.textContent.trim() ?? '';
  });

/** Presses Tab until `label` has focus (at most `limit` times). */
async function tabTo(page: Page, label: RegExp, limit = 10): Promise<void> {
  for (let i = 0; i < limit && !label.test(await focused(page)); i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(label);
}

test('keyboard only: tab to the drop zone, Enter opens the picker, the file uploads, Tab and Enter cancel it', async ({
  page,
}) => {
  await open(page);
  await throttleUploads(page, 8 * MiB);
  const file = await randomFileOnDisk('keyboard.bin', 40 * MiB);
  // Listen first: Playwright turns on file-chooser interception asynchronously, and a key press
  // (unlike click(), which waits for actionability) can beat it and open no chooser event.
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, /drop files here/i);
  await page.keyboard.press('Enter');
  const settled = nextSettled(page);
  await (await chooser).setFiles(file.path);
  await expect(page.locator('ferry-uploader [part=row]')).toHaveAttribute('data-state', 'uploading');
  await tabTo(page, /^Cancel keyboard\.bin$/);
  await page.keyboard.press('Enter');
  const upload = await settled;
  expect(upload.state).toBe('cancelled');
  await expect.poll(async () => (await local.store.openMultipartUploads()).length).toBe(0);
  // With the row cancelled, more files can still be added from the keyboard.
  await tabTo(page, /drop files here/i);
});

test('a picked folder keeps relative paths, and each of its files is stored byte for byte', async ({ page }) => {
  await open(page);
  const folder = join(local.dataDir, 'album');
  await mkdir(join(folder, 'raw'), { recursive: true });
  const files = { 'album/cover.txt': randomBytes(2000), 'album/raw/take-1.bin': randomBytes(9 * MiB) };
  for (const [path, buffer] of Object.entries(files)) await writeFile(join(local.dataDir, path), buffer);
  const done = page.evaluate(
    (count) =>
      new Promise<{ name: string; key: string }[]>((resolve) => {
        const stored: { name: string; key: string }[] = [];
        document.querySelector('ferry-uploader')!.addEventListener('ferry-complete', (event) => {
          stored.push({ name: event.upload.name, key: event.upload.key! });
          if (stored.length === count) resolve(stored);
        });
      }),
    Object.keys(files).length,
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a folder' }).click();
  await (await chooser).setFiles(folder);
  const stored = await done;
  for (const { name, key } of stored) {
    const path = Object.keys(files).find((p) => p.endsWith(`/${name}`))!;
    expect(await local.store.objectSha256(key)).toBe(sha256(files[path as keyof typeof files]));
  }
  const names = await page.locator('ferry-uploader [part=name]').allTextContents();
  expect(names.sort()).toEqual(Object.keys(files).sort());
});

test('plain.html loads the self-contained element file with one script tag and uploads through it', async ({
  page,
}) => {
  const scripts: string[] = [];
  // Vite's dev server adds its own client (/@vite/…, /@fs/…): everything else is the page's.
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'script' && !path.startsWith('/@')) scripts.push(path);
  });
  await page.goto(new URL('plain.html', local.demo.url).href);
  await page.evaluate(() => customElements.whenDefined('ferry-uploader'));
  // One script tag; what loads after is on demand from standalone/ (the interrupted-uploads list, once started).
  expect(scripts[0]).toBe('/ferry-uploader.js');
  expect(scripts.slice(1).every((path) => path.startsWith('/standalone/'))).toBe(true);
  const buffer = randomBytes(5000);
  const settled = nextSettled(page);
  await pick(page, [{ name: 'plain.bin', mimeType: 'application/octet-stream', buffer }]);
  const upload = await settled;
  expect(upload.state).toBe('done');
  expect(await local.store.objectSha256(upload.key)).toBe(sha256(buffer));
  // The list (its row) and the form value and validity came from standalone/ with the first file.
  await expect(page.locator('ferry-uploader [part=name]')).toHaveText('plain.bin');
  expect(scripts).toEqual(expect.arrayContaining(['/standalone/file-list.js', '/standalone/form.js']));
});

test('plain.html with checksum="sha256"": the checksum code and its hash worker load from standalone/ beside ferry-uploader.js, every part PUT carries its signed digest, and the object reads back identical', async ({
  page,
}) => {
  const scripts: string[] = [];
  const sent = new Map<number, string | undefined>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.resourceType() === 'script' && !pathname.startsWith('/@')) scripts.push(pathname);
    const part = /[?&]partNumber=(\d+)/.exec(request.url());
    if (request.method() === 'PUT' && part) sent.set(Number(part[1]), request.headers()['x-amz-checksum-sha256']);
  });
  const worker = page.waitForEvent('worker');
  await page.goto(new URL('plain.html', local.demo.url).href);
  await page.evaluate(() => customElements.whenDefined('ferry-uploader'));
  expect(scripts[0]).toBe('/ferry-uploader.js');
  expect(scripts).not.toContain('/standalone/checksums.js'); // nothing of the checksum code before the attribute
  await page.evaluate(() => document.querySelector('ferry-uploader')!.setAttribute('checksum', 'sha256'));
  const buffer = randomBytes(17 * MiB);
  const settled = nextSettled(page);
  await pick(page, [{ name: 'plain-summed.bin', mimeType: 'application/octet-stream', buffer }]);
  const upload = await settled;
  expect(upload).toMatchObject({ state: 'done', method: 'multipart' });
  expect(new URL((await worker).url()).pathname).toBe('/standalone/hash-worker.js');
  expect(scripts).toContain('/standalone/checksums.js');
  expect([...sent.entries()].sort(([a], [b]) => a - b)).toEqual(partSha256s(buffer, 8 * MiB));
  expect(await local.store.objectSha256(upload.key)).toBe(sha256(buffer));
});

test('a plain HTML form with existing files (<ferry-file>, standalone element): remove one, add one, post; the bucket holds exactly the kept and added', async ({
  page,
}) => {
  const prefix = 'uploads/saved-plain/';
  const saved = ['a.txt', 'b.txt'].map((name) => ({ key: `${prefix}${name}`, name, size: 5, type: 'text/plain' }));
  for (const file of saved) await local.store.putObject(file.key, new TextEncoder().encode('saved'), 'text/plain');
  local.demo.saved = saved;
  await page.goto(new URL('form', local.demo.url).href);
  const uploader = page.locator('ferry-uploader');
  await expect(uploader.locator('[part~=row]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove a.txt' }).click();
  await expect(uploader.locator('[part~=row]')).toHaveCount(1);
  const buffer = Buffer.from('added in a plain form');
  const settled = nextSettled(page);
  await pick(page, [{ name: 'c.txt', mimeType: 'text/plain', buffer }]);
  const upload = await settled;
  expect(upload.state).toBe('done');
  // The value the browser posts, read as the form has it.
  const value = await page.evaluate(() => [...new FormData(document.querySelector('form')!)]);
  expect(value).toEqual([
    ['attachments[kept][]', `${prefix}b.txt`],
    ['attachments[added][]', upload.key],
    ['attachments[removed][]', `${prefix}a.txt`],
  ]);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#saved li')).toHaveText([`${prefix}b.txt`, upload.key]);
  expect(await local.store.objectKeys(prefix)).toEqual([`${prefix}b.txt`]);
  expect(await local.store.objectSha256(upload.key)).toBe(sha256(buffer));
  // The page rendered after the post starts from the saved set.
  await expect(uploader.locator('[part~=row]')).toHaveCount(2);
});
