import { formatBytes } from '../format.js';
import { withCheckStrings } from '../translations/en-checks.js';
import type { CheckTranslation, Translation } from '../translations/translation.js';

/**
 * The drop zone's second line, built from the restrictions: "Images or PDF, up to 10 MB each";
 * '' when nothing is restricted.
 * @example
 * ```ts
 * limitsHint({ accept: 'image/*,.pdf', maxFileSize: 10 * 1024 * 1024 }, en, 'en'); // "Images or PDF, up to 10 MB each"
 * ```
 */
export function limitsHint(
  { accept, maxFileSize }: { readonly accept: string; readonly maxFileSize: number | undefined },
  t: Translation,
  locale: string,
): string {
  const strings = withCheckStrings(t);
  const words = [
    ...new Set(
      accept
        .split(',')
        .map((token) => token.trim())
        .filter(Boolean)
        .map((token) => typeWord(token, strings)),
    ),
  ];
  const types = words.length > 0 ? new Intl.ListFormat(locale, { type: 'disjunction' }).format(words) : undefined;
  const size = maxFileSize === undefined ? undefined : formatBytes(maxFileSize, locale);
  return types || size ? strings.limitsHint(types, size) : '';
}

/** `image/*` → "Images"; `.pdf` and `application/pdf` → "PDF"; `text/*` → "TEXT". */
function typeWord(token: string, t: CheckTranslation): string {
  const [family = '', subtype = ''] = token.toLowerCase().split('/');
  if (subtype === '*' && (family === 'image' || family === 'video' || family === 'audio')) return t.kinds[family];
  const word = token.startsWith('.') ? token.slice(1) : subtype === '*' ? family : subtype || family;
  return word.replace(/^x-/, '').toUpperCase();
}
