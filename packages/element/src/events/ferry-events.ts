import type { FerryError, UploadSnapshot } from '@ferry/core';
import type { RejectReason } from '../input/restrictions.js';

/** `detail` of every `ferry-*` event about an upload: the upload as it stands. */
export interface FerryUploadDetail {
  readonly upload: UploadSnapshot;
}

/** `detail` of `ferry-error`. */
export interface FerryErrorDetail extends FerryUploadDetail {
  readonly error: FerryError;
}

/** `detail` of `ferry-reject`: a file the restrictions refused, which was not added. */
export interface FerryRejectDetail {
  readonly file: File;
  /** Which restriction it broke. */
  readonly reason: RejectReason;
  /** The reason for people, in the element's language. */
  readonly message: string;
}

/** The events `<ferry-uploader>` dispatches; all bubble and cross shadow roots. */
export interface FerryEventMap {
  /** A file was added to the list. */
  'ferry-add': CustomEvent<FerryUploadDetail>;
  /** A file was refused by the restrictions (`accept`, sizes, counts) and not added. */
  'ferry-reject': CustomEvent<FerryRejectDetail>;
  /** An upload changed state (`detail.upload.state`). */
  'ferry-state': CustomEvent<FerryUploadDetail>;
  /** Bytes were sent. */
  'ferry-progress': CustomEvent<FerryUploadDetail>;
  /** A file is stored: `detail.upload.key` is its object key. */
  'ferry-complete': CustomEvent<FerryUploadDetail>;
  /** An upload stopped on an error. */
  'ferry-error': CustomEvent<FerryErrorDetail>;
  /** An upload was removed from the list. */
  'ferry-remove': CustomEvent<FerryUploadDetail>;
}

/** Creates a `ferry-*` event that bubbles and is composed. */
export function ferryEvent<K extends keyof FerryEventMap>(
  type: K,
  detail: FerryEventMap[K]['detail'],
): FerryEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as FerryEventMap[K];
}
