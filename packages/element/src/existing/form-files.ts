import { isEndpointError, isFerryError, type UploadSnapshot } from '@ferry/core';
import { failureText } from '../file-row/failure-text.js';
import { withListStrings } from '../translations/en-list.js';
import type { ExistingFile } from './existing-file.js';
import type { HostLink } from './host-link.js';

/** Row ids of existing files: apart from the Uploader's ids, which never contain a colon. */
const ROW_PREFIX = 'existing:';

/**
 * The existing files a server-rendered page put in the element as `<ferry-file key name size type
 * thumbnail>` children, in order; a child without `key` is skipped, `name` defaults to the key's
 * last segment.
 * @example
 * ```ts
 * filesFromChildren(uploader); // [{ key: 'uploads/a1/report.pdf', name: 'report.pdf', size: 48213, type: 'application/pdf' }]
 * ```
 */
export function filesFromChildren(host: Element): ExistingFile[] {
  return [...host.querySelectorAll(':scope > ferry-file')].flatMap((child) => {
    const key = child.getAttribute('key');
    if (!key) return [];
    return [
      {
        key,
        name: child.getAttribute('name') || key.slice(key.lastIndexOf('/') + 1),
        size: Number(child.getAttribute('size')) || 0,
        type: child.getAttribute('type') ?? '',
        thumbnail: child.getAttribute('thumbnail') || undefined,
      },
    ];
  });
}

/**
 * The form's files beyond this page's uploads, loaded only by pages that use them: the existing
 * files (`files`, else `<ferry-file>` children), shown as done rows, the ones the user removed
 * (the form value's "removed" list), and `delete-on-remove`, whose refused deletes it keeps to
 * show on their rows. Form reset brings back the set it was given.
 * @example
 * ```ts
 * this.forms = new FormFiles(link);
 * ```
 */
export class FormFiles {
  /** The existing files still in the form, in order. */
  kept: readonly ExistingFile[] = [];
  private initial: readonly ExistingFile[] = [];
  private removed: readonly ExistingFile[] = [];
  /** What went wrong removing a row (a refused delete), by row id, until it is removed or tried again. */
  private readonly failures = new Map<string, string>();
  /** Keys of the existing files deleted from the store (with `delete-on-remove`): a reset cannot bring them back. */
  private readonly deleted = new Set<string>();
  /** Rows whose delete is under way. */
  private readonly deleting = new Set<string>();

  constructor(private readonly link: HostLink) {
    this.take(link.given() ?? filesFromChildren(link.host));
  }

  /** The files the form holds: the existing ones kept, then the uploads done. */
  files(): ExistingFile[] {
    return [...this.kept, ...this.added()];
  }

  /**
   * Takes `files` as the set the form was saved with, unless they are the files it holds now (a
   * controlled React prop or Vue's `v-model` handing back what the element reported). Uploads
   * whose keys are now saved files leave the list. Either way a reset never deletes these keys.
   */
  take(files: readonly ExistingFile[]): void {
    // The page holds these keys (and may have saved them): a reset never deletes them.
    for (const file of files) this.link.sent.add(file.key);
    const now = this.files();
    if (files.length === now.length && files.every((file, index) => file.key === now[index]!.key)) return;
    this.initial = this.kept = files.map((file) => ({ ...file }));
    this.removed = [];
    this.deleted.clear();
    this.failures.clear();
    const saved = new Set(files.map((file) => file.key));
    for (const upload of this.link.uploads.uploads)
      if (upload.key && saved.has(upload.key)) this.link.uploads.act(upload.id, 'remove');
    this.link.host.requestUpdate();
  }

  /**
   * Form reset: the set it was given, none removed, except the files `delete-on-remove` deleted
   * already: those are gone from the store, so they stay in the "removed" list for the server to
   * drop from its record. With `delete-on-remove`, the uploads of `dropped` (the rows the reset
   * took away) that were stored are deleted too, with their delete tokens: no form value lists
   * them any more. Not those the server may have recorded: keys among the files it was given,
   * sent in its form's data (a submit, `new FormData(form)`) or handed back through `files`. A
   * delete that fails is announced. Without `delete-on-remove` they are left to the server, which
   * never hears of them (see the README's "Forms with existing files").
   */
  restore(dropped: readonly UploadSnapshot[] = []): void {
    this.kept = this.initial.filter((file) => !this.deleted.has(file.key));
    this.removed = this.initial.filter((file) => this.deleted.has(file.key));
    this.failures.clear();
    this.link.host.requestUpdate();
    if (!this.link.host.deleteOnRemove) return;
    // Never what the server may have recorded: keys it was given, sent or handed back.
    const saved = new Set([...this.initial.map((file) => file.key), ...this.link.sent]);
    for (const upload of dropped)
      if (upload.state === 'done' && upload.key && !saved.has(upload.key))
        void this.deleteStored(upload, upload.key).catch((error: unknown) => {
          this.link.say(this.deleteFailure(upload, error));
        });
  }

  /** Bytes of the existing files kept (they count toward `max-total-size`). */
  get keptBytes(): number {
    return this.kept.reduce((sum, file) => sum + file.size, 0);
  }

  /** The existing files as done rows, for the list and the validators. */
  rows(): UploadSnapshot[] {
    return this.kept.map((file) => ({
      id: ROW_PREFIX + file.key,
      name: file.name,
      size: file.size,
      type: file.type ?? '',
      state: 'done',
      bytesSent: file.size,
      speed: 0,
      eta: undefined,
      method: 'single',
      parts: { done: 1, total: 1 },
      key: file.key,
    }));
  }

  /** What the form controller reads besides the uploads: the existing rows too (for the limits), and the entries. */
  form(uploads: readonly UploadSnapshot[]) {
    // Loaded for a Remove or a reset alone (`delete-on-remove`), the value keeps its plain shape.
    const existing = this.link.given() !== undefined || this.initial.length > 0;
    return {
      uploads: [...this.rows(), ...uploads],
      entries: existing ? (name: string) => this.entries(name) : undefined,
    };
  }

  /** Whether row `id` is an existing file's. */
  owns(id: string): boolean {
    return id.startsWith(ROW_PREFIX);
  }

  /** The thumbnail URL the page gave for row `id`. */
  thumbnail(id: string): string | undefined {
    return this.fileOf(id)?.thumbnail;
  }

  /** Why removing row `id` failed, while it shows. */
  failure(id: string): string | undefined {
    return this.failures.get(id);
  }

  /**
   * The form value: under `name`, `name[kept][]` for each existing file kept, `name[added][]`
   * for each file uploaded here, `name[removed][]` for each existing file removed (deleted
   * already with `delete-on-remove`, or for the server to delete). Repeated `[]` fields read as
   * arrays in PHP, Rails and Express's `qs`, and as `getAll()` lists anywhere.
   */
  entries(name: string): [string, string][] {
    return [
      ...this.kept.map((file): [string, string] => [`${name}[kept][]`, file.key]),
      ...this.added().map((file): [string, string] => [`${name}[added][]`, file.key]),
      ...this.removed.map((file): [string, string] => [`${name}[removed][]`, file.key]),
    ];
  }

  /**
   * Removes a row. With `delete-on-remove`, a stored file (an existing one, or an upload that
   * finished) is deleted through the endpoint first (`@ferry/core/delete`, loaded then); a refused
   * or failed delete is shown on the row and announced, and the row stays. An existing file that
   * goes joins the "removed" list.
   */
  async remove(upload: UploadSnapshot): Promise<void> {
    const { id, key } = upload;
    const { host } = this.link;
    if (this.deleting.has(id)) return;
    const file = this.fileOf(id);
    if (host.deleteOnRemove && key && (file || upload.state === 'done')) {
      this.deleting.add(id);
      this.failures.delete(id);
      try {
        await this.deleteStored(upload, key);
      } catch (error) {
        const text = this.deleteFailure(upload, error);
        this.failures.set(id, text);
        this.link.say(text);
        host.requestUpdate();
        return;
      } finally {
        this.deleting.delete(id);
      }
    }
    this.failures.delete(id);
    if (!file) {
      this.link.uploads.act(id, 'remove');
      return;
    }
    this.kept = this.kept.filter((each) => each !== file);
    this.removed = [...this.removed, file];
    host.requestUpdate();
    this.link.removed(upload);
  }

  /** Deletes the stored object `key` of row `upload` (`@ferry/core/delete`, loaded now), noting it when it was an existing file. */
  private async deleteStored(upload: UploadSnapshot, key: string): Promise<void> {
    const { deleteStored } = await import('../delete/delete-stored.js');
    await deleteStored(this.link.host.endpoint, key);
    if (this.owns(upload.id)) this.deleted.add(key);
  }

  /** The text for a failed delete of `upload`'s object, in the element's language. */
  private deleteFailure(upload: UploadSnapshot, error: unknown): string {
    const t = withListStrings(this.link.t());
    const reason =
      isEndpointError(error) && error.status === 403
        ? t.deleteRefused
        : isFerryError(error)
          ? failureText(t, error)
          : t.failures.unexpected;
    return t.deleteFailed(upload.name, reason);
  }

  private added(): ExistingFile[] {
    return this.link.uploads.uploads.flatMap(({ state, key, name, size, type }) =>
      state === 'done' && key ? [{ key, name, size, type }] : [],
    );
  }

  private fileOf(id: string): ExistingFile | undefined {
    return this.owns(id) ? this.kept.find((file) => ROW_PREFIX + file.key === id) : undefined;
  }
}
