import { PendingWork } from './wait-until.js';

/** What a `ferry-before-add` listener may read and change. */
export interface FerryBeforeAddDetail {
  /** The file about to be added. */
  readonly file: File;
  /** The name it is added (and stored) under: change it to rename the file. */
  name: string;
  /** Why it is refused, shown and announced like a restriction, when a listener calls `preventDefault()`. */
  reason: string;
  /** Asks the element to wait for `promise` before it decides (an image's size, a server check). */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

/**
 * A file passed the restrictions and is about to be added. Cancelable: `preventDefault()` refuses
 * it (with `detail.reason`); `detail.name` renames it; `detail.waitUntil(promise)` lets a
 * listener decide asynchronously (call `preventDefault()` before the promise settles, or reject it).
 * @example
 * ```ts
 * uploader.addEventListener('ferry-before-add', (event) => {
 *   event.detail.waitUntil(createImageBitmap(event.detail.file).then((image) => {
 *     if (image.width < 800) { event.detail.reason = 'Images must be 800 px wide or more.'; event.preventDefault(); }
 *   }));
 * });
 * ```
 */
export class FerryBeforeAddEvent extends Event {
  /** The file and what a listener may change. */
  readonly detail: FerryBeforeAddDetail;
  /** @internal the element awaits it */
  readonly work = new PendingWork();

  constructor(file: File, name: string) {
    super('ferry-before-add', { bubbles: true, composed: true, cancelable: true });
    this.detail = { file, name, reason: '', waitUntil: this.work.waitUntil };
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-before-add': FerryBeforeAddEvent;
  }
}
