import { createFerryHandler, createOssProvider, toNodeListener } from '@ferry/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOssContractFake, type OssContractFake } from './oss-contract-fake.js';

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
export async function startOssStack(): Promise<OssStack> {
  const fake = await startOssContractFake();
  const provider = createOssProvider({ bucket: fake.bucket, region: fake.region, endpoint: fake.url, customDomain: true, credentials: fake.credentials });
  const listener = toNodeListener(createFerryHandler({ provider, secret: 'oss-stack-secret-oss-stack-secret!', basePath: '/api/uploads', onError: () => undefined }));
  const server: Server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
    if (request.method === 'OPTIONS') {
      response.end();
      return;
    }
    listener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/uploads`,
    fake,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}
