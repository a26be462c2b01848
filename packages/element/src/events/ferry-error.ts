import type { FerryError, UploadSnapshot } from '@ferry/core';
import { FerryUploadEvent } from './ferry-upload-event.js';

/**
 * An upload stopped on an error (`upload.state` is `error`; Retry continues it), or the store
 * could not be told of a Cancel or Remove (`upload.state` is `cancelled`; parts sent may remain
 * on the store). `error.code` is stable, `error.message` says what to do.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-error', (event) => console.error(event.upload.name, event.error.code, event.error.message));
 * ```
 */
export class FerryErrorEvent extends FerryUploadEvent {
  /** What went wrong. */
  readonly error: FerryError;

  constructor(upload: UploadSnapshot, error: FerryError) {
    super('ferry-error', upload);
    this.error = error;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-error': FerryErrorEvent;
  }
}
