/** A file with the path it had under the folder it was picked or dropped with ('' when alone). */
export interface PickedFile {
  readonly file: File;
  readonly path: string;
}

/**
 * The files of a drop, recursing into dropped folders and keeping each file's relative path.
 * Entries are taken synchronously: a `DataTransfer` is emptied once the drop handler returns.
 * @example
 * ```ts
 * zone.addEventListener('drop', async (e) => add(await droppedFiles(e.dataTransfer!)));
 * ```
 */
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry());
  if (!entries.some((entry) => entry?.isDirectory)) return [...transfer.files].map((file) => ({ file, path: '' }));
  // Folders are walked by code of their own, loaded with the first folder dropped.
  const { walkEntries } = await import('./folder-walk.js');
  return walkEntries(entries);
}

/** The files picked with a directory input, with `webkitRelativePath` as their path. */
export function pickedFiles(list: FileList): PickedFile[] {
  return [...list].map((file) => ({ file, path: file.webkitRelativePath }));
}
