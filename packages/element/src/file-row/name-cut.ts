import { html, nothing, type TemplateResult } from 'lit';

/** Characters kept before the extension, so names that differ only at the end stay apart ("IMG_0412.jpg"). */
const KEPT_BEFORE_EXTENSION = 4;
/** Characters kept at the end of a name without an extension. */
const KEPT_WITHOUT_EXTENSION = 8;
/** A longer "extension" is more likely part of the name ("report.final-version-for-the-board"). */
const LONGEST_EXTENSION = 10;

/** Letters of scripts that join their neighbours: a cut between two of them would break their shapes. */
const JOINING =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Adlam}\p{Script=Mandaic}\p{Script=Hanifi_Rohingya}\p{Script=Sogdian}\p{Script=Phags_Pa}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}]/u;

/**
 * One character as a reader sees it: a flag (two regional indicators), or a letter with the marks,
 * skin tones and ZWJ-joined parts that follow it. A pattern rather than Intl's grapheme
 * segmenter, which Firefox 115 lacks, so every engine cuts names the same way.
 */
const CHARACTER = /\p{RI}\p{RI}|\P{M}[\p{M}\p{EMod}]*(?:\u200D\P{M}[\p{M}\p{EMod}]*)*|[\p{M}\p{EMod}]+/gu;

/** The characters a reader sees in `name` (see {@link CHARACTER}). */
function characters(name: string): string[] {
  return name.match(CHARACTER) ?? [];
}

/**
 * A name split where it may be shortened: the head, which gives way with an ellipsis when the row is
 * too narrow, and the tail, always shown (the extension and a few characters before it). Composed
 * first (NFC: macOS hands names over decomposed) and split between whole characters, never inside
 * one nor between two joined letters (Arabic, Syriac, …), where the cut moves back to a space or
 * punctuation, or the name stays whole. Control characters (a newline is legal in a name) show as
 * spaces.
 */
export function splitName(name: string): { head: string; tail: string } {
  const shown = name.normalize('NFC').replace(/\p{Cc}/gu, ' ');
  const chars = characters(shown);
  const dot = shown.lastIndexOf('.');
  const extension = dot > 0 ? characters(shown.slice(dot)).length : 0;
  const kept =
    extension > 1 && extension <= LONGEST_EXTENSION ? extension + KEPT_BEFORE_EXTENSION : KEPT_WITHOUT_EXTENSION;
  // A name barely longer than its tail is not worth splitting: nothing would be left to shorten.
  if (chars.length <= kept + 4) return { head: shown, tail: '' };
  let cut = chars.length - kept;
  while (cut > 1 && JOINING.test(chars[cut - 1]!) && JOINING.test(chars[cut]!)) cut--;
  if (cut <= 1) return { head: shown, tail: '' };
  return { head: chars.slice(0, cut).join(''), tail: chars.slice(cut).join('') };
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
