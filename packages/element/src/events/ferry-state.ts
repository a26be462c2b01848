import type { UploadSnapshot, UploadState } from '@ferry/core';
import { FerryUploadEvent } from './ferry-upload-event.js';

/**
 * An upload changed state: `upload.state` is the new one, `previous` the one it left.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-state', (event) => console.log(event.upload.name, event.previous, '→', event.upload.state));
 * ```
 */
export class FerryStateEvent extends FerryUploadEvent {
  /** The state the upload left. */
  readonly previous: UploadState;

  constructor(upload: UploadSnapshot, previous: UploadState) {
    super('ferry-state', upload);
    this.previous = previous;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-state': FerryStateEvent;
  }
}
