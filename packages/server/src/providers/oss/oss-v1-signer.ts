import { checkExpiresIn } from '../../signing-error.js';
import { hmac, toBase64 } from '../../web-crypto.js';
import type { OssCredentials, OssRequest } from './oss-credentials.js';

/** Query parameters that V1 signs as sub-resources (the rest are left out of the signature). */
const SIGNED_PARAMETERS = new Set([
  'acl',
  'append',
  'bucketInfo',
  'callback',
  'callback-var',
  'cloudboxes',
  'continuation-token',
  'delete',
  'location',
  'objectMeta',
  'partNumber',
  'position',
  'regionList',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'restore',
  'security-token',
  'sequential',
  'stat',
  'symlink',
  'tagging',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
]);

const header = (request: OssRequest, name: string): string =>
  Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? '';

/** Options of the V1 signers. */
export interface OssV1SignOptions {
  /** When the request is signed. @default now */
  readonly time?: Date;
  /**
   * Query parameters an operation signs beyond V1's fixed list (e.g. `resourceGroup`), as each
   * operation of Alibaba Cloud's SDKs adds its own; signed only when present in the query.
   * @default none
   */
  readonly subResources?: readonly string[];
}

/**
 * The legacy V1 string to sign: method, Content-MD5, Content-Type, the date (or `Expires` of a
 * presigned URL), the `x-oss-*` headers and the resource with its signed sub-resources (V1's
 * list, `x-oss-*` parameters and any of `subResources`).
 * @example
 * ```ts
 * ossV1StringToSign(request, 'Wed, 28 Dec 2022 10:27:41 GMT', ['resourceGroup']);
 * ```
 */
export function ossV1StringToSign(request: OssRequest, date: string, subResources: readonly string[] = []): string {
  const ossHeaders = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => name.startsWith('x-oss-'))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const parameters = Object.keys(request.query)
    .filter((name) => SIGNED_PARAMETERS.has(name) || name.startsWith('x-oss-') || subResources.includes(name))
    .sort()
    .map((name) => (request.query[name] ? `${name}=${request.query[name]}` : name));
  const resource = `/${request.bucket ? `${request.bucket}/` : ''}${request.key}${parameters.length ? `?${parameters.join('&')}` : ''}`;
  return [
    request.method,
    header(request, 'content-md5'),
    header(request, 'content-type'),
    date,
    `${ossHeaders}${resource}`,
  ].join('\n');
}

const sign = async (secret: string, stringToSign: string) => toBase64(await hmac(secret, stringToSign, 'SHA-1'));

/**
 * Signs `request` with a V1 `Authorization: OSS ak:signature` header; returns every header to send.
 * @example
 * ```ts
 * const headers = await ossV1AuthorizationHeaders(request, credentials);
 * ```
 */
export async function ossV1AuthorizationHeaders(
  request: OssRequest,
  credentials: OssCredentials,
  options: OssV1SignOptions = {},
): Promise<Record<string, string>> {
  const date = (options.time ?? new Date()).toUTCString();
  const headers = {
    ...request.headers,
    ...(credentials.securityToken ? { 'x-oss-security-token': credentials.securityToken } : {}),
  };
  const stringToSign = ossV1StringToSign({ ...request, headers }, date, options.subResources);
  const signature = await sign(credentials.accessKeySecret, stringToSign);
  return { ...headers, Date: date, Authorization: `OSS ${credentials.accessKeyId}:${signature}` };
}

/**
 * The query that presigns `request` with V1 until `expires` (Unix seconds), which must be a whole
 * second 1 s to 7 days after `options.time`. V1 cannot sign `Content-Length`: a V1 URL for a PUT
 * stores a body of any size (V4 signs it).
 * @throws SigningError `invalid-expiry` for an expiry outside that range.
 * @example
 * ```ts
 * const query = await ossV1PresignQuery(request, credentials, Math.floor(Date.now() / 1000) + 900);
 * ```
 */
export async function ossV1PresignQuery(
  request: OssRequest,
  credentials: OssCredentials,
  expires: number,
  options: OssV1SignOptions = {},
): Promise<Record<string, string>> {
  checkExpiresIn(expires - Math.floor((options.time ?? new Date()).getTime() / 1000), 'The time from now to expires');
  const query = {
    ...request.query,
    ...(credentials.securityToken ? { 'security-token': credentials.securityToken } : {}),
  };
  const stringToSign = ossV1StringToSign({ ...request, query }, String(expires), options.subResources);
  const signature = await sign(credentials.accessKeySecret, stringToSign);
  return { ...query, Expires: String(expires), OSSAccessKeyId: credentials.accessKeyId, Signature: signature };
}
