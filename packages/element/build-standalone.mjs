// The self-contained build for pages without a bundler: dist/ferry-uploader.js holds Lit,
// @ferry/core and the element in one ES module file. What only some pages need loads on demand
// from dist/standalone/ beside it, as a bundler's chunks would: the IndexedDB resume store (the
// first multipart upload), the checksum code (the `checksum` attribute) with its hash worker.
// One file up front, with no import of its own, so a page needs a single script tag.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { BROWSER_TARGETS } from '../../scripts/browser-targets.mjs';

const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: BROWSER_TARGETS,
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  charset: 'utf8',
  logLevel: 'warning',
};

/** The element's on-demand imports, and the file each one is in dist/standalone/. */
const onDemand = {
  '@ferry/core/resume': 'resume',
  './checksummed-uploader.js': 'checksums',
  './resized-options.js': 'resize',
  '../controllers/before-upload-event.js': 'before-upload',
};

await rm('dist/standalone', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['dist/standalone.js'],
  outfile: 'dist/ferry-uploader.js',
  plugins: [
    {
      name: 'ferry-on-demand',
      setup(context) {
        // Left as imports of the sidecar files, resolved by the browser next to ferry-uploader.js.
        context.onResolve(
          {
            filter:
              /^(@ferry\/core\/resume|\.\/checksummed-uploader\.js|\.\/resized-options\.js|\.\.\/controllers\/before-upload-event\.js)$/,
          },
          ({ path, kind }) =>
            kind === 'dynamic-import' ? { path: `./standalone/${onDemand[path]}.js`, external: true } : undefined,
        );
      },
    },
  ],
});
// The sidecars, sharing one chunk of what they both need (their own copy of core's errors and
// endpoint code: only pages that load them pay for it).
await build({
  ...common,
  entryPoints: {
    resume: '@ferry/core/resume',
    checksums: 'dist/controllers/checksummed-uploader.js',
    resize: 'dist/controllers/resized-options.js',
    'before-upload': 'dist/controllers/before-upload-event.js',
  },
  outdir: 'dist/standalone',
  splitting: true,
  chunkNames: 'chunk-[hash]',
});
// createWorkerHasher() starts `new URL('./hash-worker.js', import.meta.url)`: beside the checksums file.
await mkdir('dist/standalone', { recursive: true });
const hashWorker = createRequire(import.meta.url)
  .resolve('@ferry/core/checksums')
  .replace(/index\.js$/, 'hash-worker.js');
await copyFile(hashWorker, 'dist/standalone/hash-worker.js');
// createImageResizer() starts `new URL('./resize-worker.js', import.meta.url)`: beside the resize file.
const resizeWorker = createRequire(import.meta.url)
  .resolve('@ferry/core/resize')
  .replace(/index\.js$/, 'resize-worker.js');
await copyFile(resizeWorker, 'dist/standalone/resize-worker.js');
