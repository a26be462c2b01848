import type { StoreProfile } from '@ferry/core/protocol';
import type { PartChecksum, PartChecksumAlgorithm } from '../part-checksum.js';
import type { ObjectHeaders } from '../object-fields/object-metadata-policy.js';

/** A presigned request: the URL and the headers the browser must send with it. */
export interface PresignedRequest {
  readonly url: string;
  /** Headers that were signed and that the browser sets itself (never `Content-Length` or `Host`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Seconds the URL is valid, when the store cut the lifetime asked for (OSS: 7 days, STS expiry). */
  readonly expiresIn?: number;
}

/** A presigned form POST: the bucket URL and the form fields to send before the file. */
export interface PresignedPost {
  readonly url: string;
  /** Fields in order (the key, the policy, its signature…); the file goes last, as `file`. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A part the store holds. */
export interface ProviderPart {
  readonly partNumber: number;
  readonly size: number;
  readonly etag: string;
}

/** A multipart upload the store holds open (neither completed nor aborted). */
export interface OpenUpload {
  readonly key: string;
  readonly uploadId: string;
  /** When it was initiated, as the store says. */
  readonly initiated: Date;
}

/** One page of ListMultipartUploads, sorted by key then upload id. */
export interface OpenUploadPage {
  readonly uploads: readonly OpenUpload[];
  /** More uploads follow: ask again from the next markers. */
  readonly truncated: boolean;
  /** Where the next page starts (the last upload of this one). */
  readonly nextKeyMarker?: string | undefined;
  readonly nextUploadIdMarker?: string | undefined;
}

/**
 * What the handler needs from an object store; one implementation per store API (S3, OSS).
 * Every presigned URL also signs the exact `Content-Length` of its body, except with OSS's legacy
 * V1 signatures (`createOssProvider({ signatureVersion: 'v1' })`), which cannot: a V1 URL stores
 * a body of any size for its lifetime.
 */
export interface StorageProvider {
  /**
   * The store's multipart limits (`STORE_PROFILES` from `@ferry/core/protocol`): the handler
   * checks every part size, part count, file size and single PUT against them. The page's
   * `Uploader` should plan with the same profile. @default STORE_PROFILES.s3
   */
  readonly profile?: StoreProfile;
  /** Checksum algorithms the store verifies on a part or single PUT (a sign request may carry one). @default none */
  readonly partChecksums?: readonly PartChecksumAlgorithm[];
  /** Presigns a PUT of a whole object (with `checksum`, its digest is signed and returned as a header to send). */
  presignPut(input: {
    key: string;
    contentType: string;
    contentLength: number;
    expiresIn: number;
    checksum?: PartChecksum;
    /** Metadata, Content-Disposition, Cache-Control and tags to sign in, as the handler's policy allowed them. */
    object?: ObjectHeaders;
  }): Promise<PresignedRequest>;
  /**
   * Presigns an HTML-form POST of a whole object (an S3 POST policy): what Uppy's Companion
   * client sends for a single request. The policy pins the key and `Content-Type` and bounds the
   * body to `[minSize, maxSize]` bytes. Absent on stores without POST policies here (OSS).
   */
  presignPost?(input: {
    key: string;
    contentType: string;
    minSize: number;
    maxSize: number;
    expiresIn: number;
  }): Promise<PresignedPost>;
  /** Starts a multipart upload (the object gets `object`'s headers at completion); returns the upload id. */
  createMultipart(input: { key: string; contentType: string; object?: ObjectHeaders }): Promise<string>;
  /**
   * Presigns the PUT of one part, for exactly `contentLength` bytes. Without it (Companion mode:
   * Uppy never says a part's size) the URL takes any length the store accepts for a part.
   */
  presignPart(input: {
    key: string;
    uploadId: string;
    partNumber: number;
    contentLength?: number;
    expiresIn: number;
    /** The part's digest: signed, and returned as the header the browser must send. */
    checksum?: PartChecksum;
  }): Promise<PresignedRequest>;
  /** Every part stored so far (all pages). */
  listParts(input: { key: string; uploadId: string }): Promise<ProviderPart[]>;
  /** Completes a multipart upload. */
  completeMultipart(input: {
    key: string;
    uploadId: string;
    parts: readonly { partNumber: number; etag: string }[];
  }): Promise<{
    location: string;
    etag?: string | undefined;
    /** The upload callback's answer, relayed by the store (OSS). */
    callback?: string | undefined;
    /** The object's CRC-64/ECMA as the store computed it (OSS `x-oss-hash-crc64ecma`). */
    crc64?: string | undefined;
  }>;
  /** Aborts a multipart upload. */
  abortMultipart(input: { key: string; uploadId: string }): Promise<void>;
  /** Deletes a stored object (no error when it does not exist, as S3 and OSS answer). The delete route needs it. */
  deleteObject?(input: { key: string }): Promise<void>;
  /**
   * One page of the multipart uploads open under `prefix`, after the markers (S3 and OSS
   * ListMultipartUploads, at most 1,000 a page). `sweepIncompleteUploads` needs it.
   */
  listMultipartUploads?(input: {
    prefix: string;
    keyMarker?: string | undefined;
    uploadIdMarker?: string | undefined;
    maxUploads?: number | undefined;
  }): Promise<OpenUploadPage>;
  /**
   * Presigns a GET of a stored object, for links to private objects (the demo's "stored" list).
   * The handler exposes no route for it: an application decides who may read what.
   */
  presignGet?(input: { key: string; expiresIn: number }): Promise<PresignedRequest>;
}
