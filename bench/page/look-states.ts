// The states the look comparison shows, the same for every widget: for each of the four files
// (look-files.ts), where it stands.

/** Where one file stands: waiting, sent part way (`sent` of its size), stored, or failed after `sent`. */
export type FileStand =
  | { readonly state: 'queued' }
  | { readonly state: 'uploading'; readonly sent: number }
  | { readonly state: 'done' }
  | { readonly state: 'failed'; readonly sent: number };

/** The states compared, by name; each lists one stand per file, or none for the empty widget. */
export const LOOK_STATES = {
  empty: [],
  queued: [{ state: 'queued' }, { state: 'queued' }, { state: 'queued' }, { state: 'queued' }],
  uploading: [
    { state: 'done' },
    { state: 'uploading', sent: 0.58 },
    { state: 'uploading', sent: 0.21 },
    { state: 'uploading', sent: 0.04 },
  ],
  done: [{ state: 'done' }, { state: 'done' }, { state: 'done' }, { state: 'done' }],
  failed: [{ state: 'done' }, { state: 'done' }, { state: 'done' }, { state: 'failed', sent: 0.35 }],
} as const satisfies Record<string, readonly FileStand[]>;

/** One of the compared states. */
export type LookState = keyof typeof LOOK_STATES;

/** The widgets compared. */
export const LOOK_WIDGETS = ['ferry', 'uppy', 'filepond'] as const;
/** One of {@link LOOK_WIDGETS}. */
export type LookWidget = (typeof LOOK_WIDGETS)[number];

/** What the page is asked to show (from its query string). */
export interface LookRequest {
  readonly widget: LookWidget;
  readonly state: LookState;
  readonly dark: boolean;
  readonly width: number;
}

/** The message a failed upload carries, for every widget. */
export const FAILURE = 'The store answered HTTP 500 to the PUT of the whole file.';
