import type { UploadSnapshot } from '@ferry/core';
import { FerryUploadEvent } from './ferry-upload-event.js';

/**
 * A file is stored: `upload.key` is its object key.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-complete', (event) => console.log('stored as', event.upload.key));
 * ```
 */
export class FerryCompleteEvent extends FerryUploadEvent {
  constructor(upload: UploadSnapshot) {
    super('ferry-complete', upload);
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-complete': FerryCompleteEvent;
  }
}
