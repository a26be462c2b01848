import { startDemo, type Demo } from '@ferry/demo';
import { inspectStore, launchEngine, type EngineBrowser, type StoreInspector } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The demo end to end in the engines Playwright cannot drive here: Firefox ESR (puppeteer) and
// WebKitGTK (WebDriver). Files are picked through the element's own file input, uploaded to the
// embedded store, and read back byte for byte.
const MiB = 1024 * 1024;
let demo: Demo | undefined;
let store: StoreInspector;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ferry-engines-'));
  demo = await startDemo({ port: 0, storePort: 0, dataDir, env: { FERRY_PROVIDER: 'local' } });
  store = inspectStore(demo.store!);
});

afterAll(async () => {
  store.close();
  await demo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

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
    const paths = [join(dataDir, `${engine}-note.txt`), join(dataDir, `${engine}-video.bin`)];
    await writeFile(paths[0]!, small);
    await writeFile(paths[1]!, large);
    const page = await browser!.newPage();
    try {
      await page.goto(demo!.url);
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
      expect(await store.objectSha256(byName[`${engine}-note.txt`]!.key)).toBe(sha256(small));
      expect(await store.objectSha256(byName[`${engine}-video.bin`]!.key)).toBe(sha256(large));
      expect(await store.openMultipartUploads()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
