import { startLocalStore, type LocalStore } from '@ferry/local-store';
import {
  createOssProvider,
  createS3Provider,
  type S3ProviderOptions,
  type ServerEnv,
  type StorageProvider,
} from '@ferry/server';
import { fileURLToPath } from 'node:url';

/** The store the demo signs for, as the environment configures it. */
export interface DemoProvider {
  readonly provider: StorageProvider;
  /** The embedded store, with `FERRY_PROVIDER=local`. */
  readonly store: LocalStore | undefined;
  /** Where objects go: the store's endpoint (or the provider's) and bucket. */
  readonly target: { readonly endpoint: string; readonly bucket: string };
}

/**
 * The provider for `env`: OSS, S3, or (`local`) the embedded store started over `dataDir` on
 * `storePort`. Shared by the demo server and its sweep command, so both reach the same bucket.
 */
export async function openDemoProvider(
  env: ServerEnv,
  options: { readonly dataDir?: string | undefined; readonly storePort: number },
): Promise<DemoProvider> {
  if (env.provider === 'oss') {
    const oss = env.oss!;
    return {
      provider: createOssProvider(oss),
      store: undefined,
      target: { endpoint: oss.endpoint ?? `https://oss-${oss.region}.aliyuncs.com`, bucket: oss.bucket },
    };
  }
  let store: LocalStore | undefined;
  let s3: S3ProviderOptions;
  if (env.provider === 'local') {
    store = await startLocalStore({
      directory: options.dataDir ?? fileURLToPath(new URL('../../../.ferry-data', import.meta.url)),
      port: options.storePort,
    });
    s3 = { bucket: store.bucket, region: store.region, endpoint: store.endpoint, credentials: store.credentials };
  } else {
    s3 = env.s3!;
  }
  return {
    provider: createS3Provider(s3),
    store,
    target: { endpoint: s3.endpoint ?? `https://s3.${s3.region ?? 'us-east-1'}.amazonaws.com`, bucket: s3.bucket },
  };
}
