import { ErrorCode, FerryError } from './errors/ferry-error.js';
import { UploadState } from './upload-state.js';
// Resolved by the package's import conditions: throws in development builds, reports in production.
import { illegalTransition } from '#illegal-transition';

/** What can happen to an upload; each is a column of {@link TRANSITIONS}. */
export const UploadEvent = {
  /** The user (or `autoStart`) starts a queued upload. */
  Start: 'start',
  /** The URL is signed (single PUT) or the multipart upload exists: bytes may move. */
  Ready: 'ready',
  /** Every part is stored: the multipart upload is being completed. */
  PartsStored: 'parts-stored',
  /** The object is stored (the single PUT answered, or complete did). */
  Completed: 'completed',
  /** A failure that retrying could not mend. */
  Failed: 'failed',
  /** The user pauses: stored parts are kept. */
  Pause: 'pause',
  /** The user continues a paused upload: the store is asked what it has, then bytes move again. */
  Resume: 'resume',
  /** The user retries a failed upload. */
  Retry: 'retry',
  /** The upload starts over on the store, which lost the multipart upload (`NoSuchUpload`). */
  Restart: 'restart',
  /** The user cancels: the multipart upload is aborted on the store (again, if that failed). */
  Cancel: 'cancel',
} as const;

/** One of the values of {@link UploadEvent}. */
export type UploadEvent = (typeof UploadEvent)[keyof typeof UploadEvent];

const { Queued, Preparing, Uploading, Paused, Completing, Done, Error, Cancelled } = UploadState;

/**
 * Every legal state change, `from × event → to`; nothing else changes an upload's state. The
 * README's diagram is generated from this table (and a test keeps the two equal).
 */
export const TRANSITIONS: Readonly<Record<UploadState, Readonly<Partial<Record<UploadEvent, UploadState>>>>> = {
  [Queued]: { start: Preparing, pause: Paused, cancel: Cancelled },
  [Preparing]: { ready: Uploading, failed: Error, pause: Paused, cancel: Cancelled },
  [Uploading]: { 'parts-stored': Completing, completed: Done, restart: Preparing, failed: Error, pause: Paused, cancel: Cancelled },
  [Completing]: { completed: Done, restart: Preparing, failed: Error },
  [Paused]: { resume: Preparing, cancel: Cancelled },
  [Error]: { retry: Preparing, cancel: Cancelled },
  [Done]: {},
  [Cancelled]: { cancel: Cancelled },
};

/** The state `event` leads to from `from`, or `undefined` when the table has no such change. */
export function nextState(from: UploadState, event: UploadEvent): UploadState | undefined {
  return TRANSITIONS[from][event];
}

/**
 * The state `event` leads to from `from`. A change the table does not have is a bug in Ferry:
 * development builds throw; production builds report it on the console and stay in `from`.
 */
export function transition(from: UploadState, event: UploadEvent): UploadState {
  const to = nextState(from, event);
  if (to !== undefined) return to;
  illegalTransition(new FerryError(ErrorCode.Unexpected, `Illegal upload transition: "${event}" in state "${from}". This is a bug in Ferry; please report it.`));
  return from;
}
