// The self-contained build for pages without a bundler: dist/ferry-uploader.js holds Lit,
// @ferry/core and the element in one ES module file. What only some pages need loads on demand
// from dist/standalone/ beside it, as a bundler's chunks would: the IndexedDB resume store (the
// first multipart upload), the checksum code (the `checksum` attribute) with its hash worker, the
// list of files (the first file), thumbnails with their worker (the first image), the drop zone's
// hint from the restrictions, the form value and validity (a file listed, or `required`), folder
// walking, the languages other than English, existing files and removals (`files`, `<ferry-file>`),
// `delete-on-remove` (the token-noting endpoint and the delete) and the list of uploads interrupted
// in this browser.
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
  '../file-list/list-view.js': 'file-list',
  '../thumbnails/thumbnailer.js': 'thumbnails',
  '../input/limits-hint.js': 'limits-hint',
  '../form/form-controller.js': 'form',
  './translations/zh-cn.js': 'zh-cn',
  './folder-walk.js': 'folder-walk',
  '../existing/form-files.js': 'form-files',
  '../interrupted/interrupted-list.js': 'interrupted',
  '../input/file-intake.js': 'file-intake',
  '../delete/delete-tokens.js': 'delete-tokens',
  './uploader-features.js': 'uploader-features',
};
/** Where each on-demand import's module is in dist/, to build its sidecar from. */
const sources = {
  resume: '@ferry/core/resume',
  checksums: 'dist/controllers/checksummed-uploader.js',
  resize: 'dist/controllers/resized-options.js',
  'before-upload': 'dist/controllers/before-upload-event.js',
  'file-list': 'dist/file-list/list-view.js',
  thumbnails: 'dist/thumbnails/thumbnailer.js',
  'limits-hint': 'dist/input/limits-hint.js',
  form: 'dist/form/form-controller.js',
  'zh-cn': 'dist/translations/zh-cn.js',
  'folder-walk': 'dist/input/folder-walk.js',
  'form-files': 'dist/existing/form-files.js',
  interrupted: 'dist/interrupted/interrupted-list.js',
  'file-intake': 'dist/input/file-intake.js',
  'delete-tokens': 'dist/delete/delete-tokens.js',
  'uploader-features': 'dist/controllers/uploader-features.js',
};
const onDemandPattern = new RegExp(
  `^(${Object.keys(onDemand)
    .map((path) => path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})$`,
);

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
        context.onResolve({ filter: onDemandPattern }, ({ path, kind }) =>
          kind === 'dynamic-import' ? { path: `./standalone/${onDemand[path]}.js`, external: true } : undefined,
        );
      },
    },
  ],
});
// The sidecars, sharing chunks of what they need (their own copy of core's errors and endpoint
// code, and of the parts of Lit the list uses: only pages that load them pay for it).
await build({
  ...common,
  entryPoints: sources,
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
// Thumbnailer starts `new URL('./thumbnail-worker.js', import.meta.url)`: beside the thumbnails file.
await build({
  ...common,
  entryPoints: ['dist/thumbnails/thumbnail-worker.js'],
  outfile: 'dist/standalone/thumbnail-worker.js',
});
