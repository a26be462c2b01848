import type { PickedFile } from './dropped-files.js';

/**
 * Every file under the dropped `entries` (files and folders, recursively), with its path
 * relative to the drop. Loaded on demand by `droppedFiles` when a folder is dropped.
 * @example
 * ```ts
 * const files = await walkEntries([...transfer.items].map((item) => item.webkitGetAsEntry()));
 * ```
 */
export async function walkEntries(entries: readonly (FileSystemEntry | null | undefined)[]): Promise<PickedFile[]> {
  const files: PickedFile[] = [];
  await Promise.all(entries.flatMap((entry) => (entry ? [walk(entry, files)] : [])));
  return files;
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
