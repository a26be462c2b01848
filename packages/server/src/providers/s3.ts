import { STORE_PROFILES, type StoreProfile } from '@ferry/core/protocol';
import { AwsClient, AwsV4Signer } from 'aws4fetch';
import type { PartChecksum } from '../part-checksum.js';
import { checkExpiresIn, SigningError, SigningErrorCode } from '../signing-error.js';
import type { ProviderPart, StorageProvider } from './provider.js';
import { objectHeaderFields } from '../object-fields/object-headers.js';
import { s3PresignPost } from './s3-post-policy.js';
import { completeMultipartXml, parseOpenUploads, parsePartsPage, parseStoreXml, storeCallError } from './store-xml.js';
import { uriEncode } from './uri-encode.js';

/** An AWS access key pair, or temporary credentials with their session token. */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

/** Options of {@link createS3Provider}. */
export interface S3ProviderOptions {
  /** The bucket. */
  readonly bucket: string;
  /** The bucket's region. @default 'us-east-1' */
  readonly region?: string;
  /** A custom endpoint (MinIO, R2, Ceph, the local store). @default `https://s3.${region}.amazonaws.com` */
  readonly endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible stores want. @default true with an endpoint */
  readonly forcePathStyle?: boolean;
  /**
   * Credentials, or a function that returns them (called for every signature, so it may refresh
   * temporary ones: `fromNodeProviderChain()` of `@aws-sdk/credential-providers` on Node).
   * @default `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` of `process.env` (where there is one)
   */
  readonly credentials?: S3Credentials | (() => S3Credentials | Promise<S3Credentials>);
  /** The store's limits: `STORE_PROFILES.r2`, `.minio`, `.gcs` for those stores. @default STORE_PROFILES.s3 */
  readonly profile?: StoreProfile;
}

/** The header that carries each part checksum algorithm to S3. */
const S3_CHECKSUM_HEADER = {
  md5: 'Content-MD5',
  sha256: 'x-amz-checksum-sha256',
  crc32c: 'x-amz-checksum-crc32c',
} as const;

/** The checksum header S3 compares with the body, as the browser must send it (signed). */
function checksumHeaders(checksum: PartChecksum | undefined): Record<string, string> {
  return checksum ? { [S3_CHECKSUM_HEADER[checksum.algorithm]]: checksum.value } : {};
}

/** The credentials in `process.env`, on runtimes that have one (Node, Bun, Deno). */
function environmentCredentials(): S3Credentials {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  if (!accessKeyId || !secretAccessKey) {
    throw new SigningError(
      SigningErrorCode.NoCredentials,
      'No S3 credentials: pass createS3Provider({ credentials }) or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    );
  }
  return { accessKeyId, secretAccessKey, sessionToken: env['AWS_SESSION_TOKEN'] };
}

/** Bucket names that can be a host name label (others need path-style URLs). */
const DNS_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * A {@link StorageProvider} for S3 and S3-compatible stores. It signs with SigV4 through
 * `aws4fetch` (WebCrypto, no dependencies) and calls the store with `fetch`, so it runs in Node,
 * Deno, Bun and Cloudflare Workers alike. Presigned PUTs sign `Content-Type`, the exact
 * `Content-Length` and any checksum header; the payload is `UNSIGNED-PAYLOAD`.
 *
 * @example
 * ```ts
 * const provider = createS3Provider({ bucket: 'uploads', region: 'eu-west-1', credentials });
 * ```
 */
export function createS3Provider(options: S3ProviderOptions): StorageProvider {
  const region = options.region ?? 'us-east-1';
  const endpoint = new URL(options.endpoint ?? `https://s3.${region}.amazonaws.com`);
  const pathStyle = (options.forcePathStyle ?? options.endpoint !== undefined) || !DNS_BUCKET.test(options.bucket);
  const base = endpoint.pathname.replace(/\/+$/, '');
  const origin = pathStyle ? endpoint.origin : `${endpoint.protocol}//${options.bucket}.${endpoint.host}`;
  const prefix = pathStyle ? `${base}/${uriEncode(options.bucket)}` : base;
  const { credentials } = options;
  const credentialsNow = async (): Promise<S3Credentials> =>
    credentials === undefined
      ? environmentCredentials()
      : typeof credentials === 'function'
        ? await credentials()
        : credentials;
  // Derived signing keys, cached per secret and day (aws4fetch's own cache).
  const keyCache = new Map<string, ArrayBuffer>();

  /** The object's URL, the key RFC 3986-encoded once (as S3 signs it), with `query` if any. */
  const objectUrl = (key: string, query = ''): string => `${origin}${prefix}/${uriEncode(key, true)}${query}`;

  /** A URL for `method` on `key` that carries its SigV4 signature (signing `headers`) for `expiresIn` seconds. */
  const presign = async (
    method: string,
    key: string,
    query: string,
    headers: Record<string, string>,
    expiresIn: number,
  ): Promise<string> => {
    const url = new URL(objectUrl(key, query));
    url.searchParams.set('X-Amz-Expires', String(checkExpiresIn(expiresIn)));
    const { accessKeyId, secretAccessKey, sessionToken } = await credentialsNow();
    const signer = new AwsV4Signer({
      method,
      url: url.toString(),
      headers,
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      service: 's3',
      region,
      cache: keyCache,
      signQuery: true,
      // Content-Type and Content-Length are signed too (aws4fetch leaves them out by default).
      allHeaders: true,
    });
    return (await signer.sign()).url.toString();
  };

  /** A server-side call, signed in the Authorization header; the answer's text, or a StoreCallError. */
  const call = async (
    method: string,
    key: string,
    query: string,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<string> => {
    const { accessKeyId, secretAccessKey, sessionToken } = await credentialsNow();
    // Two retries of a 5xx or 429, as the AWS SDK's standard mode did.
    const client = new AwsClient({
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      service: 's3',
      region,
      cache: keyCache,
      retries: 2,
    });
    const response = await client.fetch(objectUrl(key, query), { method, ...init });
    const text = await response.text();
    if (!response.ok) throw storeCallError(response.status, text, 'S3');
    // CompleteMultipartUpload can fail after a 200: S3 then sends an <Error> document.
    if (parseStoreXml(text)['Error']) throw storeCallError(500, text, 'S3');
    return text;
  };

  const uploadQuery = (uploadId: string, extra = '') => `?${extra}uploadId=${uriEncode(uploadId)}`;

  return {
    profile: options.profile ?? STORE_PROFILES.s3,

    async presignPut({ key, contentType, contentLength, expiresIn, checksum, object }) {
      // Metadata, disposition, cache control and tags are signed headers too: the browser sends them.
      const sent = { 'Content-Type': contentType, ...checksumHeaders(checksum), ...objectHeaderFields(object, 'amz') };
      const url = await presign('PUT', key, '', { ...sent, 'Content-Length': String(contentLength) }, expiresIn);
      return { url, headers: sent };
    },

    presignPost: s3PresignPost({
      bucketUrl: objectUrl(''),
      bucket: options.bucket,
      region,
      credentials: credentialsNow,
    }),

    async presignGet({ key, expiresIn }) {
      return { url: await presign('GET', key, '', {}, expiresIn), headers: {} };
    },

    async createMultipart({ key, contentType, object }) {
      const headers = { 'Content-Type': contentType, ...objectHeaderFields(object, 'amz') };
      const text = await call('POST', key, '?uploads', { headers });
      const result = parseStoreXml(text)['InitiateMultipartUploadResult'] as { UploadId?: string } | undefined;
      if (!result?.UploadId) throw new Error('The store created a multipart upload without an UploadId.');
      return result.UploadId;
    },

    partChecksums: ['md5', 'sha256', 'crc32c'],

    async presignPart({ key, uploadId, partNumber, contentLength, expiresIn, checksum }) {
      const sent = checksumHeaders(checksum);
      const query = uploadQuery(uploadId, `partNumber=${partNumber}&`);
      // Without a length (Companion mode: Uppy never says a part's size) the URL takes any length.
      const length = contentLength === undefined ? {} : { 'Content-Length': String(contentLength) };
      const url = await presign('PUT', key, query, { ...sent, ...length }, expiresIn);
      return { url, headers: sent };
    },

    async listParts({ key, uploadId }) {
      const parts: ProviderPart[] = [];
      let marker = '';
      for (;;) {
        const extra = marker ? `part-number-marker=${uriEncode(marker)}&` : '';
        const text = await call('GET', key, uploadQuery(uploadId, extra));
        const page = parsePartsPage(text);
        parts.push(...page.parts);
        if (page.nextMarker === undefined) return parts;
        marker = page.nextMarker;
      }
    },

    async completeMultipart({ key, uploadId, parts }) {
      const text = await call('POST', key, uploadQuery(uploadId), {
        headers: { 'Content-Type': 'application/xml' },
        body: completeMultipartXml(parts),
      });
      const result = (parseStoreXml(text)['CompleteMultipartUploadResult'] ?? {}) as {
        Location?: string;
        ETag?: string;
      };
      return { location: result.Location ?? objectUrl(key), etag: result.ETag };
    },

    async abortMultipart({ key, uploadId }) {
      await call('DELETE', key, uploadQuery(uploadId));
    },

    async deleteObject({ key }) {
      await call('DELETE', key, '');
    },

    async listMultipartUploads({ prefix, keyMarker, uploadIdMarker, maxUploads }) {
      const query = [
        'uploads',
        `prefix=${uriEncode(prefix)}`,
        ...(keyMarker ? [`key-marker=${uriEncode(keyMarker)}`] : []),
        ...(keyMarker && uploadIdMarker ? [`upload-id-marker=${uriEncode(uploadIdMarker)}`] : []),
        ...(maxUploads ? [`max-uploads=${maxUploads}`] : []),
      ];
      // A bucket-level call: the bucket's own URL (the empty key).
      return parseOpenUploads(await call('GET', '', `?${query.join('&')}`));
    },
  };
}
