import type { RejectReason } from '../input/restrictions.js';

/**
 * A file broke a restriction (`accept`, sizes, counts) and was not added. Bubbles and crosses
 * shadow roots.
 * @example
 * ```ts
 * uploader.addEventListener('ferry-reject', (event) => console.warn(event.file.name, event.reason, event.message));
 * ```
 */
export class FerryRejectEvent extends Event {
  /** The file that was refused. */
  readonly file: File;
  /** Which restriction it broke. */
  readonly reason: RejectReason;
  /** The reason for people, in the element's language. */
  readonly message: string;

  constructor(file: File, reason: RejectReason, message: string) {
    super('ferry-reject', { bubbles: true, composed: true });
    this.file = file;
    this.reason = reason;
    this.message = message;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ferry-reject': FerryRejectEvent;
  }
}
