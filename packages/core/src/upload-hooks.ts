import type { UploadSource } from './file-upload.js';

/**
 * What is stored with the object besides its bytes. The signing server stores only what its
 * policy allows (`@ferry/server`'s `objectMetadata`) and refuses the rest with 400
 * `metadata-not-allowed`; the server's `key()` sees `metadata` too.
 */
export interface ObjectFields {
  /** User metadata, stored as `x-amz-meta-<name>` (S3) or `x-oss-meta-<name>` (OSS). @default {} */
  readonly metadata?: Readonly<Record<string, string>> | undefined;
  /** The object's `Cache-Control`. @default the store's (none) */
  readonly cacheControl?: string | undefined;
  /** Object tags (S3 object tagging, OSS `x-oss-tagging`). @default none */
  readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** Options of `Uploader.add()`: what to store with this file's object. */
export type AddOptions = ObjectFields;

/**
 * What `beforeAdd` decides: `undefined` (or `true`) adds the file as it is, `{ refuse }` does not
 * add it (`add()` throws `refused` with that reason), `{ name }` adds it under another name.
 */
export type BeforeAddResult = undefined | true | { readonly refuse: string } | { readonly name: string };

/** What `beforeUpload` may change, everything optional; `undefined` changes nothing. */
export interface BeforeUploadResult extends ObjectFields {
  /** Bytes to send instead of the file's: the object's size and type follow them (a `File` also gives its name). */
  readonly file?: Blob | UploadSource | undefined;
  /** A short code saying what was done or why not (`@ferry/core/resize`: `resize-larger`, `resize-undecodable`). */
  readonly note?: string | undefined;
}

/** What `beforeUpload` is called with besides the file. */
export interface BeforeUploadContext extends ObjectFields {
  /** Aborted when the upload is paused or cancelled meanwhile. */
  readonly signal: AbortSignal;
}

/** A `beforeUpload` hook: may be async; a rejection fails the upload with that error (the user may retry). */
export type BeforeUpload = (
  file: UploadSource,
  context: BeforeUploadContext,
) => BeforeUploadResult | undefined | Promise<BeforeUploadResult | undefined>;

/** `source` under another name: the same bytes, never copied. */
export function renamedSource(source: UploadSource, name: string): UploadSource {
  return { name, type: source.type, size: source.size, slice: (start, end) => source.slice(start, end) };
}
