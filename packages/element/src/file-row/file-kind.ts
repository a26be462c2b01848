/** The families of files a row draws its own icon for. */
export type FileKind = 'image' | 'video' | 'audio' | 'document' | 'archive' | 'other';

const ARCHIVE = /zip|compressed|tar|rar|7z|gzip|bzip|xz|\.(zip|tar|t?gz|tgz|bz2|xz|7z|rar)$/i;
const DOCUMENT =
  /^text\/|pdf|msword|officedocument|opendocument|rtf|epub|json|xml|\.(pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|md|csv|json|xml)$/i;

/**
 * Which family a file belongs to, from its MIME type and, failing that, its name's suffix.
 * @example
 * ```ts
 * fileKind('application/zip', 'photos.zip'); // "archive"
 * ```
 */
export function fileKind(type: string, name: string): FileKind {
  const family = /^(image|video|audio)\//.exec(type)?.[1] as FileKind | undefined;
  if (family) return family;
  const both = `${type} ${name}`;
  if (ARCHIVE.test(both)) return 'archive';
  if (DOCUMENT.test(both)) return 'document';
  return 'other';
}
