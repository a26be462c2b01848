import type { S3ProviderOptions } from './providers/s3.js';

/** What {@link readServerEnv} found. */
export interface ServerEnv {
  /** `local` (the embedded store, the default) or `s3` (AWS S3 or any S3-compatible store). */
  readonly provider: 'local' | 's3';
  /** With `s3`: where to sign for. */
  readonly s3?: S3ProviderOptions;
  /** `FERRY_URL_LIFETIME`, seconds. */
  readonly urlLifetimeSeconds?: number;
  /** `FERRY_SECRET`, the upload-token secret. */
  readonly secret?: string;
}

/**
 * Reads the signing server's configuration from environment variables:
 * `FERRY_PROVIDER` (`local` | `s3`), `FERRY_BUCKET`, `FERRY_REGION`, `FERRY_ENDPOINT`,
 * `FERRY_FORCE_PATH_STYLE`, `FERRY_ACCESS_KEY_ID` / `FERRY_SECRET_ACCESS_KEY` /
 * `FERRY_SESSION_TOKEN` (else the AWS SDK's default chain), `FERRY_URL_LIFETIME`, `FERRY_SECRET`.
 *
 * @throws Error naming the variable that is missing or wrong.
 * @example
 * ```ts
 * const env = readServerEnv(process.env);
 * ```
 */
export function readServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const provider = env['FERRY_PROVIDER'] ?? 'local';
  if (provider !== 'local' && provider !== 's3') {
    throw new Error(`FERRY_PROVIDER must be "local" or "s3", got "${provider}".`);
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
  if (!bucket) throw new Error('FERRY_BUCKET is required with FERRY_PROVIDER=s3.');
  const accessKeyId = env['FERRY_ACCESS_KEY_ID'];
  const secretAccessKey = env['FERRY_SECRET_ACCESS_KEY'];
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('Set both FERRY_ACCESS_KEY_ID and FERRY_SECRET_ACCESS_KEY, or neither (to use the AWS default chain).');
  }
  const sessionToken = env['FERRY_SESSION_TOKEN'];
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
