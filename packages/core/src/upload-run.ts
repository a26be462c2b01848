import type { FileDescriptor, SignedRequest } from './ports/endpoint.js';
import type { CallOptions } from './ports/endpoint.js';
import type { TransportResponse } from './ports/transport.js';
import type { ResolvedUploaderOptions } from './uploader-options.js';
import type { UploadEvent } from './upload-lifecycle.js';
import type { UploadSource } from './file-upload.js';

/** One PUT to the store, as {@link RunServices.put} sends it. */
export interface StorePut {
  /** Its progress slot: the part's index, or 0 for a single PUT. */
  readonly index: number;
  readonly body: Blob;
  /** Pause or cancel: stops the request in flight. */
  readonly signal: AbortSignal;
  /** Stops new attempts from starting, but not the one in flight. */
  readonly noNewAttempts: AbortSignal;
  /** The signed request; called before each attempt (signing again only when needed). */
  readonly signed: () => Promise<SignedRequest>;
  /** The store said the URL expired: forget it so the next attempt signs anew. */
  readonly expired: () => void;
  readonly partNumber?: number | undefined;
}

/** What the single-PUT and multipart runs get from the upload that owns them. */
export interface RunServices {
  readonly source: UploadSource;
  readonly options: ResolvedUploaderOptions;
  /** The file as the endpoint is told of it. */
  descriptor(): FileDescriptor;
  /** Moves the upload through its lifecycle (see upload-lifecycle.ts). */
  apply(event: UploadEvent): void;
  /** The server chose the object key. */
  keyChosen(key: string): void;
  /** Request `index` has `sent` bytes acknowledged; with `force`, a progress event even if that is no news. */
  progressed(index: number, sent: number, force?: boolean): void;
  /** A part of `bytes` was sent by this run (feeds adaptive concurrency). */
  partSent(bytes: number): void;
  /** Forgets the multipart upload on the store (lost or completed with other bytes); progress starts over. */
  forgetUpload(): void;
  /** An endpoint call, through the endpoint pool, with retries. */
  call<T>(task: (options: CallOptions) => Promise<T>, signal: AbortSignal): Promise<T>;
  /** A PUT to the store, through the shared pool, with retries, stall detection and the CORS check. */
  put(request: StorePut): Promise<TransportResponse>;
}

/** Where a finished run left the object. */
export interface RunResult {
  /** The stored object's URL. */
  readonly location: string | undefined;
  /** The upload callback's answer (OSS), if any. */
  readonly callback: string | undefined;
}
