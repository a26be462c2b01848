// Builds the browser packages as a user's bundler would (minified, production, code split), gzips
// them and fails when the code a page loads up front passes its budget: every kilobyte of
// @ferry/core and @ferry/element is paid by every user. Chunks loaded on demand (a language other
// than English) are printed beside it, paid only by pages that use them.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BROWSER_TARGETS } from './browser-targets.mjs';

const budgets = [
  // Budgets set by issue 13 (no more byte-golfing): core 10 KB, core + element 24 KB, standalone 25 KB.
  { name: '@ferry/core', entry: "export * from '@ferry/core';", budget: 10 * 1024 },
  {
    name: '@ferry/core + @ferry/element (Lit included)',
    entry: "export * from '@ferry/element'; export * from '@ferry/core';",
    budget: 24 * 1024,
  },
];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let failed = false;
for (const { name, entry, budget } of budgets) {
  const outdir = mkdtempSync(join(tmpdir(), 'ferry-size-'));
  const result = await build({
    stdin: {
      contents: entry,
      resolveDir: new URL('../packages/element', import.meta.url).pathname,
      sourcefile: 'entry.js',
    },
    bundle: true,
    splitting: true,
    outdir,
    minify: true,
    format: 'esm',
    target: BROWSER_TARGETS,
    write: false,
    metafile: true,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  rmSync(outdir, { recursive: true, force: true });
  const sizes = new Map(
    result.outputFiles.map((file) => [
      file.path,
      { min: file.contents.length, gzip: gzipSync(file.contents, { level: 9 }).length },
    ]),
  );
  // Up front: the entry chunk and every chunk it imports statically.
  const outputs = result.metafile.outputs;
  // The page's own entry; the chunks of dynamic imports are entry points too in the metafile.
  const entryPath = Object.keys(outputs).find((path) => /(^|\/)entry\.js$/.test(outputs[path].entryPoint ?? ''));
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const { path: child, kind } of outputs[path].imports)
      if (kind === 'import-statement' && outputs[child]) visit(child);
  };
  visit(entryPath);
  const absolute = (path) => join(process.cwd(), path);
  let min = 0;
  let gzipped = 0;
  for (const path of eager) {
    const size = sizes.get(absolute(path));
    min += size.min;
    gzipped += size.gzip;
  }
  const over = gzipped > budget;
  failed ||= over;
  console.log(
    `${over ? 'OVER' : 'ok  '} ${name}: ${kb(min)} min, ${kb(gzipped)} min+gzip = ${gzipped} bytes up front (budget ${budget})`,
  );
  for (const path of Object.keys(outputs).filter((path) => !eager.has(path) && !path.endsWith('.map'))) {
    const inputs = Object.keys(outputs[path].inputs)
      .map((input) => input.replace(/.*\/dist\//, ''))
      .join(', ');
    console.log(`       on demand: ${inputs}: ${sizes.get(absolute(path)).gzip} bytes min+gzip`);
  }
}
// The single-file build for plain pages (Lit and core inside), exactly as it ships.
const standalone = new URL('../packages/element/dist/ferry-uploader.js', import.meta.url);
const standaloneBytes = gzipSync(readFileSync(standalone), { level: 9 }).length;
const standaloneBudget = 25 * 1024;
const standaloneOver = standaloneBytes > standaloneBudget;
failed ||= standaloneOver;
console.log(
  `${standaloneOver ? 'OVER' : 'ok  '} @ferry/element/standalone (ferry-uploader.js): ${kb(standaloneBytes)} min+gzip = ${standaloneBytes} bytes (budget ${standaloneBudget})`,
);

if (failed) {
  console.error('size budget exceeded');
  process.exit(1);
}
