/** Why a file was refused before upload (`refused`: a `ferry-before-add` listener refused it). */
export type RejectReason = 'type' | 'too-large' | 'too-small' | 'too-many' | 'total-too-large' | 'refused';

/** Limits a file must meet to be added; every field optional. */
export interface Restrictions {
  /** Comma-separated MIME types (`image/*`, `application/pdf`) and extensions (`.pdf`). */
  readonly accept?: string;
  /** Largest file, bytes. */
  readonly maxFileSize?: number | null | undefined;
  /** Smallest file, bytes. */
  readonly minFileSize?: number | null | undefined;
  /** Most files in the list at once. */
  readonly maxFiles?: number | null | undefined;
  /** Most bytes of all files in the list together. */
  readonly maxTotalSize?: number | null | undefined;
}

/** A refusal: the reason and the limit it broke (bytes, a count, or the accept string). */
export interface Rejection {
  readonly reason: RejectReason;
  readonly limit: number | string;
}

/**
 * Whether `file` may join a list that already holds `count` files of `total` bytes; the first
 * rule it breaks, else `undefined`.
 * @example
 * ```ts
 * check({ name: 'a.exe', type: '', size: 1 }, { accept: 'image/*' }, 0, 0); // { reason: 'type', limit: 'image/*' }
 * ```
 */
export function check(
  file: { readonly name: string; readonly type: string; readonly size: number },
  rules: Restrictions,
  count: number,
  total: number,
): Rejection | undefined {
  const { accept, maxFileSize, minFileSize, maxFiles, maxTotalSize } = rules;
  if (accept && !accepts(accept, file)) return { reason: 'type', limit: accept };
  if (maxFileSize != null && file.size > maxFileSize) return { reason: 'too-large', limit: maxFileSize };
  if (minFileSize != null && file.size < minFileSize) return { reason: 'too-small', limit: minFileSize };
  if (maxFiles != null && count >= maxFiles) return { reason: 'too-many', limit: maxFiles };
  if (maxTotalSize != null && total + file.size > maxTotalSize)
    return { reason: 'total-too-large', limit: maxTotalSize };
  return undefined;
}

/** The `accept` test of a file input: a MIME type, a `type/*` family or a `.ext` suffix. */
function accepts(accept: string, file: { readonly name: string; readonly type: string }): boolean {
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  return accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .some((token) =>
      token.startsWith('.')
        ? name.endsWith(token)
        : token.endsWith('/*')
          ? type.startsWith(token.slice(0, -1))
          : token !== '' && token === type,
    );
}
