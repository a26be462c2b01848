/**
 * A file the form already has, stored before the page loaded (an avatar, last week's
 * attachment): given to `<ferry-uploader>` through its `files` property or `<ferry-file>`
 * children, and shown as a done row.
 * @example
 * ```ts
 * uploader.files = [{ key: 'uploads/a1/report.pdf', name: 'report.pdf', size: 48213, type: 'application/pdf' }];
 * ```
 */
export interface ExistingFile {
  /** The object key. */
  readonly key: string;
  /** The name shown. */
  readonly name: string;
  /** Its size in bytes (counts toward `max-total-size`). */
  readonly size: number;
  /** Its MIME type, for the row's icon. @default '' */
  readonly type?: string | undefined;
  /** A thumbnail URL the page provides (an image's small version); the type icon shows without one. */
  readonly thumbnail?: string | undefined;
}
