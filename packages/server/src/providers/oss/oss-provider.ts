import { STORE_PROFILES } from '@ferry/core/protocol';
import { SigningError, SigningErrorCode } from '../../signing-error.js';
import { toBase64 } from '../../web-crypto.js';
import type { PresignedRequest, ProviderPart, StorageProvider } from '../provider.js';
import { ossEncode, ossQueryString, type OssCredentials, type OssRequest } from './oss-credentials.js';
import { ossV1AuthorizationHeaders, ossV1PresignQuery } from './oss-v1-signer.js';
import { ossV4AuthorizationHeaders, ossV4PresignQuery } from './oss-v4-signer.js';
import { completeMultipartXml, parseOpenUploads, parsePartsPage, parseStoreXml, storeCallError } from '../store-xml.js';
import { objectHeaderFields } from '../../object-fields/object-headers.js';
import type { ObjectHeaders } from '../../object-fields/object-metadata-policy.js';

/** OSS keeps a presigned URL valid for 7 days at most. */
export const OSS_MAX_URL_LIFETIME = 7 * 24 * 3600;

/** An upload callback: OSS POSTs `body` to `url` once the object is stored, and relays the answer. */
export interface OssCallback {
  /** Where OSS sends the callback. */
  readonly url: string;
  /** The body, with OSS variables (`${bucket}`, `${object}`, `${size}`, `${mimeType}`…) and custom `${x:name}` ones. */
  readonly body: string;
  /** `application/x-www-form-urlencoded` or `application/json`. @default 'application/x-www-form-urlencoded' */
  readonly bodyType?: string;
  /** Values of the custom `x:` variables (`{ 'x:user': 'alice' }`). */
  readonly variables?: Readonly<Record<string, string>>;
}

/** Options of {@link createOssProvider}. */
export interface OssProviderOptions {
  /** The bucket. */
  readonly bucket: string;
  /** The region, as OSS V4 names it: `cn-hangzhou`, `ap-southeast-1`… */
  readonly region: string;
  /** The endpoint, without the bucket. @default `https://oss-${region}.aliyuncs.com` */
  readonly endpoint?: string;
  /** `endpoint` is a custom domain bound to the bucket (URLs are `endpoint/key`). @default false */
  readonly customDomain?: boolean;
  /** An AccessKey pair or STS credentials (with `securityToken` and `expiration`). */
  readonly credentials: OssCredentials;
  /**
   * `v4` (OSS4-HMAC-SHA256) or the legacy `v1`. V1 cannot sign `Content-Length`: with it, a URL
   * (a leaked one too) stores a body of any size up to 5 GiB for its lifetime, not only the size it
   * was issued for; sizes are still checked when the URL is issued and, for parts, at complete.
   * Creating a V1 provider says so through `onWarning`. @default 'v4'
   */
  readonly signatureVersion?: 'v4' | 'v1';
  /** `x-oss-storage-class` of new objects (`Standard`, `IA`, `Archive`, `ColdArchive`…). @default the bucket's */
  readonly storageClass?: string;
  /** The upload callback: signed into single PUTs, sent by the server on CompleteMultipartUpload. @default none */
  readonly callback?: OssCallback;
  /** Told when a requested URL lifetime was cut (7-day limit, STS expiry). @default console.warn */
  readonly onWarning?: (message: string) => void;
  /** The fetch used for the server's own calls to OSS. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/**
 * A {@link StorageProvider} for Alibaba Cloud OSS with signers of Ferry's own (V4, or V1 for
 * legacy setups). Browsers only PUT objects and parts to presigned URLs that sign the headers
 * they must send (`Content-Type`, `x-oss-storage-class`, `x-oss-meta-*`, the callback) and the
 * exact `Content-Length`; the server initiates, lists, completes and aborts with signed requests.
 *
 * @example
 * ```ts
 * const provider = createOssProvider({
 *   bucket: 'uploads',
 *   region: 'cn-hangzhou',
 *   credentials: { accessKeyId: process.env.OSS_AK!, accessKeySecret: process.env.OSS_SK! },
 * });
 * ```
 */
export function createOssProvider(options: OssProviderOptions): StorageProvider {
  const { bucket, region, credentials } = options;
  const endpoint = new URL(options.endpoint ?? `https://oss-${region}.aliyuncs.com`);
  const host = options.customDomain ? endpoint.host : `${bucket}.${endpoint.host}`;
  const origin = `${endpoint.protocol}//${host}`;
  const version = options.signatureVersion ?? 'v4';
  const warn = options.onWarning ?? ((message: string) => console.warn(`@ferry/server: ${message}`));
  if (version === 'v1') {
    warn(
      'OSS V1 signatures cannot bind Content-Length: a V1 URL stores a body of any size for its lifetime. ' +
        'Use signatureVersion "v4" (the default) to sign each URL for its exact size.',
    );
  }
  const send = options.fetch ?? globalThis.fetch;
  const objectUrl = (key: string) => `${origin}/${ossEncode(key, true)}`;

  /**
   * Headers a new object carries: the storage class, and the metadata, disposition, cache control
   * and tags the handler's per-file policy allowed (`objectMetadata`; its `fixed` metadata is
   * what a per-provider `metadata` option used to be).
   */
  const objectHeaders = (object: ObjectHeaders | undefined): Record<string, string> => ({
    ...(options.storageClass ? { 'x-oss-storage-class': options.storageClass } : {}),
    ...objectHeaderFields(object, 'oss'),
  });

  const callbackHeaders = (): Record<string, string> => {
    const { callback } = options;
    if (!callback) return {};
    const json = {
      callbackUrl: callback.url,
      callbackBody: callback.body,
      callbackBodyType: callback.bodyType ?? 'application/x-www-form-urlencoded',
    };
    return {
      'x-oss-callback': toBase64(JSON.stringify(json)),
      ...(callback.variables ? { 'x-oss-callback-var': toBase64(JSON.stringify(callback.variables)) } : {}),
    };
  };

  /** Seconds a URL may live: as asked, but never past 7 days or the STS credentials' expiry. */
  const lifetime = (requested: number): number => {
    let seconds = requested;
    if (seconds > OSS_MAX_URL_LIFETIME) {
      warn(`URL lifetime ${requested} s is over OSS's 7-day limit; signing for ${OSS_MAX_URL_LIFETIME} s.`);
      seconds = OSS_MAX_URL_LIFETIME;
    }
    if (credentials.expiration) {
      const left = Math.floor((credentials.expiration.getTime() - Date.now()) / 1000);
      if (left < 1) {
        throw new SigningError(
          SigningErrorCode.CredentialsExpired,
          `The STS credentials expired at ${credentials.expiration.toISOString()}: refresh them to sign again.`,
        );
      }
      if (left < seconds) {
        warn(`The STS credentials expire in ${left} s; URLs are signed for that long only.`);
        seconds = left;
      }
    }
    return seconds;
  };

  const presign = async (request: OssRequest, requested: number): Promise<PresignedRequest & { expiresIn: number }> => {
    const expiresIn = lifetime(requested);
    // V4 signs Content-Length too, so a URL cannot store more (or fewer) bytes than planned (V1
    // cannot); so are Cache-Control and Content-Disposition when sent (V4 signs x-oss-* and the type anyway).
    const additionalHeaders = [
      'content-length',
      ...Object.keys(request.headers)
        .map((name) => name.toLowerCase())
        .filter((name) => name === 'cache-control' || name === 'content-disposition'),
    ];
    const now = new Date();
    const query =
      version === 'v4'
        ? (await ossV4PresignQuery(request, credentials, region, expiresIn, { additionalHeaders, time: now })).query
        : await ossV1PresignQuery(request, credentials, Math.floor(now.getTime() / 1000) + expiresIn, { time: now });
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
    );
    return { url: `${objectUrl(request.key)}?${ossQueryString(query)}`, headers, expiresIn };
  };

  /** A server-side call to OSS, signed in the Authorization header; the answer's text. */
  const call = async (
    method: string,
    key: string,
    query: Record<string, string>,
    headers: Record<string, string> = {},
    body?: string,
  ) => {
    const request: OssRequest = {
      method,
      bucket,
      key,
      query,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/xml' },
    };
    const signed =
      version === 'v4'
        ? await ossV4AuthorizationHeaders(request, credentials, region)
        : await ossV1AuthorizationHeaders(request, credentials);
    const { canonicalRequest: _c, stringToSign: _s, signature: _g, ...sent } = signed;
    const url = `${objectUrl(key)}${Object.keys(query).length ? `?${ossQueryString(query)}` : ''}`;
    const response = await send(url, { method, headers: sent, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    if (!response.ok) throw storeCallError(response.status, text, 'OSS');
    return { text, response };
  };

  return {
    async presignPut({ key, contentType, contentLength, expiresIn, checksum, object }) {
      const headers = {
        'Content-Type': contentType,
        'Content-Length': String(contentLength),
        ...(checksum ? { 'Content-MD5': checksum.value } : {}),
        ...objectHeaders(object),
        ...callbackHeaders(),
      };
      return presign({ method: 'PUT', bucket, key, query: {}, headers }, expiresIn);
    },

    async presignGet({ key, expiresIn }) {
      const request: OssRequest = { method: 'GET', bucket, key, query: {}, headers: {} };
      const seconds = lifetime(expiresIn);
      const now = new Date();
      const query =
        version === 'v4'
          ? (await ossV4PresignQuery(request, credentials, region, seconds, { time: now })).query
          : await ossV1PresignQuery(request, credentials, Math.floor(now.getTime() / 1000) + seconds, { time: now });
      return { url: `${objectUrl(key)}?${ossQueryString(query)}`, headers: {}, expiresIn: seconds };
    },

    async createMultipart({ key, contentType, object }) {
      const { text } = await call(
        'POST',
        key,
        { uploads: '' },
        { 'Content-Type': contentType, ...objectHeaders(object) },
      );
      const result = parseStoreXml(text)['InitiateMultipartUploadResult'] as { UploadId?: string } | undefined;
      if (!result?.UploadId) throw new Error('OSS created a multipart upload without an UploadId.');
      return result.UploadId;
    },

    // OSS verifies Content-MD5 (signed by default); its CRC-64 covers the whole object instead.
    profile: STORE_PROFILES.oss,

    partChecksums: ['md5'],

    async presignPart({ key, uploadId, partNumber, contentLength, expiresIn, checksum }) {
      const query = { partNumber: String(partNumber), uploadId };
      const headers = {
        ...(contentLength === undefined ? {} : { 'Content-Length': String(contentLength) }),
        ...(checksum ? { 'Content-MD5': checksum.value } : {}),
      };
      return presign({ method: 'PUT', bucket, key, query, headers }, expiresIn);
    },

    async listParts({ key, uploadId }) {
      const parts: ProviderPart[] = [];
      let marker = '';
      for (;;) {
        const { text } = await call('GET', key, { uploadId, ...(marker ? { 'part-number-marker': marker } : {}) });
        const page = parsePartsPage(text);
        parts.push(...page.parts);
        if (page.nextMarker === undefined) return parts;
        marker = page.nextMarker;
      }
    },

    async completeMultipart({ key, uploadId, parts }) {
      const { text, response } = await call('POST', key, { uploadId }, callbackHeaders(), completeMultipartXml(parts));
      // With a callback, OSS answers with the callback server's body instead of its own XML.
      const result = parseStoreXml(text)['CompleteMultipartUploadResult'] as { ETag?: string } | undefined;
      const callback = options.callback ? text : undefined;
      return {
        location: objectUrl(key),
        etag: result?.ETag ?? response.headers.get('etag') ?? undefined,
        ...(callback === undefined ? {} : { callback }),
        crc64: response.headers.get('x-oss-hash-crc64ecma') ?? undefined,
      };
    },

    async abortMultipart({ key, uploadId }) {
      await call('DELETE', key, { uploadId });
    },

    async deleteObject({ key }) {
      await call('DELETE', key, {});
    },

    async listMultipartUploads({ prefix, keyMarker, uploadIdMarker, maxUploads }) {
      // A bucket-level request: the key is empty, the path `/` (signed as `/bucket/`).
      const { text } = await call('GET', '', {
        uploads: '',
        prefix,
        ...(keyMarker ? { 'key-marker': keyMarker } : {}),
        ...(keyMarker && uploadIdMarker ? { 'upload-id-marker': uploadIdMarker } : {}),
        ...(maxUploads ? { 'max-uploads': String(maxUploads) } : {}),
      });
      return parseOpenUploads(text);
    },
  };
}
