// What the element's browser tests share: the test stack's addresses, picking files through the
// element's own file input, and the next event of a type, typed as the element dispatches it.
import type { BrowserStackConfig } from '@ferry/testing/web-test-runner';
import { oneEvent } from '@open-wc/testing';
import type { FerryUploader } from '../uploader/uploader.js';

// Served by the test runner's ferry-stack plugin: where the real stores and signing servers listen.
const stackUrl = '/__ferry/stack.js';

/** The real local store and signing servers the test runner started. */
export const stack = ((await import(/* @vite-ignore */ stackUrl)) as { default: BrowserStackConfig }).default;

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
