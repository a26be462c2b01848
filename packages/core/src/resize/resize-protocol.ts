import type { ResizeOutcome, ResizeSettings } from './resize-image.js';

/** Page → resize worker: shrink this image. */
export interface ResizeJob {
  readonly id: number;
  readonly blob: Blob;
  readonly settings: ResizeSettings;
}

/** Resize worker → page: the outcome, or why it failed. */
export type ResizeReply =
  { readonly id: number; readonly outcome: ResizeOutcome } | { readonly id: number; readonly error: string };
