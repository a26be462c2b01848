// The handler every runtime serves: bundled by runtime-hosts.ts into one ES module per runtime
// (Deno, Bun, workerd) and run there, so nothing Node-only can hide in it.
import { createFerryHandler, createS3Provider, withCors, type FerryHandler } from '@ferry/server';

/** What the handler signs for: the local store the Node test started, and the token secret. */
export interface RuntimeHandlerConfig {
  readonly store: {
    readonly endpoint: string;
    readonly bucket: string;
    readonly region: string;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  };
  readonly secret: string;
  /** Origins of the test pages allowed to call the endpoint. */
  readonly origins: readonly string[];
}

/** The path the handler is mounted on in every runtime. */
export const RUNTIME_BASE_PATH = '/api/uploads';

/** `@ferry/server` signing for the local store, with CORS for the test pages. */
export function createRuntimeHandler(config: RuntimeHandlerConfig): FerryHandler {
  const handler = createFerryHandler({
    provider: createS3Provider({ ...config.store, forcePathStyle: true }),
    secret: config.secret,
    basePath: RUNTIME_BASE_PATH,
  });
  return withCors(handler, { origins: config.origins });
}
