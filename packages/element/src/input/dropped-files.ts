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
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.());
  if (!entries.some((entry) => entry?.isDirectory)) return [...transfer.files].map((file) => ({ file, path: '' }));
  const files: PickedFile[] = [];
  await Promise.all(entries.map((entry) => entry && walk(entry, files)));
  return files;
}

/** The files picked with a directory input, with `webkitRelativePath` as their path. */
export function pickedFiles(list: FileList): PickedFile[] {
  return [...list].map((file) => ({ file, path: file.webkitRelativePath }));
}

async function walk(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out a directory in batches (100 in Chromium) until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    await Promise.all(batch.map((child) => walk(child, into)));
  }
}
