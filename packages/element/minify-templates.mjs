// Minifies the Lit `html` and `css` templates of the built files with minify-literals
// (html-minifier-next and Lightning CSS): bundlers leave template literals as they are, so every
// user would otherwise download our indentation (about 1.5 KB gzipped of core + element).
import { minifyHTMLLiterals } from 'minify-literals';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = new URL('./dist/', import.meta.url).pathname;
for (const entry of await readdir(dist, { recursive: true })) {
  if (!entry.endsWith('.js')) continue;
  const file = join(dist, entry);
  // No source map of its own: the compiler's maps stay, a few columns off inside templates.
  const result = await minifyHTMLLiterals(await readFile(file, 'utf8'), { fileName: file, sourceMap: false });
  if (result) await writeFile(file, result.code);
}
