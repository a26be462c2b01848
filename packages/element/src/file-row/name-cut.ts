import { html, nothing, type TemplateResult } from 'lit';

/** Characters kept before the extension, so names that differ only at the end stay apart ("IMG_0412.jpg"). */
const KEPT_BEFORE_EXTENSION = 4;
/** Characters kept at the end of a name without an extension. */
const KEPT_WITHOUT_EXTENSION = 8;
/** A longer "extension" is more likely part of the name ("report.final-version-for-the-board"). */
const LONGEST_EXTENSION = 10;

/**
 * A name split where it may be shortened: the head, which gives way with an ellipsis when the row is
 * too narrow, and the tail, always shown (the extension and a few characters before it). Split by
 * code points, so no character is cut in two.
 */
export function splitName(name: string): { head: string; tail: string } {
  const chars = Array.from(name);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)).length : 0;
  const kept =
    extension > 1 && extension <= LONGEST_EXTENSION ? extension + KEPT_BEFORE_EXTENSION : KEPT_WITHOUT_EXTENSION;
  // A name barely longer than its tail is not worth splitting: nothing would be left to shorten.
  if (chars.length <= kept + 4) return { head: name, tail: '' };
  return { head: chars.slice(0, -kept).join(''), tail: chars.slice(-kept).join('') };
}

/**
 * A file's name, shortened in the middle when it does not fit ("Annual general meet…026).docx"),
 * so its extension stays in sight; by CSS alone (the list's `.cut` styles), so it follows any width
 * without measuring. The text is the whole name (the two pieces side by side); `dir="auto"` lays
 * the pieces out in the name's own direction.
 */
export function cutName(name: string): TemplateResult {
  const { head, tail } = splitName(name);
  return html`<span class="cut" dir="auto"
    ><span class="head">${head}</span>${tail ? html`<span class="tail">${tail}</span>` : nothing}</span
  >`;
}
