import type { UploadSnapshot } from '@ferry/core';
import { FerryUploadEvent } from './ferry-upload-event.js';

/**
 * A file left the list (Remove, or a form reset).
 * @example
 * ```ts
 * uploader.addEventListener('ferry-remove', (event) => console.log(event.upload.name, 'removed'));
 * ```
 */
export class FerryRemoveEvent extends FerryUploadEvent {
  constructor(upload: UploadSnapshot) {
    super('ferry-remove', upload);
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-remove': FerryRemoveEvent;
  }
}
