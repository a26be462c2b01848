// What the element's browser tests share: the test stack's addresses, picking files through the
// element's own file input, and the next event of a type, typed as the element dispatches it.
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { oneEvent } from '@open-wc/testing';
import type { FerryUploader } from '../uploader/uploader.js';

// Served by the test runner's ferry-stack plugin: where the real stores and signing servers listen.
const stackUrl = '/__ferry/stack.js';

/** The real local store and signing servers the test runner started. */
export const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;

/**
 * The resume store's database as the element opens it by default. Each test file starts without
 * it: WebKit runs every file in one WebDriver session, where records a file leaves (an upload
 * whose abort a test refused on purpose) would show up in the next file's interrupted list.
 */
const RESUME_DATABASE = 'ferry-uploads';

await new Promise<void>((resolve, reject) => {
  const deleting = indexedDB.deleteDatabase(RESUME_DATABASE);
  deleting.onsuccess = () => resolve();
  deleting.onerror = () => reject(deleting.error ?? new Error(`${RESUME_DATABASE} could not be deleted`));
  // `blocked` is not final: the delete goes on once the previous page's connection closes.
});

/** Picks `files` as a person would: through the element's file input and its change event. */
export function pick(element: FerryUploader, files: File[]): void {
  const input = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

/** The next `type` event `target` receives, typed by `HTMLElementEventMap`. */
export function next<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
): Promise<HTMLElementEventMap[K]> {
  return oneEvent<HTMLElementEventMap[K]>(target, type);
}
