import { utf8Length } from './web-crypto.js';

/** Longest file name kept in a key, in UTF-8 bytes (S3 keys may be 1,024 bytes in all). */
const MAX_NAME_BYTES = 200;

/**
 * A file name made safe for an object key: Unicode-normalised, no path separators, control
 * characters or leading dots, at most 200 UTF-8 bytes (the extension kept), never empty.
 *
 * @example
 * ```ts
 * sanitizeFileName('../../etc/passwd'); // 'etc_passwd'
 * ```
 */
export function sanitizeFileName(name: string): string {
  let clean = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what it replaces
    .replace(/[\u0000-\u001f\u007f/\\]+/g, '_')
    .replace(/^[._\s]+/, '')
    .trim();
  if (utf8Length(clean) > MAX_NAME_BYTES) {
    const dot = clean.lastIndexOf('.');
    const extension = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
    // Shortened by whole graphemes, so no letter loses its accent and no emoji is cut in two.
    const rest = clean.slice(0, clean.length - extension.length);
    const stem = Array.from(new Intl.Segmenter().segment(rest), ({ segment }) => segment);
    while (utf8Length(stem.join('') + extension) > MAX_NAME_BYTES) stem.pop();
    clean = stem.join('') + extension;
  }
  return clean || 'file';
}

/**
 * The default object key: `prefix` + a random id + the sanitised file name, so names never
 * collide and a client cannot choose where its bytes land.
 */
export function defaultObjectKey(filename: string, prefix = 'uploads/'): string {
  return `${prefix}${crypto.randomUUID()}/${sanitizeFileName(filename)}`;
}
