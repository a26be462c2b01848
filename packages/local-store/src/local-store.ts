import S3rver from '@20minutes/s3rver';
import { mkdir } from 'node:fs/promises';
import { corsConfigurationXml, type CorsRule } from './cors-rule.js';
import { anonymousRefusal } from './anonymous-refusal.js';
import { bodyLengthVerification } from './body-length-verification.js';
import { checksumVerification } from './checksum-verification.js';
import { multipartOperations } from './multipart-operations.js';
import { objectTagging } from './object-tagging.js';
import { postObjectUpload } from './post-object-upload.js';

/** Options of {@link startLocalStore}. */
export interface LocalStoreOptions {
  /** Where objects are kept (created if missing); tests pass a temporary folder. */
  readonly directory: string;
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Address to listen on. @default '127.0.0.1' */
  readonly address?: string;
  /** The bucket to create. @default 'ferry' */
  readonly bucket?: string;
  /** The bucket's CORS rule. @default any origin may GET, HEAD and PUT; ETag exposed */
  readonly cors?: CorsRule;
  /**
   * Most parts one ListParts page holds (S3's is 1,000). A smaller page lets a test prove that a
   * signing server follows the pages without uploading 1,001 parts. @default 1000
   */
  readonly partsPageSize?: number;
}

/** A request the store received, reported when it starts. */
export interface StoreRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  /** Settles with the status once the response is sent. */
  readonly finished: Promise<number>;
}

/** A running local store. */
export interface LocalStore {
  /** Base URL, e.g. `http://127.0.0.1:4568`. Buckets are path-style: `${endpoint}/${bucket}/key`. */
  readonly endpoint: string;
  readonly bucket: string;
  /** Always `us-east-1`. */
  readonly region: string;
  /** The store's fixed credentials (`S3RVER` / `S3RVER`); local use only. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Calls `listener` for every request (for tests and dashboards); returns an unsubscribe. */
  onRequest(listener: (request: StoreRequest) => void): () => void;
  /** Stops listening. */
  close(): Promise<void>;
}

/**
 * Starts an S3-compatible store on loopback that really verifies SigV4 signatures
 * (`@20minutes/s3rver`), refuses unsigned requests and truncated bodies as S3 does, enforces
 * POST policies of form uploads, is extended with ListParts, AbortMultipartUpload and
 * ListMultipartUploads, and keeps the tags an upload carries (`x-amz-tagging`).
 *
 * @example
 * ```ts
 * const store = await startLocalStore({ directory: '.ferry-data', port: 4568 });
 * console.log(store.endpoint, store.bucket);
 * ```
 */
export async function startLocalStore(options: LocalStoreOptions): Promise<LocalStore> {
  const bucket = options.bucket ?? 'ferry';
  await mkdir(options.directory, { recursive: true });
  const server = new S3rver({
    address: options.address ?? '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: bucket, configs: [corsConfigurationXml(options.cors)] }],
  });
  const listeners = new Set<(request: StoreRequest) => void>();
  // Ahead of s3rver's router (the last middleware), after its XML encoder and vhost handling.
  server.middleware.splice(
    server.middleware.length - 1,
    0,
    // Form uploads carry their signature in the form, not the request: ahead of the refusal.
    postObjectUpload(),
    anonymousRefusal(),
    bodyLengthVerification(),
    checksumVerification(),
    objectTagging(),
    multipartOperations(options.directory, options.partsPageSize),
  );
  server.middleware.unshift(async (ctx, next) => {
    if (listeners.size > 0) {
      const finished = new Promise<number>((resolve) => ctx.res.once('close', () => resolve(ctx.res.statusCode)));
      const request: StoreRequest = { method: ctx.method, url: ctx.res.req.url ?? '', finished };
      for (const listener of listeners) listener(request);
    }
    await next();
  });
  const { address, port } = await server.run();
  return {
    endpoint: `http://${address}:${port}`,
    bucket,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      // A request cut off upstream (a stalled PUT behind a proxy) keeps its socket open for good,
      // and http.Server#close waits for every socket: end them so close always returns.
      server.httpServer?.closeAllConnections();
      return server.close();
    },
  };
}
