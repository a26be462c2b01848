import type { UploadSnapshot } from '@ferry/core';
import { FerryUploadEvent } from './ferry-upload-event.js';

/**
 * Bytes of a file were sent: `upload.bytesSent` of `upload.size`; at most once per file per frame.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-progress', (event) => console.log(event.upload.bytesSent, 'of', event.upload.size));
 * ```
 */
export class FerryProgressEvent extends FerryUploadEvent {
  constructor(upload: UploadSnapshot) {
    super('ferry-progress', upload);
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-progress': FerryProgressEvent;
  }
}
