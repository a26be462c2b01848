import { createHmac } from 'node:crypto';
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

/**
 * The legacy V1 string to sign: method, Content-MD5, Content-Type, the date (or `Expires` of a
 * presigned URL), the `x-oss-*` headers and the resource with its signed sub-resources.
 * @example
 * ```ts
 * ossV1StringToSign(request, 'Wed, 28 Dec 2022 10:27:41 GMT');
 * ```
 */
export function ossV1StringToSign(request: OssRequest, date: string): string {
  const ossHeaders = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => name.startsWith('x-oss-'))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const parameters = Object.keys(request.query)
    .filter((name) => SIGNED_PARAMETERS.has(name) || name.startsWith('x-oss-'))
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

const sign = (secret: string, stringToSign: string) => createHmac('sha1', secret).update(stringToSign).digest('base64');

/**
 * Signs `request` with a V1 `Authorization: OSS ak:signature` header; returns every header to send.
 * @example
 * ```ts
 * const headers = ossV1AuthorizationHeaders(request, credentials);
 * ```
 */
export function ossV1AuthorizationHeaders(
  request: OssRequest,
  credentials: OssCredentials,
  options: { readonly time?: Date } = {},
): Record<string, string> {
  const date = (options.time ?? new Date()).toUTCString();
  const headers = {
    ...request.headers,
    ...(credentials.securityToken ? { 'x-oss-security-token': credentials.securityToken } : {}),
  };
  const signature = sign(credentials.accessKeySecret, ossV1StringToSign({ ...request, headers }, date));
  return { ...headers, Date: date, Authorization: `OSS ${credentials.accessKeyId}:${signature}` };
}

/**
 * The query that presigns `request` with V1 until `expires` (Unix seconds).
 * @example
 * ```ts
 * const query = ossV1PresignQuery(request, credentials, Math.floor(Date.now() / 1000) + 900);
 * ```
 */
export function ossV1PresignQuery(
  request: OssRequest,
  credentials: OssCredentials,
  expires: number,
): Record<string, string> {
  const query = {
    ...request.query,
    ...(credentials.securityToken ? { 'security-token': credentials.securityToken } : {}),
  };
  const signature = sign(credentials.accessKeySecret, ossV1StringToSign({ ...request, query }, String(expires)));
  return { ...query, Expires: String(expires), OSSAccessKeyId: credentials.accessKeyId, Signature: signature };
}
