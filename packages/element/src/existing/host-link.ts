import type { UploadSnapshot } from '@ferry/core';
import type { UploadController } from '../controllers/upload-controller.js';
import type { Translation } from '../translations/translation.js';
import type { ExistingFile } from './existing-file.js';

/**
 * What the element's lazily loaded parts (existing files and deletes, the interrupted list) reach
 * of it: its public settings on `host`, the rest through these functions, read at each use.
 */
export interface HostLink {
  /** The element: `endpoint`, `deleteOnRemove`, its children, events and renders. */
  readonly host: HTMLElement & {
    readonly endpoint: string;
    readonly deleteOnRemove: boolean;
    requestUpdate(): void;
  };
  /** Its uploads and their rows' actions. */
  readonly uploads: UploadController;
  /** Its strings now. */
  readonly t: () => Translation;
  /** Its locale now. */
  readonly locale: () => string;
  /** Whether it is disabled (itself or its fieldset). */
  readonly off: () => boolean;
  /** Announces `text` in its live region. */
  readonly say: (text: string) => void;
  /** Dispatches `ferry-remove` for a row that left. */
  readonly removed: (upload: UploadSnapshot) => void;
  /** `files` as last set, if it was. */
  readonly given: () => readonly ExistingFile[] | undefined;
}
