import { checkExpiresIn } from '../../signing-error.js';
import { hmac, sha256Hex, toHex } from '../../web-crypto.js';
import { ossEncode, type OssCredentials, type OssRequest } from './oss-credentials.js';

const ALGORITHM = 'OSS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** `x-oss-*`, `Content-Type` and `Content-MD5` are always signed; others only when listed. */
function signedByDefault(name: string): boolean {
  return name.startsWith('x-oss-') || name === 'content-type' || name === 'content-md5';
}

/** `20231217T035628Z` and `20231217` for `time`. */
function stamps(time: Date): { datetime: string; date: string } {
  const datetime = time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return { datetime, date: datetime.slice(0, 8) };
}

/** The additional headers to sign: lower-cased, present on the request, not signed by default, sorted. */
function additionalHeaders(request: OssRequest, wanted: readonly string[]): string[] {
  const present = new Set(Object.keys(request.headers).map((name) => name.toLowerCase()));
  return [...new Set(wanted.map((name) => name.toLowerCase()))]
    .filter((name) => !signedByDefault(name) && present.has(name))
    .sort();
}

/** OSS V4's canonical request (method, URI, query, headers, additional headers, payload hash). */
export function ossV4CanonicalRequest(request: OssRequest, additional: readonly string[]): string {
  const uri = ossEncode(`/${request.bucket ? `${request.bucket}/` : ''}${request.key}`, true);
  const query = Object.entries(request.query)
    .map(([key, value]) => [ossEncode(key), ossEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => (value ? `${key}=${value}` : key))
    .join('&');
  const headers = new Map<string, string[]>();
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (signedByDefault(lower) || additional.includes(lower))
      headers.set(lower, [...(headers.get(lower) ?? []), value.trim()]);
  }
  const canonicalHeaders = [...headers.keys()]
    .sort()
    .map((name) => `${name}:${headers.get(name)!.join(',')}\n`)
    .join('');
  const payload =
    Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'x-oss-content-sha256')?.[1] ??
    UNSIGNED_PAYLOAD;
  return [request.method, uri, query, canonicalHeaders, additional.join(';'), payload].join('\n');
}

/** The signature of `stringToSign` with the V4 key derived for `date` and `region`. */
async function signature(secret: string, date: string, region: string, stringToSign: string): Promise<string> {
  let key = await hmac(`aliyun_v4${secret}`, date);
  for (const part of [region, 'oss', 'aliyun_v4_request']) key = await hmac(key, part);
  return toHex(await hmac(key, stringToSign));
}

/** What a V4 signature was computed over, for diagnostics and tests. */
export interface OssV4Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

async function sign(
  request: OssRequest,
  credentials: OssCredentials,
  region: string,
  time: Date,
  additional: readonly string[],
): Promise<OssV4Signature & { scope: string }> {
  const { datetime, date } = stamps(time);
  const scope = `${date}/${region}/oss/aliyun_v4_request`;
  const canonicalRequest = ossV4CanonicalRequest(request, additional);
  const stringToSign = [ALGORITHM, datetime, scope, await sha256Hex(canonicalRequest)].join('\n');
  return {
    canonicalRequest,
    stringToSign,
    signature: await signature(credentials.accessKeySecret, date, region, stringToSign),
    scope,
  };
}

/**
 * Signs `request` for the `Authorization` header (server-to-OSS calls): adds `x-oss-date`,
 * `x-oss-content-sha256` (and `x-oss-security-token`) and returns every header to send.
 * @example
 * ```ts
 * const headers = await ossV4AuthorizationHeaders({ method: 'POST', bucket, key, query: { uploads: '' }, headers: {} }, credentials, 'cn-hangzhou');
 * ```
 */
export async function ossV4AuthorizationHeaders(
  request: OssRequest,
  credentials: OssCredentials,
  region: string,
  options: { readonly time?: Date; readonly additionalHeaders?: readonly string[] } = {},
): Promise<Record<string, string> & OssV4Signature> {
  const time = options.time ?? new Date();
  const own = new Set(['x-oss-date', 'x-oss-content-sha256', 'x-oss-security-token']);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(request.headers).filter(([name]) => !own.has(name.toLowerCase()))),
    'x-oss-date': stamps(time).datetime,
    'x-oss-content-sha256': UNSIGNED_PAYLOAD,
    ...(credentials.securityToken ? { 'x-oss-security-token': credentials.securityToken } : {}),
  };
  const signed = { ...request, headers };
  const additional = additionalHeaders(signed, options.additionalHeaders ?? []);
  const { scope, ...result } = await sign(signed, credentials, region, time, additional);
  const authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}${additional.length ? `,AdditionalHeaders=${additional.join(';')}` : ''},Signature=${result.signature}`;
  return Object.assign({ ...headers, Authorization: authorization }, result);
}

/**
 * The query that presigns `request` for `expiresIn` seconds from `time` (V4): the request's own
 * parameters plus `x-oss-signature-version`, `-date`, `-expires`, `-credential`, the STS token,
 * `x-oss-additional-headers` when some are signed, and `x-oss-signature`.
 * @throws SigningError `invalid-expiry` unless `expiresIn` is a whole number of seconds from 1 to 604800.
 * @example
 * ```ts
 * const { query } = await ossV4PresignQuery({ method: 'PUT', bucket, key, query: {}, headers }, credentials, 'cn-hangzhou', 900);
 * ```
 */
export async function ossV4PresignQuery(
  request: OssRequest,
  credentials: OssCredentials,
  region: string,
  expiresIn: number,
  options: { readonly time?: Date; readonly additionalHeaders?: readonly string[] } = {},
): Promise<{ query: Record<string, string> } & OssV4Signature> {
  checkExpiresIn(expiresIn);
  const time = options.time ?? new Date();
  const additional = additionalHeaders(request, options.additionalHeaders ?? []);
  const { date } = stamps(time);
  const query: Record<string, string> = {
    ...request.query,
    ...(credentials.securityToken ? { 'x-oss-security-token': credentials.securityToken } : {}),
    'x-oss-signature-version': ALGORITHM,
    'x-oss-date': stamps(time).datetime,
    'x-oss-expires': String(expiresIn),
    'x-oss-credential': `${credentials.accessKeyId}/${date}/${region}/oss/aliyun_v4_request`,
    ...(additional.length ? { 'x-oss-additional-headers': additional.join(';') } : {}),
  };
  const { scope: _scope, ...result } = await sign({ ...request, query }, credentials, region, time, additional);
  return { query: { ...query, 'x-oss-signature': result.signature }, ...result };
}
