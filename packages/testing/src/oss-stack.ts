import { createFerryHandler, createOssProvider, toNodeListener } from '@ferry/server';
import { startCallbackServer } from './callback-server.js';
import { startOssContractFake, type OssContractFake } from './oss-contract-fake.js';
import { startSigningServer } from './signing-server.js';

/** @ferry/server signing for OSS, in front of the OSS contract fake, reachable from test pages. */
export interface OssStack {
  /** The signing endpoint's base URL. */
  readonly endpoint: string;
  readonly fake: OssContractFake;
  close(): Promise<void>;
}

/**
 * Starts the OSS contract fake and a signing server (OSS provider, V4) with open CORS in front
 * of it, so browser tests can upload through the OSS request flow.
 * @example
 * ```ts
 * const oss = await startOssStack();
 * new Uploader({ endpoint: oss.endpoint });
 * ```
 */
export async function startOssStack(options: { readonly callback?: boolean } = {}): Promise<OssStack> {
  const fake = await startOssContractFake();
  const callbacks = options.callback ? await startCallbackServer() : undefined;
  const provider = createOssProvider({
    bucket: fake.bucket,
    region: fake.region,
    endpoint: fake.url,
    customDomain: true,
    credentials: fake.credentials,
    ...(callbacks ? { callback: { url: callbacks.url, body: '{"object":"${object}","size":${size}}', bodyType: 'application/json' } } : {}),
  });
  const listener = toNodeListener(createFerryHandler({ provider, secret: 'oss-stack-secret-oss-stack-secret!', basePath: '/api/uploads', onError: () => undefined }));
  const signing = await startSigningServer(listener, true);
  return {
    endpoint: `${signing.origin}/api/uploads`,
    fake,
    async close() {
      await signing.close();
      await fake.close();
      await callbacks?.close();
    },
  };
}
