import type { FerryError, UploadSnapshot } from '@ferry/core';

/** `detail` of every `ferry-*` event: the upload as it stands. */
export interface FerryUploadDetail {
  readonly upload: UploadSnapshot;
}

/** `detail` of `ferry-error`. */
export interface FerryErrorDetail extends FerryUploadDetail {
  readonly error: FerryError;
}

/** The events `<ferry-uploader>` dispatches; all bubble and cross shadow roots. */
export interface FerryEventMap {
  /** A file was added to the list. */
  'ferry-add': CustomEvent<FerryUploadDetail>;
  /** An upload changed state (`detail.upload.state`). */
  'ferry-state': CustomEvent<FerryUploadDetail>;
  /** Bytes were sent. */
  'ferry-progress': CustomEvent<FerryUploadDetail>;
  /** A file is stored: `detail.upload.key` is its object key. */
  'ferry-complete': CustomEvent<FerryUploadDetail>;
  /** An upload stopped on an error. */
  'ferry-error': CustomEvent<FerryErrorDetail>;
}

/** Creates a `ferry-*` event that bubbles and is composed. */
export function ferryEvent<K extends keyof FerryEventMap>(
  type: K,
  detail: FerryEventMap[K]['detail'],
): FerryEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as FerryEventMap[K];
}
