import type { FerryError } from './errors/ferry-error.js';

/**
 * Where one file's upload stands:
 * `queued → preparing → uploading ⇄ paused → completing → done`, plus `error` (the user may
 * retry) and `cancelled` (the multipart upload was aborted on the store).
 */
export const UploadState = {
  Queued: 'queued',
  Preparing: 'preparing',
  Uploading: 'uploading',
  Paused: 'paused',
  Completing: 'completing',
  Done: 'done',
  Error: 'error',
  Cancelled: 'cancelled',
} as const;

/** One of the values of {@link UploadState}. */
export type UploadState = (typeof UploadState)[keyof typeof UploadState];

/** A frozen picture of one upload, as events carry it. */
export interface UploadSnapshot {
  /** Unique within the `Uploader`. */
  readonly id: string;
  /** The file's name. */
  readonly name: string;
  /** The file's size in bytes. */
  readonly size: number;
  /** The MIME type the object is stored with. */
  readonly type: string;
  /** Where the upload stands. */
  readonly state: UploadState;
  /** Bytes sent so far; never decreases. */
  readonly bytesSent: number;
  /** Current speed in bytes per second (moving average); 0 when unknown. */
  readonly speed: number;
  /** Seconds left at the current speed, when known. */
  readonly eta: number | undefined;
  /** `single` below the multipart threshold, else `multipart`. */
  readonly method: 'single' | 'multipart';
  /** Parts stored so far, and in all (1 for a single PUT). */
  readonly parts: { readonly done: number; readonly total: number };
  /** The object key, once the server chose it. */
  readonly key?: string | undefined;
  /** The stored object's URL, once done. */
  readonly location?: string | undefined;
  /** The upload callback's answer, once done (OSS `x-oss-callback`; the store relays it). */
  readonly callback?: string | undefined;
  /** The file's own size, when `beforeUpload` replaced its bytes (`size` is then the new one). */
  readonly originalSize?: number | undefined;
  /** What `beforeUpload` noted (e.g. `resize-larger`: the image was sent unchanged). */
  readonly note?: string | undefined;
  /** Why the upload stopped, in state `error`. */
  readonly error?: FerryError | undefined;
}
