import { createFerryHandler, createOssProvider, toNodeListener } from '@ferry/server';
import { startCallbackServer } from './callback-server.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startOssContractFake, type OssContractFake } from './oss-contract-fake.js';
import { startSigningServer } from './signing-server.js';

/** @ferry/server signing for OSS, in front of the OSS contract fake, reachable from test pages. */
export interface OssStack {
  /** The signing endpoint's base URL. */
  readonly endpoint: string;
  readonly fake: OssContractFake;
  /** The fault-injecting proxy every presigned PUT from a page goes through (URLs are signed for it). */
  readonly storeFaults: FaultProxy;
  close(): Promise<void>;
}

/**
 * Starts the OSS contract fake, a fault proxy before it and a signing server (OSS provider, V4)
 * with open CORS, so browser tests can upload through the OSS request flow and damage requests
 * on the way. `hideCrc64` gives the bucket a CORS rule that exposes only `ETag` (a common
 * misconfiguration: pages cannot read `x-oss-hash-crc64ecma`).
 * @example
 * ```ts
 * const oss = await startOssStack();
 * new Uploader({ endpoint: oss.endpoint });
 * ```
 */
export async function startOssStack(
  options: { readonly callback?: boolean; readonly hideCrc64?: boolean } = {},
): Promise<OssStack> {
  const fake = await startOssContractFake(options.hideCrc64 ? { exposeHeaders: ['ETag'] } : {});
  const storeFaults = await startFaultProxy(fake.url);
  const callbacks = options.callback ? await startCallbackServer() : undefined;
  const provider = createOssProvider({
    bucket: fake.bucket,
    region: fake.region,
    endpoint: storeFaults.url,
    customDomain: true,
    credentials: fake.credentials,
    ...(callbacks
      ? {
          callback: { url: callbacks.url, body: '{"object":"${object}","size":${size}}', bodyType: 'application/json' },
        }
      : {}),
  });
  const listener = toNodeListener(
    createFerryHandler({
      provider,
      secret: 'oss-stack-secret-oss-stack-secret!',
      basePath: '/api/uploads',
      onError: () => undefined,
    }),
  );
  const signing = await startSigningServer(listener, true);
  return {
    endpoint: `${signing.origin}/api/uploads`,
    fake,
    storeFaults,
    async close() {
      await signing.close();
      await storeFaults.close();
      await fake.close();
      await callbacks?.close();
    },
  };
}
