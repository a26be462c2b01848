import { launchEngine, type EngineBrowser, type EnginePage } from '@ferry/testing';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemo } from '../support/use-demo.js';
import type { UppyOutcome } from '../uppy-app/main.js';

// e2e/uppy.spec.ts in Firefox ESR and WebKitGTK: Uppy 6 against @ferry/server's Companion mode
// (a form upload, a multipart upload, a cancel), stored byte for byte in the local store.
const MiB = 1024 * 1024;
const local = useDemo(
  { beforeAll, afterAll },
  { dataDirPrefix: 'ferry-uppy-engines-', app: fileURLToPath(new URL('../uppy-app', import.meta.url)) },
);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe.each(['firefox', 'webkit'] as const)('Uppy 6 against Companion mode in %s', (engine) => {
  let browser: EngineBrowser | undefined;
  beforeAll(async () => {
    browser = await launchEngine(engine);
  }, 60_000);
  afterAll(() => browser?.close());

  /** Picks `files` on the Uppy page, then runs `act` in it. */
  async function run<T>(files: Record<string, Buffer>, act: (page: EnginePage) => Promise<T>): Promise<T> {
    const paths = await Promise.all(
      Object.entries(files).map(async ([name, data]) => {
        const path = join(local.dataDir, `${engine}-${name}`);
        await writeFile(path, data);
        return path;
      }),
    );
    const page = await browser!.newPage();
    try {
      await page.goto(local.demo.url);
      await page.evaluate(async () => {
        for (let waited = 0; !('uppyTest' in window) && waited < 10_000; waited += 50)
          await new Promise((resolve) => setTimeout(resolve, 50));
        return true;
      }, undefined);
      await page.setInputFiles(`document.querySelector('#files')`, paths);
      return await act(page);
    } finally {
      await page.close();
    }
  }

  it('a single request (POST form) and a multipart upload, stored byte for byte', async () => {
    const files = { 'form.txt': randomBytes(1500), 'parts.bin': randomBytes(12 * MiB) };
    for (const multipart of [false, true]) {
      const outcomes = await run(files, (page) =>
        page.evaluate((options): Promise<UppyOutcome[]> => window.uppyTest.upload(options), { multipart }),
      );
      expect(outcomes).toHaveLength(2);
      for (const outcome of outcomes) {
        const name = outcome.name.slice(engine.length + 1) as keyof typeof files;
        expect(await local.store.objectSha256(outcome.key)).toBe(sha256(files[name]));
      }
    }
    expect(await local.store.openMultipartUploads()).toEqual([]);
  }, 120_000);

  it('cancel aborts the multipart upload on the store', async () => {
    await run({ 'cancelled.bin': randomBytes(24 * MiB) }, (page) =>
      page.evaluate((parts) => window.uppyTest.cancelAfterParts(parts), 1),
    );
    let open = await local.store.openMultipartUploads();
    for (let waited = 0; open.length > 0 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await local.store.openMultipartUploads();
    }
    expect(open).toEqual([]);
  }, 120_000);
});
