import type { UploadState } from '@ferry/core';
import type { RejectReason } from '../input/restrictions.js';

/**
 * Every string `<ferry-uploader>` shows or announces, in one language. Parameterised strings
 * are functions; sizes, speeds and durations arrive already formatted for the locale.
 */
export interface Translation {
  /** BCP 47 tag of the language, e.g. `zh-CN`. */
  readonly $code: string;
  /** Text of the drop zone. */
  readonly dropHint: (multiple: boolean) => string;
  /** The button that opens the folder picker. */
  readonly chooseFolder: string;
  /** The button that starts queued uploads (`manual`). */
  readonly upload: string;
  /** Accessible name of the list of files. */
  readonly uploads: string;
  /** Label of each upload state. */
  readonly states: Readonly<Record<UploadState, string>>;
  /** Visible text of the per-file buttons. */
  readonly actions: Readonly<Record<FileAction, string>>;
  /** Accessible name of a per-file button: the action and the file, e.g. "Remove photo.png". */
  readonly actionOn: (action: FileAction, name: string) => string;
  /** Accessible name of a file's progress bar. */
  readonly progressOf: (name: string) => string;
  /** Bytes sent of the whole, e.g. "1.5 MB of 8 MB". */
  readonly bytesOf: (done: string, total: string) => string;
  /** Speed and time left, e.g. "2 MB/s, 5 min left". */
  readonly speedEta: (speed: string, eta: string) => string;
  /** Accessible name of the total progress bar. */
  readonly totalProgress: string;
  /** Files added, as announced. */
  readonly added: (count: number, name: string) => string;
  /** A file is stored, as announced. */
  readonly done: (name: string) => string;
  /** A file failed, as announced. */
  readonly failed: (name: string, reason: string) => string;
  /** A file was cancelled but the store could not be told (its parts may remain), as announced and shown. */
  readonly abortRefused: (name: string, reason: string) => string;
  /** A file was refused by the restrictions, as announced and shown. */
  readonly rejected: (name: string, reason: string) => string;
  /** Why a file was refused; `limit` is formatted (a size, a count or the accepted types). */
  readonly reasons: Readonly<Record<RejectReason, (limit: string) => string>>;
  /** Summary of the store's diagnostic disclosure on a failed row. */
  readonly storeDetails: string;
  /** Where a done file was stored. */
  readonly storedAs: string;
  /** Validation message: `required` and nothing uploaded. */
  readonly valueMissing: string;
  /** Validation message: uploads still running. */
  readonly pending: string;
  /** A shrunk image's sizes, before and after (`resize`), formatted. */
  readonly resized: (from: string, to: string) => string;
  /** Why an image was sent as it was (`resize`), by the note's code. */
  readonly resizeNotes: Readonly<Record<'resize-larger' | 'resize-undecodable', string>>;
  /** Validation message: more stored than `max-files` or `max-total-size` allow; `reason` is one of `reasons`. */
  readonly overLimit: (reason: string) => string;
}

/** The buttons of a file's row. */
export type FileAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'remove' | 'dismiss';
