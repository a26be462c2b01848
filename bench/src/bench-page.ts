import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds the bench's pages (page/: the upload run's index.html, thumbnails.html, look.html) into `outDir`. */
export async function buildBenchPages(outDir: string): Promise<void> {
  const root = fileURLToPath(new URL('../page', import.meta.url));
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: `${root}/index.html`, thumbnails: `${root}/thumbnails.html`, look: `${root}/look.html` },
      },
    },
  });
}
