import type { UploadSnapshot } from '@ferry/core';
import { FerryUploadEvent } from './ferry-upload-event.js';

/**
 * A file was added to the list.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-add', (event) => console.log(event.upload.name, 'added'));
 * ```
 */
export class FerryAddEvent extends FerryUploadEvent {
  constructor(upload: UploadSnapshot) {
    super('ferry-add', upload);
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-add': FerryAddEvent;
  }
}
