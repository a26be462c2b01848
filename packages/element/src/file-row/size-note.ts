import type { UploadSnapshot } from '@ferry/core';
import { formatBytes } from '../format.js';
import type { ListTranslation } from '../translations/translation.js';

/**
 * A row's line about shrinking (`resize`): the original and the new size, or why the image was
 * sent as it was; undefined for files that were not touched.
 */
export function sizeNote(upload: UploadSnapshot, t: ListTranslation, locale: string): string | undefined {
  const { originalSize, note } = upload;
  if (originalSize !== undefined) return t.resized(formatBytes(originalSize, locale), formatBytes(upload.size, locale));
  return note && note in t.resizeNotes ? t.resizeNotes[note as keyof ListTranslation['resizeNotes']] : undefined;
}
