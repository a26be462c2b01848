import type { UploadState } from '@ferry/core';
import type { FileKind } from './file-kind.js';

/** A page with a folded corner, the outline every file icon shares. */
const PAGE = 'M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8zm0 0v5h5';

/** Each family's icon: the page, and what is drawn on it. */
export const KIND_ICONS: Readonly<Record<FileKind, string>> = {
  image: `${PAGE}M8 18l3-4 2 2 1.5-2L17 18z`,
  video: `${PAGE}M10 11v6l5-3z`,
  audio: `${PAGE}M11 18v-7l4-1M11 18a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0`,
  document: `${PAGE}M8 12h8M8 15h8M8 18h5`,
  archive: `${PAGE}M11 4v2m0 2v2m0 2v2m-1 2h2v3h-2z`,
  other: PAGE,
};

/** The mark beside a state's label, for the states that have one (each also has its word). */
export const STATE_MARKS: Readonly<Partial<Record<UploadState, string>>> = {
  done: 'M5 12.5l4.5 4.5L19 7.5',
  error: 'M12 7v6m0 3.5v.5M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18',
  paused: 'M9 6v12M15 6v12',
  cancelled: 'M6 6l12 12M18 6 6 18',
};

/** The mark of a refused file (a restriction said no). */
export const REFUSED_MARK = STATE_MARKS.error!;
