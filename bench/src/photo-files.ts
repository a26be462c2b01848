import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchBrowser } from './bench-browser.js';

/** What the thumbnail page offers to make images (see page/thumbnails.ts). */
interface PhotoPage {
  thumbnails: { photo(index: number, width: number, height: number): Promise<string> };
}

/**
 * Paths of `count` distinct camera-sized JPEGs (`width`×`height`, textured so each weighs a few
 * MB, as a photo does), made by the browser's own encoder on the page at `pageUrl` and kept in the
 * system's temporary directory, so later runs reuse them. Their making is never measured.
 */
export async function photoFiles(
  browser: BenchBrowser,
  pageUrl: string,
  count: number,
  width: number,
  height: number,
): Promise<string[]> {
  // The version in the name changes whenever the page draws them differently.
  const dir = join(tmpdir(), `ferry-bench-photos-v1-${width}x${height}`);
  await mkdir(dir, { recursive: true });
  const present = new Set(await readdir(dir));
  const names = Array.from({ length: count }, (_, i) => `photo-${String(i).padStart(4, '0')}.jpg`);
  const paths = names.map((name) => join(dir, name));
  const missing = names.flatMap((name, i) => (present.has(name) ? [] : [i]));
  if (missing.length === 0) return paths;
  process.stderr.write(`making ${missing.length} JPEGs of ${width}×${height} in ${dir} (not measured)\n`);
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl);
    for (const index of missing) {
      const dataUrl = await page.evaluate(
        ({ index, width, height }) => (globalThis as unknown as PhotoPage).thumbnails.photo(index, width, height),
        { index, width, height },
      );
      const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      // Written aside and renamed, so an interrupted run never leaves half a JPEG to reuse.
      await writeFile(`${paths[index]!}.part`, bytes);
      await rename(`${paths[index]!}.part`, paths[index]!);
    }
  } finally {
    await page.close();
  }
  return paths;
}
