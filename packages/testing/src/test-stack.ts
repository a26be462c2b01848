import { startLocalStore, type CorsRule, type LocalStore } from '@ferry/local-store';
import { createFerryHandler, createS3Provider, toNodeListener, type FerryHandlerOptions } from '@ferry/server';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startSigningServer } from './signing-server.js';
import { inspectStore, type StoreInspector } from './store-inspector.js';

/** A running local store plus a signing server in front of it, for tests. */
export interface TestStack extends Omit<StoreInspector, 'close'> {
  readonly store: LocalStore;
  /** The signing endpoint's base URL, e.g. `http://127.0.0.1:PORT/api/uploads`. */
  readonly endpoint: string;
  /** The fault-injecting proxy every store request goes through (URLs are signed for it). */
  readonly storeFaults: FaultProxy;
  /** The fault-injecting proxy in front of the signing endpoint. */
  readonly endpointFaults: FaultProxy;
  close(): Promise<void>;
}

/** Options of {@link startTestStack}. */
export interface TestStackOptions {
  /** Overrides for the signing handler. */
  readonly handler?: Partial<Omit<FerryHandlerOptions, 'provider'>>;
  /** Sets `Access-Control-Allow-Origin: *` on the endpoint, for pages served elsewhere. @default false */
  readonly cors?: boolean;
  /** The store bucket's CORS rule. @default the local store's (ETag exposed) */
  readonly storeCors?: CorsRule;
}

/**
 * Starts the embedded store (data in a fresh temporary folder) and `@ferry/server` on loopback.
 *
 * @example
 * ```ts
 * const stack = await startTestStack();
 * const uploader = new Uploader({ endpoint: stack.endpoint });
 * ```
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const directory = await mkdtemp(join(tmpdir(), 'ferry-test-'));
  const store = await startLocalStore({ directory, ...(options.storeCors ? { cors: options.storeCors } : {}) });
  // The signer signs for the proxy's address, so every store request can be faulted.
  const storeFaults = await startFaultProxy(store.endpoint);
  const s3 = { bucket: store.bucket, region: store.region, endpoint: storeFaults.url, credentials: store.credentials };
  const listener = toNodeListener(
    createFerryHandler({
      provider: createS3Provider(s3),
      secret: 'test-secret-test-secret-test-secret',
      basePath: '/api/uploads',
      onError: () => undefined,
      ...options.handler,
    }),
  );
  const signing = await startSigningServer(listener, options.cors ?? false);
  const endpointFaults = await startFaultProxy(signing.origin);
  const inspector = inspectStore(store);
  return {
    ...inspector,
    store,
    storeFaults,
    endpointFaults,
    endpoint: `${endpointFaults.url}/api/uploads`,
    async close() {
      inspector.close();
      await endpointFaults.close();
      await signing.close();
      await storeFaults.close();
      await store.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
