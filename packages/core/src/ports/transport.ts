import type { SignedRequest } from './endpoint.js';

/** A byte source: a `Blob`/`File` in the browser, anything with `size` and `slice` elsewhere. */
export interface ByteSource {
  /** Size in bytes. */
  readonly size: number;
  /** Bytes `[start, end)`, as a body a transport can send. */
  slice(start: number, end: number): Blob;
}

/** One request for a {@link Transport}. */
export interface TransportRequest extends SignedRequest {
  /** The body: a slice of the file, never a copy in memory. */
  readonly body: Blob;
  /** Aborts the request. */
  readonly signal: AbortSignal;
  /** The 1-based part number, for multipart parts (sharpens error messages). */
  readonly partNumber?: number | undefined;
  /** Called with the bytes of `body` sent so far. */
  readonly onProgress: (sentBytes: number) => void;
}

/** What the store answered to a successful PUT. */
export interface TransportResponse {
  /** The ETag header, or `null` when it could not be read (CORS hides it unless exposed). */
  readonly etag: string | null;
  /** Reads a response header (`null` when absent or hidden by CORS). */
  readonly header?: ((name: string) => string | null) | undefined;
  /** The response body (OSS: the upload callback's answer). */
  readonly body?: string | undefined;
}

/**
 * Sends one presigned PUT. Resolves on 2xx; rejects with a `StoreError` on any other status and
 * with a `network` `FerryError` when no answer came.
 *
 * @example
 * ```ts
 * const { etag } = await transport.send({ method: 'PUT', url, headers, body, signal, onProgress });
 * ```
 */
export interface Transport {
  /**
   * Whether `onProgress` reports bytes as they go (XHR) rather than only at the end (fetch).
   * Stall detection needs it. @default true
   */
  readonly reportsProgress?: boolean;
  /** Sends the request. */
  send(request: TransportRequest): Promise<TransportResponse>;
}

/**
 * The `cause` of the `network` error a transport rejects with when the runtime itself aborted
 * the request (Safari does when a page goes to the background or the network changes): retried
 * like any network failure, but no sign that the store refuses the page.
 */
export const ABORTED_BY_RUNTIME = 'aborted-by-runtime';
