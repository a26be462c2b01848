import type { UploadSnapshot } from '@ferry/core';
import type { LitElement } from 'lit';
import type { UploadController } from '../controllers/upload-controller.js';
import type { FileIntake } from '../input/file-intake.js';
import type { InterruptedList } from '../interrupted/interrupted-list.js';
import type { Restrictions } from '../input/restrictions.js';
import type { Tally } from '../live-announcer.js';
import type { Translation } from '../translations/translation.js';
import type { ExistingFile } from './existing-file.js';
import type { FormFiles } from './form-files.js';

/** What the element keeps of each upload it lists, besides its snapshot. */
export interface RowExtra {
  /** Its place in the order files were added (refused ones included). */
  readonly order: number;
  path: string;
  /** Object URL of its thumbnail, once made. */
  thumbnail?: string;
  /** Stops a thumbnail not made yet. */
  abort?: AbortController;
  /** The image its thumbnail is made from: made again when the element comes back to the page. */
  image?: File;
}

/**
 * What the element's lazily loaded parts (adding files, the list, existing files and deletes,
 * the form, the interrupted list) reach of it: its public settings on `host`, the rest through these members,
 * read at each use.
 */
export interface HostLink {
  /** The element: its public settings and value, its children, events and renders. */
  readonly host: LitElement &
    Restrictions & {
      readonly endpoint: string;
      readonly deleteOnRemove: boolean;
      readonly multiple: boolean;
      readonly name: string;
      readonly required: boolean;
      readonly maxFiles: number | undefined;
      readonly maxTotalSize: number | undefined;
      readonly keys: readonly string[];
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
  /** Counts `tally` for the file `name` in its live region ("2 files removed"). */
  readonly count: (tally: Tally, name: string) => void;
  /** Dispatches `ferry-remove` for a row that left. */
  readonly removed: (upload: UploadSnapshot) => void;
  /** `files` as last set, if it was. */
  readonly given: () => readonly ExistingFile[] | undefined;
  /** Its existing files, once loaded. */
  readonly forms: () => FormFiles | undefined;
  /** Loads its existing files' module (for a removal or a delete). */
  readonly loadForms: () => Promise<FormFiles>;
  /** Its refused files and the adding of files, once loaded. */
  readonly intake: () => FileIntake | undefined;
  /** The uploads interrupted in this browser, once loaded. */
  readonly interrupted: () => InterruptedList | undefined;
  /** The next place in the order files are added. */
  readonly order: () => number;
  /** What it keeps of each upload listed, by upload id. */
  readonly extras: ReadonlyMap<string, RowExtra>;
  /** What it keeps of upload `id`, made now if it has nothing yet. */
  readonly extra: (id: string) => RowExtra;
  /** Its drop zone (where the form points when it is invalid, and focus goes when its target leaves). */
  readonly dropzone: () => HTMLElement;
  /**
   * Keys the server may have recorded: sent in its form's data (a submit, `new FormData(form)`)
   * or handed back by the page through `files`. A form reset never deletes them.
   */
  readonly sent: Set<string>;
}
