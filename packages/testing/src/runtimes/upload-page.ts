import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A page on loopback whose `ferryUpload(endpoint, size)` uploads random bytes with @ferry/core. */
export interface UploadPage {
  /** `http://127.0.0.1:PORT`, the origin the endpoint's CORS must allow. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Bundles upload-page-script.ts for the browser and serves it with an empty page.
 * @example
 * ```ts
 * const page = await startUploadPage();
 * await browserPage.goto(page.origin);
 * ```
 */
export async function startUploadPage(): Promise<UploadPage> {
  const { build } = await import('esbuild');
  const here = dirname(fileURLToPath(import.meta.url));
  const script = (
    await build({
      entryPoints: [join(here, 'upload-page-script.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'error',
    })
  ).outputFiles[0]!.text;
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>ferry runtimes</title><script type="module" src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
