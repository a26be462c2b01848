import type { UploadSnapshot } from '@ferry/core';
import { html, nothing } from 'lit';
import { formatBytes } from '../format.js';
import type { Translation } from '../translations/translation.js';

/**
 * A row's line about shrinking (`resize`): the original and the new size, or why the image was
 * sent as it was; nothing for files that were not touched.
 */
export function sizeNote(upload: UploadSnapshot, t: Translation, locale: string) {
  const { originalSize, note } = upload;
  const text =
    originalSize !== undefined
      ? t.resized(formatBytes(originalSize, locale), formatBytes(upload.size, locale))
      : note && note in t.resizeNotes
        ? t.resizeNotes[note as keyof Translation['resizeNotes']]
        : undefined;
  return text ? html`<span part="size-note" class="meta">${text}</span>` : nothing;
}
