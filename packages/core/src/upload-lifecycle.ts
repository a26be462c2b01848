import type { UploadState } from './upload-state.js';
// Resolved by the package's import conditions: throws in development builds, reports in production.
import { illegalTransition } from '#illegal-transition';

/**
 * What can happen to an upload; each is a column of {@link TRANSITIONS}:
 * - `start`: the user (or `autoStart`) starts a queued upload.
 * - `ready`: the URL is signed (single PUT) or the multipart upload exists: bytes may move.
 * - `parts-stored`: every part is stored; the multipart upload is being completed.
 * - `completed`: the object is stored (the single PUT answered, or complete did).
 * - `failed`: a failure that retrying could not mend.
 * - `pause`: the user pauses; stored parts are kept.
 * - `resume`: the user continues a paused upload: the store is asked what it has, then bytes move again.
 * - `retry`: the user retries a failed upload.
 * - `restart`: the upload starts over on the store, which lost the multipart upload (`NoSuchUpload`).
 * - `cancel`: the user cancels; the multipart upload is aborted on the store (again, if that failed).
 */
export type UploadEvent =
  'start' | 'ready' | 'parts-stored' | 'completed' | 'failed' | 'pause' | 'resume' | 'retry' | 'restart' | 'cancel';

/**
 * Every legal state change, `from × event → to`; nothing else changes an upload's state. The
 * README's diagram is generated from this table (and a test keeps the two equal).
 */
export const TRANSITIONS: Readonly<Record<UploadState, Readonly<Partial<Record<UploadEvent, UploadState>>>>> = {
  queued: { start: 'preparing', pause: 'paused', cancel: 'cancelled' },
  preparing: { ready: 'uploading', failed: 'error', pause: 'paused', cancel: 'cancelled' },
  uploading: {
    'parts-stored': 'completing',
    completed: 'done',
    restart: 'preparing',
    failed: 'error',
    pause: 'paused',
    cancel: 'cancelled',
  },
  completing: { completed: 'done', restart: 'preparing', failed: 'error' },
  paused: { resume: 'preparing', cancel: 'cancelled' },
  error: { retry: 'preparing', cancel: 'cancelled' },
  done: {},
  cancelled: { cancel: 'cancelled' },
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
  illegalTransition(from, event);
  return from;
}
