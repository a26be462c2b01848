import type { LocalStore } from '@ferry/local-store';
import { createFerryHandler, readServerEnv, toNodeListener } from '@ferry/server';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { attachmentsRoutes, type SavedFile } from './attachments.js';
import { openDemoProvider } from './demo-provider.js';

/** Options of {@link startDemo}; the CLI reads them from the environment. */
export interface DemoOptions {
  /** Port of the page; 0 picks a free one. @default 5173 */
  readonly port?: number;
  /** Port of the embedded store; 0 picks a free one. @default 4568 */
  readonly storePort?: number;
  /** Where the embedded store keeps objects. @default '<repo>/.ferry-data' */
  readonly dataDir?: string;
  /** Environment to read the signing configuration from. @default process.env */
  readonly env?: Record<string, string | undefined>;
  /**
   * Folder of the Vite app to serve, with its own `vite.config.ts` when it has one (the React
   * and Vue examples). @default this demo's plain page
   */
  readonly app?: string;
}

/** A running demo. */
export interface Demo {
  /** The page. */
  readonly url: string;
  /** The embedded store, with `FERRY_PROVIDER=local`. */
  readonly store: LocalStore | undefined;
  /** Where objects go: the store's endpoint (or the provider's) and bucket. */
  readonly target: { readonly endpoint: string; readonly bucket: string };
  /** The files saved with the demo's form (`/form`, `/api/attachments`): its database, which tests may fill. */
  saved: readonly SavedFile[];
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where `@ferry/element/standalone` (ferry-uploader.js) and its on-demand files (standalone/) are. */
const standaloneDirectory = fileURLToPath(new URL('.', import.meta.resolve('@ferry/element/standalone')));

/**
 * Serves the demo page (or another Vite app, `app`) with `@ferry/server` under `/api/uploads`, signing for the
 * embedded local store or, with `FERRY_PROVIDER=s3` or `oss`, for the configured bucket.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const env = readServerEnv(options.env ?? process.env);
  const { provider, store, target } = await openDemoProvider(env, {
    dataDir: options.dataDir,
    storePort: options.storePort ?? 4568,
  });
  const handler = createFerryHandler({
    provider,
    // Without FERRY_SECRET, upload tokens only live as long as this process.
    secret: env.secret ?? randomBytes(32).toString('hex'),
    basePath: '/api/uploads',
    // Uppy's @uppy/aws-s3 with `companionEndpoint` pointed at /api/uploads works too (e2e/uppy.spec.ts).
    companion: true,
    ...(env.urlLifetimeSeconds ? { urlLifetimeSeconds: env.urlLifetimeSeconds } : {}),
  });
  const attachments = attachmentsRoutes(provider);
  let vite: ViteDevServer;
  try {
    const app = options.app ?? root;
    const config = join(app, 'vite.config.ts');
    vite = await createServer({
      root: app,
      configFile: existsSync(config) ? config : false,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: options.port ?? 5173, strictPort: true },
      plugins: [
        {
          name: 'ferry-signing-endpoint',
          configureServer(server) {
            server.middlewares.use('/api/uploads', toNodeListener(handler));
            // A form that holds files: the page, and the route that applies its submitted value.
            server.middlewares.use((request, response, next) => attachments.handle(request, response, next));
            // Links to stored objects: the bucket is private (so is the embedded store), so the
            // page links here and is redirected to a short-lived presigned GET. A demo on loopback
            // lets anyone read what was uploaded under the key prefix; an application would check
            // who asks.
            server.middlewares.use('/api/stored', (request, response) => {
              const key = new URL(request.url ?? '/', 'http://demo').searchParams.get('key') ?? '';
              if (!key.startsWith('uploads/') || !provider.presignGet) {
                response.statusCode = 404;
                response.end();
                return;
              }
              void provider.presignGet({ key, expiresIn: 300 }).then(
                ({ url }) => {
                  response.statusCode = 302;
                  response.setHeader('Location', url);
                  response.end();
                },
                () => {
                  response.statusCode = 502;
                  response.end();
                },
              );
            });
            // The self-contained element file, as a page without a bundler loads it (plain.html),
            // and the files beside it that it loads on demand (standalone/: resume store, checksums).
            server.middlewares.use((request, response, next) => {
              const path = new URL(request.url ?? '/', 'http://demo').pathname;
              if (path !== '/ferry-uploader.js' && !/^\/standalone\/[\w-]+\.js$/.test(path)) return next();
              void readFile(join(standaloneDirectory, path)).then(
                (code) => {
                  response.setHeader('Content-Type', 'text/javascript');
                  response.end(code);
                },
                () => {
                  response.statusCode = 404;
                  response.end();
                },
              );
            });
          },
        },
      ],
    });
    await vite.listen();
  } catch (error) {
    await store?.close();
    throw error;
  }
  const { port } = vite.httpServer!.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    store,
    target,
    get saved() {
      return attachments.saved;
    },
    set saved(files) {
      attachments.saved = files;
    },
    async close() {
      await vite.close();
      await store?.close();
    },
  };
}
