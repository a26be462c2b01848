/** Characters RFC 5987's `attr-char` allows unencoded in `filename*`. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+.^_`|~-]/;

/**
 * A `Content-Disposition` value naming `filename` (RFC 6266): a plain-ASCII `filename="…"` for
 * old clients (other characters become `_`), and `filename*=UTF-8''…` (RFC 5987, percent-encoded
 * UTF-8) when the name is not plain ASCII, which browsers prefer.
 * @example
 * ```ts
 * contentDisposition('attachment', 'Übersicht "2026".pdf');
 * // attachment; filename="_bersicht _2026_.pdf"; filename*=UTF-8''%C3%9Cbersicht%20%222026%22.pdf
 * ```
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  // Only the last path segment: a dropped folder's relative path is not a file name.
  const name = filename.split(/[/\\]/).pop() || 'file';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === name) return `${type}; filename="${name}"`;
  let encoded = '';
  for (const byte of new TextEncoder().encode(name)) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
