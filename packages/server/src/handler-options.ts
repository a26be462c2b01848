import { STORE_PROFILES, type StoreProfile } from '@ferry/core/protocol';
import { ServerError } from './errors.js';
import { defaultObjectKey } from './object-key.js';
import { deleteAuthorizer, resolveDeleteWindow } from './delete-options.js';
import { checkNoDotSegments } from './signing-error.js';
import { utf8Length } from './web-crypto.js';
import type { StorageProvider } from './providers/provider.js';
import type { ObjectMetadataPolicy } from './object-fields/object-metadata-policy.js';

/** The file a client wants to upload, as validated by the handler. */
export interface UploadRequestFile {
  readonly filename: string;
  readonly type: string;
  /** File size in bytes; 0 when the client did not say (Uppy through Companion mode). */
  readonly size: number;
  readonly metadata: Readonly<Record<string, string>>;
}

/** Who is calling, as the `authorize` hook says: an id the upload token is bound to. */
export interface UploadUser {
  /** Stable id of the caller (a user id, a session id). */
  readonly id: string;
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
  /**
   * Largest file accepted, in bytes; more than the provider's profile allows (its largest object)
   * throws when the handler is made. @default the profile's largest object
   */
  readonly maxFileSize?: number;
  /**
   * Says who is calling, from the request (a session cookie, a bearer token): return the user,
   * or `null`/throw to refuse with 401. Every later call of an upload must come from the same user.
   * @default everyone is the same anonymous user
   */
  readonly authorize?: (request: Request) => UploadUser | null | Promise<UploadUser | null>;
  /**
   * Chooses the object key; must not start with `/` nor have a `.` or `..` segment (also as
   * `%2e`), which browsers collapse: such a key is refused with a `SigningError` `unsafe-key`
   * (the client sees 500 `internal`). @default `uploads/<uuid>/<sanitised name>`
   */
  readonly key?: (file: UploadRequestFile, user: UploadUser) => string | Promise<string>;
  /** MIME types accepted, exact (`image/png`) or by family (`image/*`). @default every type */
  readonly allowedTypes?: readonly string[];
  /** Most parts one upload may have (at most the provider's profile's). @default the profile's (10,000 on every known store) */
  readonly maxParts?: number;
  /**
   * Says whether `request` may delete the stored object `key` (`DELETE {base}/objects?key`): the
   * application's own rule (the key is in a record this user owns, an admin). A request carrying
   * a valid delete token for the key is allowed without asking. Returning false or throwing
   * refuses with 403 `delete-not-allowed`.
   * @default refuse every delete that has no valid delete token
   */
  readonly authorizeDelete?: (request: Request, key: string, user: UploadUser) => boolean | Promise<boolean>;
  /**
   * How long a finished upload's delete token lets its page delete the object, in seconds after
   * completion (a single PUT's: after its URL expires, since the PUT may come that late).
   * 0 issues no delete tokens. A single PUT's token comes with its URL, before any byte is
   * stored: with a `key()` that gives the same key again (one avatar per user), it can delete the
   * object already there without uploading. Keep keys unique per upload (the default) or set 0.
   * @default 600
   */
  readonly deleteWindowSeconds?: number;
  /**
   * Also answers Uppy Companion's S3 routes below `{basePath}/s3`, so `@uppy/aws-s3` with
   * `companionEndpoint` set to the base URL uploads through this server. Uppy sends no sizes, so
   * part URLs there do not sign a length; the README says what this mode does and does not
   * guarantee. @default false
   */
  readonly companion?: boolean;
  /** Called with unexpected errors (the client only sees `internal`). @default console.error */
  readonly onError?: (error: unknown) => void;
  /**
   * What may be stored with each object (user metadata, Content-Disposition, Cache-Control, tags);
   * anything else a client asks for is refused with 400 `metadata-not-allowed`.
   * @default undefined (nothing per file: metadata only reaches `key()`)
   */
  readonly objectMetadata?: ObjectMetadataPolicy | undefined;
}

/** {@link FerryHandlerOptions} with defaults applied. */
export interface ResolvedHandlerOptions extends Required<
  Omit<FerryHandlerOptions, 'key' | 'authorize' | 'allowedTypes' | 'objectMetadata' | 'authorizeDelete'>
> {
  readonly objectMetadata: ObjectMetadataPolicy | undefined;
  /** The provider's multipart limits. */
  readonly profile: StoreProfile;
  readonly key: (file: UploadRequestFile, user: UploadUser) => Promise<string>;
  readonly authorize: (request: Request) => Promise<UploadUser>;
  /** Whether the application allows the delete: false when refused, thrown or without a hook. */
  readonly authorizeDelete: (request: Request, key: string, user: UploadUser) => Promise<boolean>;
  /** Throws `type-not-allowed` unless `type` is allowed. */
  readonly checkType: (type: string) => void;
}

const ANONYMOUS: UploadUser = Object.freeze({ id: '' });

/** Applies defaults and validates. */
export function resolveHandlerOptions(options: FerryHandlerOptions): ResolvedHandlerOptions {
  const urlLifetimeSeconds = options.urlLifetimeSeconds ?? 900;
  if (!Number.isInteger(urlLifetimeSeconds) || urlLifetimeSeconds < 1 || urlLifetimeSeconds > 604_800) {
    throw new Error('urlLifetimeSeconds must be a whole number of seconds from 1 to 604800 (7 days).');
  }
  const chooseKey = options.key ?? ((file: UploadRequestFile) => defaultObjectKey(file.filename));
  const profile = options.provider.profile ?? STORE_PROFILES.s3;
  const maxParts = options.maxParts ?? profile.maxParts;
  if (!Number.isInteger(maxParts) || maxParts < 1 || maxParts > profile.maxParts) {
    throw new Error(`maxParts must be a whole number from 1 to ${profile.maxParts} (${profile.name}'s limit).`);
  }
  const maxFileSize = options.maxFileSize ?? profile.maxObjectSize;
  // Said at start-up, not clamped: a limit the store cannot honour is a mistake in the config.
  if (!Number.isSafeInteger(maxFileSize) || maxFileSize < 1 || maxFileSize > profile.maxObjectSize) {
    throw new Error(
      `maxFileSize must be a whole number of bytes from 1 to ${profile.maxObjectSize} (${profile.name}'s largest object).`,
    );
  }
  const allowed = options.allowedTypes;
  return {
    provider: options.provider,
    secret: options.secret,
    basePath: (options.basePath ?? '').replace(/\/+$/, ''),
    urlLifetimeSeconds,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 86_400,
    maxFileSize,
    profile,
    onError: options.onError ?? ((error) => console.error('[ferry]', error)),
    maxParts,
    objectMetadata: options.objectMetadata,
    deleteWindowSeconds: resolveDeleteWindow(options.deleteWindowSeconds),
    authorizeDelete: deleteAuthorizer(options.authorizeDelete),
    companion: options.companion ?? false,
    key: async (file, user) => checkKey(await chooseKey(file, user)),
    authorize: async (request) => {
      if (!options.authorize) return ANONYMOUS;
      let user: UploadUser | null;
      try {
        user = await options.authorize(request);
      } catch (error) {
        throw new ServerError('unauthorized', 'The request is not authorized to upload.', { cause: error });
      }
      if (!user || typeof user.id !== 'string')
        throw new ServerError('unauthorized', 'The request is not authorized to upload.');
      return user;
    },
    checkType: (type) => {
      if (!allowed) return;
      const family = type.split('/')[0]! + '/*';
      const base = type.split(';')[0]!.trim();
      if (!allowed.includes(base) && !allowed.includes(family)) {
        throw new ServerError('type-not-allowed', `Files of type ${base} are not accepted here.`);
      }
    },
  };
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key === '' || key.startsWith('/') || utf8Length(key) > 1024) {
    throw new ServerError('internal', 'The configured key() returned an unsafe object key.');
  }
  return checkNoDotSegments(key);
}
