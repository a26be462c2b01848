// Builds the browser packages as a user's bundler would (minified, production), gzips them and
// fails above the budget: every kilobyte of @ferry/core and @ferry/element is paid by every user.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const budgets = [
  { name: '@ferry/core', entry: "export * from '@ferry/core';", budget: 8 * 1024 },
  {
    name: '@ferry/core + @ferry/element (Lit included)',
    entry: "export * from '@ferry/element'; export * from '@ferry/core';",
    budget: 20 * 1024,
  },
];

let failed = false;
for (const { name, entry, budget } of budgets) {
  const result = await build({
    stdin: { contents: entry, resolveDir: new URL('../packages/element', import.meta.url).pathname },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const over = gzipped > budget;
  failed ||= over;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${over ? "OVER" : "ok  "} ${name}: ${kb(code.length)} min, ${kb(gzipped)} min+gzip = ${gzipped} bytes (budget ${budget})`);
}
if (failed) {
  console.error('size budget exceeded');
  process.exit(1);
}
