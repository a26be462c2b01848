import { esbuildPlugin } from '@web/dev-server-esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestRunnerConfig } from '@web/test-runner';
import { launcherFor, selectedEngine } from './browsers.js';
import type { Fault } from './fault-proxy.js';
import { startCompanion, type CompanionServer } from './companion-server.js';
import { startOssStack, type OssStack } from './oss-stack.js';
import { startTestStack, type TestStack } from './test-stack.js';

/** What test pages import from `/__ferry/stack.js` (its default export). */
export interface BrowserStackConfig {
  /** The signing endpoint. */
  readonly endpoint: string;
  /** The store's base URL; objects are at `${storeEndpoint}/${bucket}/${key}`. */
  readonly storeEndpoint: string;
  readonly bucket: string;
  /** A signing endpoint whose store's CORS rule does not expose `ETag` (a common misconfiguration). */
  readonly hiddenEtagEndpoint: string;
  /** A signing endpoint whose store's CORS rule allows another origin only (the browser refuses every PUT). */
  readonly corsRefusedEndpoint: string;
  /** A signing endpoint for Alibaba Cloud OSS, in front of the OSS CONTRACT FAKE (objects at `${ossUrl}/${key}`). */
  readonly ossEndpoint: string;
  readonly ossUrl: string;
  /** The same, with an upload callback configured (JSON body with the object and size); objects at `${ossCallbackUrl}/${key}`. */
  readonly ossCallbackEndpoint: string;
  readonly ossCallbackUrl: string;
  /** The same, with a bucket CORS rule that hides `x-oss-hash-crc64ecma` from pages; objects at `${ossHiddenCrcUrl}/${key}`. */
  readonly ossHiddenCrcEndpoint: string;
  readonly ossHiddenCrcUrl: string;
  /** A real Uppy Companion (`@uppy/companion`) signing for the same store as `endpoint` (its S3 routes below `/s3`). */
  readonly companionUrl: string;
}

/**
 * A @web/test-runner config running `files` in one engine (`FERRY_BROWSER`: Chromium, Firefox
 * ESR or WebKitGTK, all Debian's), with TypeScript, and with a
 * real local store and signing server started beside the test server; pages find them in the
 * default export of `/__ferry/stack.js` ({@link BrowserStackConfig}).
 */
export function ferryTestRunnerConfig({ files, tsconfig }: { files: string; tsconfig: string }): TestRunnerConfig {
  const rootDir = process.cwd();
  const engine = selectedEngine();
  let stack: TestStack | undefined;
  let hiddenEtag: TestStack | undefined;
  let corsRefused: TestStack | undefined;
  let oss: OssStack | undefined;
  let ossCallback: OssStack | undefined;
  let ossHiddenCrc: OssStack | undefined;
  let companion: CompanionServer | undefined;
  const ossStacks = () =>
    [oss, ossCallback, ossHiddenCrc].filter((candidate): candidate is OssStack => candidate !== undefined);
  return {
    files,
    nodeResolve: true,
    // Uploads through faults (Retry-After, stalls) take seconds, not mocha's default 2.
    testFramework: { config: { timeout: 20_000 } },
    concurrency: 1,
    // A Worker script named by `new URL('./x.js', import.meta.url)` in source is a .ts file beside
    // it: serve that (esbuild compiles it), as the build's output would have the .js.
    middleware: [
      (context, next) => {
        const path = context.path;
        if (
          path.endsWith('.js') &&
          !path.startsWith('/__') &&
          !existsSync(join(rootDir, path)) &&
          existsSync(join(rootDir, path.replace(/\.js$/, '.ts')))
        ) {
          context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
        }
        return next();
      },
    ],
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
      {
        name: 'ferry-stack',
        async serverStart() {
          // A metadata policy, so pages can store per-file metadata (and see refusals of the rest).
          stack = await startTestStack({
            cors: true,
            handler: {
              objectMetadata: { metadata: ['album', 'checked'], cacheControl: ['max-age=60'], tags: ['project'] },
            },
          });
          hiddenEtag = await startTestStack({ cors: true, storeCors: { exposeHeaders: [] } });
          corsRefused = await startTestStack({
            cors: true,
            storeCors: { allowedOrigins: ['https://elsewhere.example'] },
          });
          oss = await startOssStack();
          ossCallback = await startOssStack({ callback: true });
          ossHiddenCrc = await startOssStack({ hideCrc64: true });
          companion = await startCompanion(stack.store);
        },
        async serverStop() {
          await stack?.close();
          await hiddenEtag?.close();
          await corsRefused?.close();
          await oss?.close();
          await ossCallback?.close();
          await ossHiddenCrc?.close();
          await companion?.close();
        },
        // Browser tests script the fault proxies with executeServerCommand('ferry-fault' (store) or
        // 'ferry-endpoint-fault' (signing endpoint), { method?, url? (RegExp source), times?, fault }),
        // and 'ferry-faults-clear'; 'ferry-open-uploads', 'ferry-store-puts', 'ferry-store-part-puts' ({ path, partNumber }[]),
        // 'ferry-store-creates' read what happened;
        // 'ferry-stored-sha256' ({ key }) reads an object back with a signed GET and hashes it;
        // 'ferry-stored-object' ({ key }) returns its bytes (base64), type, size and metadata;
        // 'ferry-object-exists' ({ key }) whether the store holds it; 'ferry-object-keys' ({ prefix }) the keys
        // of the objects under a prefix; 'ferry-stored-parts' ({ key }) the part numbers its open upload holds.
        // 'ferry-oss-fault' ({ ...rule }) faults the PUTs to every OSS contract fake; 'ferry-oss-calls' ({ key })
        // lists the requests a fake took for that key (operation, status, signed headers).
        executeCommand({ command, payload }) {
          if (!stack) return undefined;
          if (command === 'ferry-faults-clear') {
            stack.storeFaults.clear();
            stack.endpointFaults.clear();
            for (const { storeFaults } of ossStacks()) storeFaults.clear();
            return true;
          }
          if (command === 'ferry-oss-calls') {
            const { key } = payload as { key: string };
            return ossStacks()
              .flatMap(({ fake }) => fake.calls.filter((call) => call.key === key))
              .map(({ operation, status, signedHeaders }) => ({ operation, status, signedHeaders }));
          }
          if (command === 'ferry-open-uploads') return stack.openMultipartUploads();
          if (command === 'ferry-stored-sha256') return stack.objectSha256((payload as { key: string }).key);
          if (command === 'ferry-stored-object') return stack.storedObject((payload as { key: string }).key);
          if (command === 'ferry-object-keys') return stack.objectKeys((payload as { prefix: string }).prefix);
          if (command === 'ferry-stored-parts') return stack.storedPartNumbers((payload as { key: string }).key);
          if (command === 'ferry-object-exists')
            return stack.objectHead((payload as { key: string }).key).then(
              () => true,
              () => false,
            );
          if (command === 'ferry-store-puts') {
            // Part numbers of the part PUTs the store's proxy has seen so far.
            return stack.storeFaults.requests
              .filter((request) => request.method === 'PUT' && /partNumber=/.test(request.url))
              .map((request) => Number(/partNumber=(\d+)/.exec(request.url)![1]));
          }
          if (command === 'ferry-store-part-puts') {
            // The part PUTs the store's proxy has seen so far, with the (decoded) path each went to.
            return stack.storeFaults.requests
              .filter((request) => request.method === 'PUT' && /partNumber=/.test(request.url))
              .map((request) => ({
                path: decodeURIComponent(request.url.split('?')[0]!),
                partNumber: Number(/partNumber=(\d+)/.exec(request.url)![1]),
              }));
          }
          if (command === 'ferry-store-creates') {
            return stack.storeFaults.requests.filter(
              (request) => request.method === 'POST' && /\?uploads/.test(request.url),
            ).length;
          }
          if (command !== 'ferry-fault' && command !== 'ferry-endpoint-fault' && command !== 'ferry-oss-fault')
            return undefined;
          const rule = payload as { method?: string; url?: string; times?: number; fault: Fault };
          const proxies =
            command === 'ferry-fault'
              ? [stack.storeFaults]
              : command === 'ferry-endpoint-fault'
                ? [stack.endpointFaults]
                : ossStacks().map((each) => each.storeFaults);
          for (const proxy of proxies) {
            proxy.inject({
              fault: rule.fault,
              ...(rule.method ? { method: rule.method } : {}),
              ...(rule.url ? { url: new RegExp(rule.url) } : {}),
              ...(rule.times ? { times: rule.times } : {}),
            });
          }
          return true;
        },
        serve(context) {
          if (
            context.path !== '/__ferry/stack.js' ||
            !stack ||
            !hiddenEtag ||
            !corsRefused ||
            !oss ||
            !ossCallback ||
            !ossHiddenCrc ||
            !companion
          )
            return undefined;
          const config: BrowserStackConfig = {
            endpoint: stack.endpoint,
            storeEndpoint: stack.store.endpoint,
            bucket: stack.store.bucket,
            hiddenEtagEndpoint: hiddenEtag.endpoint,
            corsRefusedEndpoint: corsRefused.endpoint,
            ossEndpoint: oss.endpoint,
            ossUrl: oss.fake.url,
            ossCallbackEndpoint: ossCallback.endpoint,
            ossCallbackUrl: ossCallback.fake.url,
            ossHiddenCrcEndpoint: ossHiddenCrc.endpoint,
            ossHiddenCrcUrl: ossHiddenCrc.fake.url,
            companionUrl: companion.origin,
          };
          return { body: `export default ${JSON.stringify(config)};`, type: 'js' };
        },
      },
    ],
    browsers: [launcherFor(engine)],
  };
}
