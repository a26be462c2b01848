import { PendingWork } from './wait-until.js';

/** What a `ferry-before-upload` listener may read and change. */
export interface FerryBeforeUploadDetail {
  /** The bytes to send: replace them (a `Blob` or `File`) to upload something else. */
  file: Blob;
  /** Stored with the object as user metadata, as the server's policy allows. */
  metadata: Record<string, string>;
  /** The object's `Cache-Control`, as the server's policy allows. */
  cacheControl: string | undefined;
  /** Object tags, as the server's policy allows. */
  tags: Record<string, string> | undefined;
  /** Why the upload is refused (the row's error) when a listener calls `preventDefault()`. */
  reason: string;
  /** Asks the element to wait for `promise` before the upload goes on. */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

/**
 * An upload is about to start, before anything is signed. Cancelable: `preventDefault()` fails
 * it with `detail.reason` (code `refused`; Retry asks again); a listener may replace
 * `detail.file` and change `detail.metadata`, `cacheControl` and `tags`, now or before a promise
 * given to `detail.waitUntil()` settles.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-before-upload', (event) => {
 *   event.detail.metadata.album = 'Summer';
 * });
 * ```
 */
export class FerryBeforeUploadEvent extends Event {
  /** The upload's bytes and fields, as a listener may change them. */
  readonly detail: FerryBeforeUploadDetail;
  /** @internal the element awaits it */
  readonly work = new PendingWork();

  constructor(file: Blob, fields: Omit<FerryBeforeUploadDetail, 'file' | 'reason' | 'waitUntil'>) {
    super('ferry-before-upload', { bubbles: true, composed: true, cancelable: true });
    this.detail = { file, ...fields, reason: '', waitUntil: this.work.waitUntil };
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-before-upload': FerryBeforeUploadEvent;
  }
}
