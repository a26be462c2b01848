import { app as companionApp } from '@uppy/companion';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a Companion signs for: an S3-compatible store (the local store's fields). */
export interface CompanionStore {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** A running `@uppy/companion`. */
export interface CompanionServer {
  /** Its base URL (`companionEndpoint` for Uppy); the S3 routes are below `${origin}/s3`. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Starts Uppy's real `@uppy/companion` (its Express app, in this process) on a free loopback port,
 * with its S3 options aimed at `store`, as a team migrating from Companion would have it. The S3
 * client is told to add checksums only where required, as `@ferry/server`'s is: with the SDK's
 * default a presigned part URL carries the CRC of an empty body, and the store refuses the part.
 *
 * @example
 * ```ts
 * const companion = await startCompanion(store);
 * new Uppy().use(AwsS3, { companionEndpoint: companion.origin });
 * ```
 */
export async function startCompanion(store: CompanionStore, port = 0): Promise<CompanionServer> {
  const filePath = await mkdtemp(join(tmpdir(), 'ferry-companion-'));
  const { app } = companionApp({
    secret: 'companion-secret-companion-secret',
    filePath,
    server: { host: '127.0.0.1', protocol: 'http' },
    corsOrigins: true,
    uploadUrls: ['http://127.0.0.1/'],
    s3: {
      key: store.credentials.accessKeyId,
      secret: store.credentials.secretAccessKey,
      bucket: store.bucket,
      region: store.region,
      endpoint: store.endpoint,
      forcePathStyle: true,
      awsClientOptions: { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' },
    },
  });
  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(filePath, { recursive: true, force: true });
    },
  };
}
