import { STORE_PROFILES, type StoreName } from '@ferry/core/protocol';
import { parseArgs } from 'node:util';

/** How the kit reaches the store behind the backend, to read back what the backend's URLs did. */
export interface StoreAccess {
  /** A custom endpoint (MinIO, R2, the local store). @default AWS's */
  readonly endpoint?: string;
  readonly bucket: string;
  /** @default 'us-east-1' */
  readonly region: string;
  /** @default the AWS SDK's default chain (environment, profile, instance role) */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Path-style URLs (`endpoint/bucket/key`). @default true with an endpoint */
  readonly forcePathStyle: boolean;
}

/** What one run of the kit checks, and against what. */
export interface KitOptions {
  /** The backend's base URL, e.g. `http://127.0.0.1:8080/api/uploads`. */
  readonly backend: string;
  readonly store: StoreAccess;
  /** The store profile the backend holds plans to. @default 's3' */
  readonly profile: StoreName;
  /** Size of every part but the last in the kit's uploads. @default the profile's smallest part */
  readonly partSize: number;
  /**
   * Parts in one page of the store's ListParts (S3: 1,000); the paging rule uploads one more.
   * @default 1000
   */
  readonly partsPageSize: number;
  /** Headers sent with every call, as the page would send them (a session cookie, a bearer token). @default {} */
  readonly headers: Readonly<Record<string, string>>;
  /** A second caller's headers: with them, the kit also checks that this caller cannot use the first one's uploads. */
  readonly otherCallerHeaders?: Readonly<Record<string, string>>;
  /**
   * A user metadata name the backend's policy allows: with it, the kit checks that metadata is
   * stored with the object and that other names are refused. Without it those rules are n/a.
   */
  readonly metadataName?: string;
}

/** A command line the kit cannot run with; `code` is always `usage`. */
export class KitUsageError extends Error {
  override readonly name = 'KitUsageError';
  readonly code = 'usage';
}

/** Whether `value` is a {@link KitUsageError} (works across bundles). */
export function isKitUsageError(value: unknown): value is KitUsageError {
  return value instanceof KitUsageError || (value instanceof Error && value.name === 'KitUsageError');
}

/** The command line's help text. */
export const USAGE = `Usage: ferry-conformance --backend <url> --bucket <name> [options]

Checks that the signing endpoint at <url> implements Ferry's upload protocol, end to end
against its store, and prints one row per rule. Rules of optional features the backend does not
have (the delete route, stored metadata) print n/a. Exit code 1 when a rule fails, else 0.

  --backend <url>              the endpoint's base URL (http://127.0.0.1:8080/api/uploads)
  --bucket <name>              the bucket the backend signs for
  --store-endpoint <url>       the store's endpoint (MinIO, R2, a local store); default AWS S3
  --region <region>            default us-east-1
  --access-key-id <id>         credentials to read the store back (default: the AWS SDK's
  --secret-access-key <secret>   chain: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, profiles…)
  --virtual-hosted             bucket.endpoint URLs instead of path-style ones
  --profile <name>             the store's limits: ${Object.keys(STORE_PROFILES).join(', ')} (default s3)
  --part-size <bytes>          part size of the kit's uploads (default: the profile's smallest)
  --parts-page-size <n>        parts in one page of the store's ListParts (default 1000, S3's)
  --header "Name: value"       sent with every call (repeatable): the caller's identity
  --other-caller-header "Name: value"
                               a second caller (repeatable): checks it cannot use the first
                               caller's uploads, nor delete their objects
  --metadata-name <name>       a user metadata name the backend's policy allows: checks that it
                               is stored with the object and that other names are refused
                               (without it, those rules are n/a)
  --help                       this text`;

function headerRecord(lines: readonly string[] | undefined, flag: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines ?? []) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new KitUsageError(`${flag} must look like "Name: value", got "${line}".`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) {
    throw new KitUsageError(`${flag} must be a whole number of at least ${min}, got "${value}".`);
  }
  return number;
}

function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new KitUsageError(`${flag} must be an http(s) URL, got "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KitUsageError(`${flag} must be an http(s) URL, got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Reads the kit's command line; `'help'` when help was asked for.
 * @throws KitUsageError naming the flag that is missing or wrong.
 * @example
 * ```ts
 * parseKitArgs(['--backend', 'http://127.0.0.1:8080/api/uploads', '--bucket', 'uploads']);
 * ```
 */
export function parseKitArgs(argv: readonly string[]): KitOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        backend: { type: 'string' },
        bucket: { type: 'string' },
        'store-endpoint': { type: 'string' },
        region: { type: 'string', default: 'us-east-1' },
        'access-key-id': { type: 'string' },
        'secret-access-key': { type: 'string' },
        'virtual-hosted': { type: 'boolean', default: false },
        profile: { type: 'string', default: 's3' },
        'part-size': { type: 'string' },
        'parts-page-size': { type: 'string' },
        header: { type: 'string', multiple: true },
        'other-caller-header': { type: 'string', multiple: true },
        'metadata-name': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new KitUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (!values.backend) throw new KitUsageError('--backend <url> is required.');
  if (!values.bucket) throw new KitUsageError('--bucket <name> is required.');
  if (!(values.profile in STORE_PROFILES)) {
    throw new KitUsageError(`--profile must be one of ${Object.keys(STORE_PROFILES).join(', ')}.`);
  }
  const profile = values.profile as StoreName;
  const limits = STORE_PROFILES[profile];
  const accessKeyId = values['access-key-id'];
  const secretAccessKey = values['secret-access-key'];
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new KitUsageError('Give both --access-key-id and --secret-access-key, or neither.');
  }
  const endpoint =
    values['store-endpoint'] === undefined ? undefined : httpUrl(values['store-endpoint'], '--store-endpoint');
  const partSize = wholeNumber(values['part-size'], '--part-size', limits.minPartSize) ?? limits.minPartSize;
  if (partSize > limits.maxPartSize) throw new KitUsageError(`--part-size is over ${limits.name}'s largest part.`);
  const otherCaller = values['other-caller-header'];
  const metadataName = values['metadata-name'];
  // What S3 keeps as x-amz-meta-<name>: an HTTP header token, which every store returns as sent.
  if (metadataName !== undefined && !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(metadataName)) {
    throw new KitUsageError(`--metadata-name must be a header name such as album, got "${metadataName}".`);
  }
  return {
    backend: httpUrl(values.backend, '--backend'),
    store: {
      bucket: values.bucket,
      region: values.region,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      forcePathStyle: endpoint !== undefined && !values['virtual-hosted'],
    },
    profile,
    partSize,
    partsPageSize: wholeNumber(values['parts-page-size'], '--parts-page-size', 1) ?? 1000,
    headers: headerRecord(values.header, '--header'),
    ...(otherCaller === undefined ? {} : { otherCallerHeaders: headerRecord(otherCaller, '--other-caller-header') }),
    ...(metadataName === undefined ? {} : { metadataName }),
  };
}
