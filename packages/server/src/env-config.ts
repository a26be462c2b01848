import type { OssProviderOptions } from './providers/oss/oss-provider.js';
import type { S3ProviderOptions } from './providers/s3.js';

/** What {@link readServerEnv} found. */
export interface ServerEnv {
  /** `local` (the embedded store, the default), `s3` (AWS S3 or any S3-compatible store) or `oss` (Alibaba Cloud OSS). */
  readonly provider: 'local' | 's3' | 'oss';
  /** With `s3`: where to sign for. */
  readonly s3?: S3ProviderOptions;
  /** With `oss`: where to sign for. */
  readonly oss?: OssProviderOptions;
  /** `FERRY_URL_LIFETIME`, seconds. */
  readonly urlLifetimeSeconds?: number;
  /** `FERRY_SECRET`, the upload-token secret. */
  readonly secret?: string;
}

/**
 * Reads the signing server's configuration from environment variables:
 * `FERRY_PROVIDER` (`local` | `s3` | `oss`), `FERRY_BUCKET`, `FERRY_REGION`, `FERRY_ENDPOINT`,
 * `FERRY_FORCE_PATH_STYLE`, `FERRY_ACCESS_KEY_ID` / `FERRY_SECRET_ACCESS_KEY` /
 * `FERRY_SESSION_TOKEN` (else, for S3, `AWS_ACCESS_KEY_ID` and the rest from the environment), `FERRY_URL_LIFETIME`,
 * `FERRY_SECRET`; for OSS also `FERRY_SESSION_EXPIRATION` (ISO date of the STS credentials),
 * `FERRY_OSS_CUSTOM_DOMAIN` (`true`: the endpoint is a domain bound to the bucket),
 * `FERRY_OSS_SIGNATURE_VERSION` (`v4` | `v1`) and `FERRY_STORAGE_CLASS`.
 *
 * @throws Error naming the variable that is missing or wrong.
 * @example
 * ```ts
 * const env = readServerEnv(process.env);
 * ```
 */
export function readServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const provider = env['FERRY_PROVIDER'] ?? 'local';
  if (provider !== 'local' && provider !== 's3' && provider !== 'oss') {
    throw new Error(`FERRY_PROVIDER must be "local", "s3" or "oss", got "${provider}".`);
  }
  const lifetime = env['FERRY_URL_LIFETIME'];
  const urlLifetimeSeconds = lifetime === undefined ? undefined : Number(lifetime);
  if (urlLifetimeSeconds !== undefined && (!Number.isInteger(urlLifetimeSeconds) || urlLifetimeSeconds < 1)) {
    throw new Error('FERRY_URL_LIFETIME must be a whole number of seconds.');
  }
  const base = {
    provider,
    ...(urlLifetimeSeconds === undefined ? {} : { urlLifetimeSeconds }),
    ...(env['FERRY_SECRET'] ? { secret: env['FERRY_SECRET'] } : {}),
  } as const;
  if (provider === 'local') return base;
  const bucket = env['FERRY_BUCKET'];
  if (!bucket) throw new Error(`FERRY_BUCKET is required with FERRY_PROVIDER=${provider}.`);
  const accessKeyId = env['FERRY_ACCESS_KEY_ID'];
  const secretAccessKey = env['FERRY_SECRET_ACCESS_KEY'];
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      'Set both FERRY_ACCESS_KEY_ID and FERRY_SECRET_ACCESS_KEY, or neither ' +
        '(to use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).',
    );
  }
  const sessionToken = env['FERRY_SESSION_TOKEN'];
  if (provider === 'oss') return { ...base, oss: ossFromEnv(env, bucket, accessKeyId, secretAccessKey, sessionToken) };
  const s3: S3ProviderOptions = {
    bucket,
    ...(env['FERRY_REGION'] ? { region: env['FERRY_REGION'] } : {}),
    ...(env['FERRY_ENDPOINT'] ? { endpoint: env['FERRY_ENDPOINT'] } : {}),
    ...(env['FERRY_FORCE_PATH_STYLE'] ? { forcePathStyle: env['FERRY_FORCE_PATH_STYLE'] === 'true' } : {}),
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
  };
  return { ...base, s3 };
}

function ossFromEnv(
  env: Record<string, string | undefined>,
  bucket: string,
  accessKeyId: string | undefined,
  accessKeySecret: string | undefined,
  securityToken: string | undefined,
): OssProviderOptions {
  const region = env['FERRY_REGION'];
  if (!region) throw new Error('FERRY_REGION is required with FERRY_PROVIDER=oss (for example cn-hangzhou).');
  if (!accessKeyId || !accessKeySecret)
    throw new Error('FERRY_ACCESS_KEY_ID and FERRY_SECRET_ACCESS_KEY are required with FERRY_PROVIDER=oss.');
  const expiration = env['FERRY_SESSION_EXPIRATION'];
  if (expiration !== undefined && Number.isNaN(Date.parse(expiration)))
    throw new Error('FERRY_SESSION_EXPIRATION must be a date (ISO 8601).');
  const version = env['FERRY_OSS_SIGNATURE_VERSION'] ?? 'v4';
  if (version !== 'v4' && version !== 'v1') throw new Error('FERRY_OSS_SIGNATURE_VERSION must be "v4" or "v1".');
  return {
    bucket,
    region,
    credentials: {
      accessKeyId,
      accessKeySecret,
      ...(securityToken ? { securityToken } : {}),
      ...(expiration ? { expiration: new Date(expiration) } : {}),
    },
    signatureVersion: version,
    ...(env['FERRY_ENDPOINT'] ? { endpoint: env['FERRY_ENDPOINT'] } : {}),
    ...(env['FERRY_OSS_CUSTOM_DOMAIN'] === 'true' ? { customDomain: true } : {}),
    ...(env['FERRY_STORAGE_CLASS'] ? { storageClass: env['FERRY_STORAGE_CLASS'] } : {}),
  };
}
