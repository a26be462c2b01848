import { svg, type TemplateResult } from 'lit';

/**
 * An inline icon: one stroked path on a 24 × 24 grid, in the text colour, hidden from assistive
 * tech (the text beside it says the same). No icon font, no image request.
 * @example
 * ```ts
 * html`<button>${icon(UPLOAD_ICON)} Upload</button>`;
 * ```
 */
export function icon(path: string, part = 'icon'): TemplateResult {
  return svg`<svg part=${part} class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${path} /></svg>`;
}

/** An arrow rising out of a tray: the drop zone's icon. */
export const UPLOAD_ICON = 'M12 15V4m-5 5 5-5 5 5M4 14v5a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-5';
