import type {} from '@ferry/element';
import { expect, test } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useDemo } from './support/use-demo.js';

// A demo whose signing server hands out URLs that live 5 seconds, on a slow uplink.
const MiB = 1024 * 1024;
const local = useDemo(test, { dataDirPrefix: 'ferry-expiry-', env: { FERRY_URL_LIFETIME: '5' } });

test('URLs that expire during a slow upload are signed again before use: no 403, identical object', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const buffer = randomBytes(48 * MiB);
  const path = join(local.dataDir, 'slow.bin');
  await writeFile(path, buffer);
  await page.goto(local.demo.url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // 48 MiB at 4 MiB/s: about 12 s, more than two URL lifetimes.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 4 * MiB,
  });
  const signingCalls: string[] = [];
  page.on('request', (request) => request.url().includes('/batch') && signingCalls.push(request.url()));
  const statuses: number[] = [];
  const off = local.demo.store!.onRequest((request) => {
    if (request.method === 'PUT') void request.finished.then((status) => statuses.push(status));
  });
  const settled = page.evaluate(
    () =>
      new Promise<{ state: string; key: string }>((resolve) => {
        const element = document.querySelector('ferry-uploader')!;
        element.addEventListener('ferry-state', (event) => {
          const { upload } = event;
          if (['done', 'error'].includes(upload.state)) resolve({ state: upload.state, key: upload.key ?? '' });
        });
      }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /drop files here/i }).click();
  await (await chooser).setFiles(path);
  const upload = await settled;
  off();
  expect(upload.state).toBe('done');
  expect(signingCalls.length).toBeGreaterThan(1); // the first batch alone would have expired
  expect(statuses.filter((status) => status === 403)).toEqual([]);
  expect(await local.store.objectSha256(upload.key)).toBe(createHash('sha256').update(buffer).digest('hex'));
});
