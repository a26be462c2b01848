/** What every endpoint call accepts besides its input. */
export interface CallOptions {
  /** Aborts the call. */
  readonly signal: AbortSignal;
}

/** The file as the endpoint sees it. */
export interface FileDescriptor {
  /** The file's name (the server sanitises it before it becomes part of a key). */
  readonly filename: string;
  /** The MIME type the object is stored with; `application/octet-stream` when unknown. */
  readonly type: string;
  /** Size in bytes. */
  readonly size: number;
  /** User metadata: the server's `key()` sees it, and stores what its policy allows (`x-amz-meta-*`). */
  readonly metadata: Readonly<Record<string, string>>;
  /** The object's `Cache-Control`, if the server's policy allows it. */
  readonly cacheControl?: string | undefined;
  /** Object tags, if the server's policy allows them. */
  readonly tags?: Readonly<Record<string, string>> | undefined;
}

/** A presigned request the browser must make exactly as described. */
export interface SignedRequest {
  /** Always `PUT` for uploads. */
  readonly method: 'PUT';
  /** The presigned URL. */
  readonly url: string;
  /** The headers that were signed and must be sent, no more, no fewer. */
  readonly headers: Readonly<Record<string, string>>;
}

/** A checksum algorithm the signer can sign per request (the store then refuses other bytes). */
export type ChecksumAlgorithm = 'md5' | 'sha256' | 'crc32c';

/** A digest for the signer to sign: base64, as the store's header carries it. */
export interface Checksum {
  readonly algorithm: ChecksumAlgorithm;
  readonly value: string;
}

/** Input to sign a single PUT: the file and the bytes the PUT will send. */
export interface SinglePutInput extends FileDescriptor {
  /** The bytes the PUT will send, for an endpoint that hashes them before signing. */
  readonly bytes?: Blob | undefined;
  /** The file's digest: `@ferry/server` signs it (`Content-MD5`, `x-amz-checksum-*`), so the store refuses other bytes. */
  readonly checksum?: Checksum | undefined;
}

/** Answer to a single-PUT params call. */
export interface SinglePutParams extends SignedRequest {
  /** The object key the server chose. */
  readonly key: string;
  /** Lets this caller delete `key` for a short while (`DELETE {base}/objects?key`), if the server issues one. */
  readonly deleteToken?: string | undefined;
}

/** Input to create a multipart upload: the file plus the plan the server will hold it to. */
export interface CreateMultipartInput extends FileDescriptor {
  /** Size of every part but the last. */
  readonly partSize: number;
}

/** A multipart upload the endpoint created. */
export interface MultipartHandle {
  /** The store's upload id. */
  readonly uploadId: string;
  /** The object key the server chose. */
  readonly key: string;
  /** Opaque token binding the caller to this upload; sent with every later call. */
  readonly token?: string | undefined;
}

/** Input to sign a batch of part URLs. */
export interface SignPartsInput extends MultipartHandle {
  /** 1-based part numbers to sign. */
  readonly partNumbers: readonly number[];
  /** Part `n`'s bytes, for an endpoint that hashes parts before signing. */
  readonly bytes?: ((partNumber: number) => Blob) | undefined;
  /**
   * Each part's digest (base64, by part number). `@ferry/server` signs it as `Content-MD5` or
   * `x-amz-checksum-*` and returns that header, so the store refuses other bytes (BadDigest).
   */
  readonly checksums?:
    { readonly algorithm: ChecksumAlgorithm; readonly values: Readonly<Record<number, string>> } | undefined;
}

/** One signed part URL. */
export interface SignedPart extends SignedRequest {
  /** 1-based part number. */
  readonly partNumber: number;
  /** When the URL stops working, in ms since the epoch. */
  readonly expiresAt: number;
}

/** A part the store already holds. */
export interface StoredPart {
  /** 1-based part number. */
  readonly partNumber: number;
  /** Size in bytes. */
  readonly size: number;
  /** The part's ETag, quotes included as the store sent it. */
  readonly etag: string;
}

/** Input to complete a multipart upload. */
export interface CompleteMultipartInput extends MultipartHandle {
  /** Every part, in order. */
  readonly parts: readonly { readonly partNumber: number; readonly etag: string }[];
  /** Part `n`'s bytes, for an endpoint that checks the whole object's checksum. */
  readonly bytes?: ((partNumber: number) => Blob) | undefined;
}

/** The stored object. */
export interface CompletedObject {
  /** The object key. */
  readonly key: string;
  /** Where the object lives. */
  readonly location: string;
  /** The object's ETag, when the store said. */
  readonly etag?: string | undefined;
  /** The object's CRC-64/ECMA as the store computed it (OSS), as a decimal string. */
  readonly crc64?: string | undefined;
  /** The upload callback's answer, relayed by the store (OSS `x-oss-callback`). */
  readonly callback?: string | undefined;
  /** Lets this caller delete `key` for a short while (`DELETE {base}/objects?key`), if the server issues one. */
  readonly deleteToken?: string | undefined;
}

/** A stored object to delete, and the delete token its upload's answer carried, if any. */
export interface ObjectToDelete {
  /** The object key. */
  readonly key: string;
  /** The `deleteToken` of the single-PUT params or complete answer; without it the server's `authorizeDelete` decides. */
  readonly deleteToken?: string | undefined;
}

/**
 * The application's signing endpoint: the only party that holds the bucket's keys. Ferry talks
 * to it over HTTP+JSON (see `createHttpEndpoint`) or through an object of functions.
 *
 * @example
 * ```ts
 * const endpoint: Endpoint = createHttpEndpoint({ url: '/api/uploads' });
 * ```
 */
export interface Endpoint {
  /** Signs one PUT of a whole (small) file. */
  singlePutParams(input: SinglePutInput, options: CallOptions): Promise<SinglePutParams>;
  /** Creates a multipart upload. */
  createMultipart(input: CreateMultipartInput, options: CallOptions): Promise<MultipartHandle>;
  /** Signs a batch of part URLs. */
  signParts(input: SignPartsInput, options: CallOptions): Promise<readonly SignedPart[]>;
  /** Lists the parts the store holds. */
  listParts(input: MultipartHandle, options: CallOptions): Promise<readonly StoredPart[]>;
  /** Completes a multipart upload. */
  completeMultipart(input: CompleteMultipartInput, options: CallOptions): Promise<CompletedObject>;
  /** Aborts a multipart upload, deleting its parts. */
  abortMultipart(input: MultipartHandle, options: CallOptions): Promise<void>;
  /**
   * Deletes a stored object (`DELETE {base}/objects?key`). Optional: `withChecksums` calls it to
   * remove an object that failed its whole-object check; without it that object stays stored,
   * and the error says so.
   */
  deleteObject?(input: ObjectToDelete, options: CallOptions): Promise<void>;
  /**
   * Resolves when the endpoint's server answers anything at all, and rejects when it cannot be
   * reached. Lets Ferry tell a store that refuses the page (CORS) from an outage; without it,
   * such a refusal is waited out like an outage.
   */
  probe?(options: CallOptions): Promise<void>;
}
