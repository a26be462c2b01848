import { ServerError } from './errors.js';
import { defaultObjectKey } from './object-key.js';
import type { StorageProvider } from './providers/provider.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** The file a client wants to upload, as validated by the handler. */
export interface UploadRequestFile {
  readonly filename: string;
  readonly type: string;
  readonly size: number;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Options of `createFerryHandler`. */
export interface FerryHandlerOptions {
  /** The store to sign for. */
  readonly provider: StorageProvider;
  /** Secret for upload tokens, at least 32 bytes; the same on every server behind a load balancer. */
  readonly secret: string;
  /** Path prefix the handler is mounted under, stripped before routing. @default '' */
  readonly basePath?: string;
  /** Lifetime of presigned URLs, in seconds (S3 allows at most 7 days). @default 900 */
  readonly urlLifetimeSeconds?: number;
  /** Lifetime of upload tokens, in seconds (how long an upload can be resumed). @default 86400 */
  readonly tokenLifetimeSeconds?: number;
  /** Largest file accepted, in bytes. @default 5 TiB (S3's object limit) */
  readonly maxFileSize?: number;
  /** Chooses the object key; must not start with `/` or contain `..`. @default `uploads/<uuid>/<sanitised name>` */
  readonly key?: (file: UploadRequestFile) => string | Promise<string>;
  /** Called with unexpected errors (the client only sees `internal`). @default console.error */
  readonly onError?: (error: unknown) => void;
}

/** {@link FerryHandlerOptions} with defaults applied. */
export interface ResolvedHandlerOptions extends Required<Omit<FerryHandlerOptions, 'key'>> {
  readonly key: (file: UploadRequestFile) => Promise<string>;
}

/** S3's limits, which OSS shares. */
export const PART_LIMITS = Object.freeze({ minPartSize: 5 * MiB, maxPartSize: 5 * GiB, maxParts: 10_000, maxSinglePut: 5 * GiB });

/** Applies defaults and validates. */
export function resolveHandlerOptions(options: FerryHandlerOptions): ResolvedHandlerOptions {
  const urlLifetimeSeconds = options.urlLifetimeSeconds ?? 900;
  if (!Number.isInteger(urlLifetimeSeconds) || urlLifetimeSeconds < 1 || urlLifetimeSeconds > 604_800) {
    throw new Error('urlLifetimeSeconds must be a whole number of seconds from 1 to 604800 (7 days).');
  }
  const chooseKey = options.key ?? ((file: UploadRequestFile) => defaultObjectKey(file.filename));
  return {
    provider: options.provider,
    secret: options.secret,
    basePath: (options.basePath ?? '').replace(/\/+$/, ''),
    urlLifetimeSeconds,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 86_400,
    maxFileSize: options.maxFileSize ?? 5 * 1024 * GiB,
    onError: options.onError ?? ((error) => console.error('[ferry]', error)),
    key: async (file) => checkKey(await chooseKey(file)),
  };
}

function checkKey(key: string): string {
  if (
    typeof key !== 'string' ||
    key === '' ||
    key.startsWith('/') ||
    key.split('/').includes('..') ||
    Buffer.byteLength(key) > 1024
  ) {
    throw new ServerError('internal', 'The configured key() returned an unsafe object key.');
  }
  return key;
}
