import { launchEngine, type EngineBrowser } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemo } from '../support/use-demo.js';

// The demo end to end in the engines Playwright cannot drive here: Firefox ESR (puppeteer) and
// WebKitGTK (WebDriver). Files are picked through the element's own file input, uploaded to the
// embedded store, and read back byte for byte.
const MiB = 1024 * 1024;
const local = useDemo({ beforeAll, afterAll }, { dataDirPrefix: 'ferry-engines-' });

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe.each(['firefox', 'webkit'] as const)('the demo in %s', (engine) => {
  let browser: EngineBrowser | undefined;
  beforeAll(async () => {
    browser = await launchEngine(engine);
  }, 60_000);
  afterAll(() => browser?.close());

  it('uploads picked files (a single PUT and a multipart upload), stored byte for byte', async () => {
    const small = randomBytes(1500);
    const large = randomBytes(12 * MiB);
    const paths = [join(local.dataDir, `${engine}-note.txt`), join(local.dataDir, `${engine}-video.bin`)];
    await writeFile(paths[0]!, small);
    await writeFile(paths[1]!, large);
    const page = await browser!.newPage();
    try {
      await page.goto(local.demo.url);
      await page.evaluate(() => customElements.whenDefined('ferry-uploader').then(() => true), undefined);
      // Collects every completed upload from here on.
      await page.evaluate(() => {
        const done: { name: string; key: string; method: string }[] = [];
        (globalThis as unknown as { ferryDone: typeof done }).ferryDone = done;
        document.querySelector('ferry-uploader')!.addEventListener('ferry-complete', ({ upload }) => {
          done.push({ name: upload.name, key: upload.key ?? '', method: upload.method });
        });
        return true;
      }, undefined);
      await page.setInputFiles(
        `document.querySelector('ferry-uploader').shadowRoot.querySelector('input[type=file]:not([webkitdirectory])')`,
        paths,
      );
      const done = await page.evaluate(async () => {
        const list = (globalThis as unknown as { ferryDone: { name: string; key: string; method: string }[] })
          .ferryDone;
        for (let waited = 0; list.length < 2 && waited < 60_000; waited += 100)
          await new Promise((resolve) => setTimeout(resolve, 100));
        return list;
      }, undefined);
      const byName = Object.fromEntries(done.map((upload) => [upload.name, upload]));
      expect(byName[`${engine}-note.txt`]?.method).toBe('single');
      expect(byName[`${engine}-video.bin`]?.method).toBe('multipart');
      expect(await local.store.objectSha256(byName[`${engine}-note.txt`]!.key)).toBe(sha256(small));
      expect(await local.store.objectSha256(byName[`${engine}-video.bin`]!.key)).toBe(sha256(large));
      expect(await local.store.openMultipartUploads()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
