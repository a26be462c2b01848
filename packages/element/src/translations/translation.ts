import type { ErrorCode, UploadState } from '@ferry/core';
import type { RejectReason } from '../input/restrictions.js';

/**
 * The strings of the list of files (failures, progress), in one language: part of a
 * {@link Translation}, where they may be left out (English's then apply; they load with the list).
 */
export interface ListTranslation {
  /** Label of each upload state. */
  readonly states: Readonly<Record<UploadState, string>>;
  /** Visible text of the per-file buttons. */
  readonly actions: Readonly<Record<FileAction, string>>;
  /** Accessible name of a per-file button: the action and the file, e.g. "Remove photo.png". */
  readonly actionOn: (action: FileAction, name: string) => string;
  /** Bytes sent of the whole, e.g. "1.5 MB of 8 MB". */
  readonly bytesOf: (done: string, total: string) => string;
  /** Accessible name of a file's progress bar. */
  readonly progressOf: (name: string) => string;
  /** Speed and time left, e.g. "2 MB/s, 5 min left". */
  readonly speedEta: (speed: string, eta: string) => string;
  /** Accessible name of the total progress bar. */
  readonly totalProgress: string;
  /**
   * What the total stands for: how many files of `count` are stored, and how many failed if any,
   * e.g. "1 failed · 3 of 4 files stored"; shown beside the total's bar and part of its value text.
   */
  readonly totalSummary: (stored: number, count: number, failed: number) => string;
  /** A file was cancelled but the store could not be told (its parts may remain), as announced and shown. */
  readonly abortRefused: (name: string, reason: string) => string;
  /** Where a done file was stored. */
  readonly storedAs: string;
  /** A shrunk image's sizes, before and after (`resize`), formatted. */
  readonly resized: (from: string, to: string) => string;
  /** Why an image was sent as it was (`resize`), by the note's code. */
  readonly resizeNotes: Readonly<Record<'resize-larger' | 'resize-undecodable', string>>;
  /** Why an upload failed, for people, by the error's code (`store-refused`: the store said no with a 4xx). */
  readonly failures: Readonly<Record<FailureKind, string>>;
  /**
   * A failure that persisted through the automatic retries; `reason` is one of `failures`,
   * `attempts` the tries made in all (`undefined` when the error does not say).
   */
  readonly retriedFailure: (reason: string, attempts: number | undefined) => string;
  /** Summary of the disclosure with the technical detail of a failure (the engine's message, the store's answer). */
  readonly technicalDetails: string;
  /** A stored file could not be deleted (`delete-on-remove`) and stays, as shown on its row and announced. */
  readonly deleteFailed: (name: string, reason: string) => string;
  /** The reason of `deleteFailed` when the server refused the delete. */
  readonly deleteRefused: string;
  /** Above the uploads interrupted in this browser (after a reload): how many, and how to continue them. */
  readonly interrupted: (count: number) => string;
  /** How far an interrupted upload got, e.g. "3 MB of 12 MB stored"; `done` is unknown while offline. */
  readonly interruptedProgress: (total: string, done: string | undefined) => string;
  /** The button that gives an interrupted upload up. */
  readonly discard: string;
  /** Its accessible name, e.g. "Discard photo.png". */
  readonly discardOn: (name: string) => string;
  /** An interrupted upload was given up, as announced. */
  readonly discarded: (name: string) => string;
}

/**
 * The strings of the restrictions (the drop zone's hint, refused files, the form's validity), in
 * one language: part of a {@link Translation}, where they may be left out (English's then apply;
 * they load with the code that uses them, not with the drop zone).
 */
export interface CheckTranslation {
  /** Words for the families of types in `accept`, in the drop zone's hint ("Images or PDF"). */
  readonly kinds: Readonly<Record<'image' | 'video' | 'audio', string>>;
  /**
   * The drop zone's second line, from the restrictions: the accepted types (already joined, "Images
   * or PDF") and the largest size, either possibly missing; e.g. "Images or PDF, up to 10 MB each".
   */
  readonly limitsHint: (types: string | undefined, maxSize: string | undefined) => string;
  /** A file was refused by the restrictions, as announced and shown. */
  readonly rejected: (name: string, reason: string) => string;
  /** Why a file was refused; `limit` is formatted (a size, a count or the accepted types). */
  readonly reasons: Readonly<Record<RejectReason, (limit: string) => string>>;
  /** Validation message: `required` and nothing uploaded. */
  readonly valueMissing: string;
  /** Validation message: uploads still running. */
  readonly pending: string;
  /** Validation message: more stored than `max-files` or `max-total-size` allow; `reason` is one of `reasons`. */
  readonly overLimit: (reason: string) => string;
}

/**
 * Every string `<ferry-uploader>` shows or announces, in one language. Parameterised strings
 * are functions; sizes, speeds and durations arrive already formatted for the locale.
 */
export interface Translation extends Partial<ListTranslation>, Partial<CheckTranslation> {
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
  /** Files added, as announced (`name` is the first of them). */
  readonly added: (count: number, name: string) => string;
  /** Files stored, as announced. */
  readonly done: (count: number, name: string) => string;
  /** Files cancelled, as announced. */
  readonly cancelled: (count: number, name: string) => string;
  /** Files taken off the list, as announced. */
  readonly removed: (count: number, name: string) => string;
  /** A file failed, as announced; `reason` is one of `failures`. */
  readonly failed: (name: string, reason: string) => string;
}

/** The buttons of a file's row. */
export type FileAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'remove' | 'dismiss';

/** What a failure is said to be: an error code (one that retries exhausted stands for its cause), or a store's 4xx refusal. */
export type FailureKind = Exclude<ErrorCode, 'retries-exhausted'> | 'store-refused';
