import { expect, test } from '@playwright/test';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every story of the built Storybook (storybook-static, made by `storybook build` in
// scripts/test.sh) opened in Chromium: it renders <ferry-uploader>, logs no console error, and
// axe-core finds no violation in it.
const staticDir = fileURLToPath(new URL('../storybook-static', import.meta.url));
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Story id prefixes of ferry-uploader/Forms, the rows (or entries) each shows, and their names in order. */
const FORM_STORIES: readonly (readonly [string, string, string[]])[] = [
  ['ferry-uploader-forms--existing-kept-', '[part~=row]', ['photo.jpg', 'report.pdf', 'minutes.docx']],
  ['ferry-uploader-forms--existing-removed-', '[part~=row]', ['photo.jpg', 'minutes.docx', 'budget.csv']],
  ['ferry-uploader-forms--interrupted-one-', '[part~=interrupted-row]', ['holiday-video.mp4']],
  ['ferry-uploader-forms--interrupted-two-', '[part~=interrupted-row]', ['holiday-video.mp4', 'site-backup.tar']],
];

let server: Server;
const missing: string[] = [];
let base: string;

test.beforeAll(async () => {
  expect(
    existsSync(join(staticDir, 'index.json')),
    'run `pnpm exec storybook build` first (scripts/test.sh does)',
  ).toBe(true);
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    // The browser asks for a favicon on its own; Storybook ships none.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = join(staticDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(staticDir) || !existsSync(file)) {
      missing.push(path);
      response.writeHead(404).end();
      return;
    }
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('every story renders the element with no console error and no axe violation', async ({ page }) => {
  const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8')) as {
    entries: Record<string, { type: string; id: string }>;
  };
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  expect(stories.length).toBeGreaterThanOrEqual(12);
  // About 1.5 s a story on this machine (axe included); room for a busy one, growing with the stories.
  test.setTimeout(stories.length * 4_000);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  const axe = await axeSource;
  for (const { id } of stories) {
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
    const element = page.locator('#storybook-root ferry-uploader');
    await expect(element, id).toHaveCount(1);
    await page.evaluate(() => customElements.whenDefined('ferry-uploader'));
    await expect(element.locator('.dropzone'), id).toBeVisible();
    // The form stories show what they are named for: the existing rows, the interrupted entries.
    const shown = FORM_STORIES.find(([prefix]) => id.startsWith(prefix));
    if (shown) await expect(element.locator(shown[1]).locator('[part~=name]'), id).toHaveText(shown[2]);
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const { violations } = await (
        window as unknown as {
          axe: { run: (context: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe.run({
        include: [['#storybook-root']],
      });
      return violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    expect(violations, id).toEqual([]);
  }
  expect({ errors, missing }).toEqual({ errors: [], missing: [] });
});
