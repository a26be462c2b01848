// Component tests in Debian's Chromium, uploading to the real local store through @ferry/server.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { startTestStack } from '@ferry/testing';

/** @type {import('@ferry/testing').TestStack | undefined} */
let stack;

/** Starts the store and signing server with the test server, and tells the page where they are. */
const ferryStack = {
  name: 'ferry-stack',
  async serverStart() {
    stack = await startTestStack({ cors: true });
  },
  async serverStop() {
    await stack?.close();
  },
  serve(context) {
    if (context.path !== '/__ferry/stack.js' || !stack) return undefined;
    const config = { endpoint: stack.endpoint, storeEndpoint: stack.store.endpoint, bucket: stack.store.bucket };
    return { body: `export default ${JSON.stringify(config)};`, type: 'js' };
  },
};

export default {
  files: 'src/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }), ferryStack],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
};
