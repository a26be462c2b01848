import { ServerError } from '../errors.js';
import { contentDisposition } from './content-disposition.js';
import { utf8Length } from '../web-crypto.js';

/**
 * What `@ferry/server` signs into new objects besides their type and size. Without a policy the
 * server stores no per-file metadata (a client's `metadata` only reaches `key()`) and refuses
 * `cacheControl` and `tags`. With one, everything a client asks for must be allowed here, or the
 * request is refused with 400 `metadata-not-allowed` and nothing is signed.
 * @example
 * ```ts
 * createFerryHandler({ provider, secret, objectMetadata: { metadata: ['album'], contentDisposition: 'attachment', tags: ['project'] } });
 * ```
 */
export interface ObjectMetadataPolicy {
  /** User metadata names a client may set (compared case-insensitively; stored in lower case). @default [] */
  readonly metadata?: readonly string[];
  /** Metadata names the server's `key()` may read that are never stored nor refused. @default ['relativePath'] */
  readonly keyOnly?: readonly string[];
  /** Metadata every object gets from the server (a client's value for the name is overridden). @default {} */
  readonly fixed?: Readonly<Record<string, string>>;
  /** Most bytes of user metadata, names and values in UTF-8 together, fixed ones included (S3 allows 2 KB). @default 2048 */
  readonly maxBytes?: number;
  /** A further check of each value a client sent: return `false` or a reason to refuse it. @default none */
  readonly checkValue?: (name: string, value: string, kind: 'metadata' | 'tag') => boolean | string;
  /** Gives every object a `Content-Disposition` naming the original file (RFC 6266 / 5987). @default none */
  readonly contentDisposition?: 'inline' | 'attachment';
  /** `Cache-Control` values a client may ask for, exactly as written. @default none */
  readonly cacheControl?: readonly string[];
  /** Tag keys a client may set (at most 10 tags: S3's limit; keys up to 128 characters, values up to 256). @default none */
  readonly tags?: readonly string[];
}

/** What a client asked to store with the object, as the routes read it. */
export interface RequestedObjectFields {
  readonly filename: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly cacheControl?: string | undefined;
  readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** What the provider signs into the new object; every field already checked. */
export interface ObjectHeaders {
  /** User metadata by lower-case name, without the `x-amz-meta-` / `x-oss-meta-` prefix. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly contentDisposition?: string;
  readonly cacheControl?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A header field name (RFC 9110 token). */
const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/**
 * Printable ASCII without a space at either end: what every browser sends in a header unchanged
 * (browsers and stores trim a value's ends, while the signature covers it as given).
 */
const PRINTABLE = /^(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?$/;
/** What S3 allows in tag keys and values. */
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MAX_TAGS = 10;

const refuse = (message: string): ServerError => new ServerError('metadata-not-allowed', message);

/**
 * Checks what a client asked to store against `policy`; the headers to sign.
 * @throws ServerError `metadata-not-allowed` (400) for anything the policy does not allow.
 */
export function objectHeadersFor(
  policy: ObjectMetadataPolicy | undefined,
  asked: RequestedObjectFields,
): ObjectHeaders {
  if (!policy) {
    if (asked.cacheControl !== undefined || asked.tags !== undefined)
      throw refuse('This server stores no Cache-Control or tags with uploads.');
    return { metadata: {} };
  }
  const allowed = new Set((policy.metadata ?? []).map((name) => name.toLowerCase()));
  const keyOnly = new Set((policy.keyOnly ?? ['relativePath']).map((name) => name.toLowerCase()));
  const check = (name: string, value: string, kind: 'metadata' | 'tag'): void => {
    const verdict = policy.checkValue?.(name, value, kind) ?? true;
    if (verdict !== true) throw refuse(`The value of ${kind} ${name} is not allowed${verdict ? `: ${verdict}` : ''}.`);
  };
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(asked.metadata)) {
    const lower = name.toLowerCase();
    if (keyOnly.has(lower)) continue;
    if (!allowed.has(lower) || !TOKEN.test(name)) throw refuse(`Metadata ${name} is not allowed here.`);
    if (!PRINTABLE.test(value))
      throw refuse(
        `Metadata ${name} must be printable ASCII with no space at either end (encode other text, e.g. with encodeURIComponent).`,
      );
    check(name, value, 'metadata');
    metadata[lower] = value;
  }
  for (const [name, value] of Object.entries(policy.fixed ?? {})) {
    // The application's own configuration, but it lands in signed headers all the same.
    if (!TOKEN.test(name) || !PRINTABLE.test(value))
      throw new ServerError('internal', `objectMetadata.fixed ${name} is not a header name with a printable value.`);
    metadata[name.toLowerCase()] = value;
  }
  const bytes = Object.entries(metadata).reduce((sum, [name, value]) => sum + utf8Length(name) + utf8Length(value), 0);
  const maxBytes = policy.maxBytes ?? 2048;
  if (bytes > maxBytes) throw refuse(`User metadata may have at most ${maxBytes} bytes; this has ${bytes}.`);

  const headers: { -readonly [K in keyof ObjectHeaders]: ObjectHeaders[K] } = { metadata };
  if (policy.contentDisposition)
    headers.contentDisposition = contentDisposition(policy.contentDisposition, asked.filename);
  if (asked.cacheControl !== undefined) {
    if (!policy.cacheControl?.includes(asked.cacheControl))
      throw refuse(`Cache-Control "${asked.cacheControl}" is not allowed here.`);
    headers.cacheControl = asked.cacheControl;
  }
  if (asked.tags !== undefined) {
    const entries = Object.entries(asked.tags);
    if (entries.length > MAX_TAGS) throw refuse(`At most ${MAX_TAGS} tags are allowed.`);
    for (const [name, value] of entries) {
      if (!policy.tags?.includes(name)) throw refuse(`Tag ${name} is not allowed here.`);
      if (name.length > 128 || value.length > 256 || !TAG_CHARS.test(name) || !TAG_CHARS.test(value))
        throw refuse(
          `Tag ${name} must have a key of at most 128 and a value of at most 256 letters, digits, spaces or _.:/=+-@.`,
        );
      check(name, value, 'tag');
    }
    if (entries.length > 0) headers.tags = asked.tags;
  }
  return headers;
}

/** Tags as the `x-amz-tagging` / `x-oss-tagging` header carries them: a URL-encoded query string. */
export function taggingHeader(tags: Readonly<Record<string, string>>): string {
  return new URLSearchParams(Object.entries(tags)).toString().replace(/\+/g, '%20');
}
