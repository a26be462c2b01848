// @ferry/server's handler in Node 20, Deno, Bun and workerd (Cloudflare Workers' runtime): the same
// handler suite over HTTP in each, signing for the real signature-checking local store, and a
// Chromium upload through each runtime's endpoint stored byte for byte.
import { startLocalStore, type LocalStore } from '@ferry/local-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import { inspectStore, type StoreInspector } from '../store-inspector.js';
import { defineHandlerSuite } from './handler-suite.js';
import { RUNTIMES, startRuntimeHost, type RuntimeHost } from './runtime-hosts.js';
import { startUploadPage, type UploadPage } from './upload-page.js';

let directory: string;
let store: LocalStore;
let inspector: StoreInspector;
let page: UploadPage;
let browser: Browser;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ferry-runtimes-'));
  store = await startLocalStore({ directory });
  inspector = inspectStore(store);
  page = await startUploadPage();
  const puppeteer = (await import('puppeteer-core')).default;
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
});

afterAll(async () => {
  await browser.close();
  await page.close();
  inspector.close();
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

for (const runtime of RUNTIMES) {
  describe(`@ferry/server in ${runtime}`, () => {
    let host: RuntimeHost;

    beforeAll(async () => {
      host = await startRuntimeHost(runtime, {
        store: { endpoint: store.endpoint, bucket: store.bucket, region: store.region, credentials: store.credentials },
        secret: `runtime-suite-secret-${runtime}-0123456789abcdef`,
        origins: [page.origin],
      });
    }, 60_000);

    afterAll(async () => {
      await host.close();
    });

    it(`runs the ${runtime} binary itself`, async () => {
      expect(host.version).toMatch(
        runtime === 'workerd' ? /^workerd \d{4}-\d\d-\d\d/ : new RegExp(`^${runtime} v?\\d`),
      );
      // The handler answers there, with the protocol's error shape.
      const answer = await fetch(`${host.endpoint}/nowhere`);
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ code: 'not-found' });
    });

    defineHandlerSuite(() => ({ endpoint: host.endpoint, store: inspector }));

    it('a Chromium upload through this endpoint (multipart, 3 parts) is stored byte for byte', async () => {
      const tab = await browser.newPage();
      try {
        await tab.goto(page.origin);
        await tab.waitForFunction(() => 'ferryUpload' in globalThis);
        const result = await tab.evaluate(
          (endpoint) =>
            (
              globalThis as unknown as {
                ferryUpload: (endpoint: string, size: number) => Promise<{ key: string; sha256: string }>;
              }
            ).ferryUpload(endpoint, 11 * 1024 * 1024),
          host.endpoint,
        );
        expect(result.key).toMatch(/^uploads\/[0-9a-f-]{36}\/browser\.bin$/);
        expect(await inspector.objectSha256(result.key)).toBe(result.sha256);
      } finally {
        await tab.close();
      }
    });
  });
}
