import type { LocalStore } from '@ferry/local-store';
import {
  createFerryHandler,
  createS3Provider,
  toNodeListener,
  type FerryHandler,
  type StorageProvider,
} from '@ferry/server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLER_HEADER, METADATA_NAME } from './conformance-store.js';

/** A backend listening on loopback. */
export interface RunningBackend {
  /** Its base URL, e.g. `http://127.0.0.1:PORT/api/uploads`. */
  readonly url: string;
  close(): Promise<void>;
}

/** `@ferry/server`'s S3 provider for the local store. */
export function localStoreProvider(store: LocalStore): StorageProvider {
  return createS3Provider({
    bucket: store.bucket,
    region: store.region,
    endpoint: store.endpoint,
    credentials: store.credentials,
  });
}

/** What the broken fakes change in `@ferry/server`. */
export interface BackendChanges {
  /** Replaces the local store's provider. */
  readonly provider?: StorageProvider;
  /** Wraps the handler. */
  readonly wrap?: (handler: FerryHandler) => FerryHandler;
}

/**
 * Wraps a handler so that it has no delete route: `/objects` answers 404 `not-found`, as a
 * backend that offers no deletes (the route is optional).
 */
export function withoutDeleteRoute(handler: FerryHandler): FerryHandler {
  return async (request) =>
    new URL(request.url).pathname === `${BASE_PATH}/objects`
      ? Response.json({ code: 'not-found', message: 'No such route.' }, { status: 404 })
      : handler(request);
}

/** The base path every test backend serves the protocol under. */
export const BASE_PATH = '/api/uploads';

/**
 * Serves `@ferry/server`'s handler on a free loopback port, naming callers by the
 * {@link CALLER_HEADER} header, with deletes on (delete tokens for 10 minutes, no
 * `authorizeDelete` hook: nothing else may delete) and a metadata policy that stores
 * {@link METADATA_NAME}.
 */
export async function startFerryBackend(store: LocalStore, changes: BackendChanges = {}): Promise<RunningBackend> {
  const created = createFerryHandler({
    provider: changes.provider ?? localStoreProvider(store),
    secret: 'conformance-secret-conformance-secret',
    basePath: BASE_PATH,
    authorize: (request) => ({ id: request.headers.get(CALLER_HEADER) ?? '' }),
    deleteWindowSeconds: 600,
    objectMetadata: { metadata: [METADATA_NAME] },
    onError: () => undefined,
  });
  const handler = changes.wrap ? changes.wrap(created) : created;
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
