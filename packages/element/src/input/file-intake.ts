import type { UploaderLike } from '../controllers/upload-controller.js';
import { FerryBeforeAddEvent } from '../events/ferry-before-add.js';
import { FerryRejectEvent } from '../events/ferry-reject.js';
import type { HostLink } from '../existing/host-link.js';
import type { RejectedRow } from '../file-list/file-list.js';
import { formatBytes } from '../format.js';
import { withCheckStrings } from '../translations/en-checks.js';
import type { PickedFile } from './dropped-files.js';
import { check, type Rejection } from './restrictions.js';

/** Thumbnails are tried for images up to this size: beyond it, decoding costs more than a 40 px preview shows. */
const THUMBNAIL_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Time one slice of a large batch may take to check and hand over files: their rows render in the
 * same task, and that task stays well under the 50 ms of a long task.
 */
const SLICE_MS = 8;

/**
 * Resolves in a later task, after the page has had its turn (input, rendering): a timer while the
 * page is shown, a message while it is hidden, where timers are held back to one a second, which
 * would make a batch dropped just before switching tabs crawl.
 */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    if (!document.hidden) {
      setTimeout(resolve);
      return;
    }
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });

/**
 * What happens to the files a person adds (drop, pick, paste, `addFiles()`), loaded with the
 * first file added, so a page whose widget is never used does not pay for it: the restrictions
 * are checked, `ferry-reject` and `ferry-before-add` fire (a listener may rename, refuse, or
 * decide later), refused files are shown as rows until dismissed, and accepted ones go to the
 * Uploader with their place in the list, folder path and thumbnail.
 * @example
 * ```ts
 * const intake = new FileIntake(link);
 * intake.add([{ file, path: '' }]);
 * ```
 */
export class FileIntake {
  /** The refused files shown, until dismissed or the form is reset. */
  rejected: readonly RejectedRow[] = [];
  private nextRejected = 1;
  /** Files accepted by the restrictions while `ferry-before-add` listeners decide: they count toward the limits. */
  private readonly pending = new Set<{ readonly size: number }>();
  /** Files added and not yet checked: a large batch is taken a slice at a time. */
  private queue: PickedFile[] = [];
  /** Taking the queue in: the last run, and whether it still runs. */
  private adding: Promise<void> | undefined;
  private draining = false;

  constructor(private readonly link: HostLink) {
    // Thumbnails' object URLs are freed when the element leaves the page, and made again if it comes back.
    link.host.addController({
      hostConnected: () => {
        for (const [id, { image, thumbnail }] of link.extras) if (image && !thumbnail) void this.thumbnail(id, image);
        // Files added while it was off the page (or a batch it left) are taken in now.
        if (this.queue.length > 0 && !this.draining) this.adding = this.drain();
      },
      hostDisconnected: () => {
        for (const extra of link.extras.values()) {
          extra.abort?.abort();
          if (extra.thumbnail) URL.revokeObjectURL(extra.thumbnail);
          delete extra.thumbnail;
        }
        link.host.requestUpdate(); // the type icons meanwhile, not revoked URLs
      },
    });
  }

  /**
   * Checks `picked` against the restrictions and adds those that meet them (the first only, without
   * `multiple`). A large batch is taken in slices of about {@link SLICE_MS} each, one task apiece,
   * so that adding hundreds of files (and rendering their rows) never holds the page for long.
   */
  add(picked: readonly PickedFile[]): void {
    this.queue.push(...(this.link.host.multiple ? picked : picked.slice(0, 1)));
    if (!this.draining) this.adding = this.drain();
  }

  /** Settles once every file added so far is checked and handed over; `undefined` when none waits. */
  settled(): Promise<void> | undefined {
    return this.draining ? this.adding : undefined;
  }

  /** Takes the queued files in slices, yielding to the page between them. */
  private async drain(): Promise<void> {
    // Set and cleared within drain(): a batch taken in one slice is done before add() returns.
    this.draining = true;
    try {
      // Files wait while the element is off the page (none are handed over, no thumbnail is made
      // that nothing would release); they are taken in once it is back (hostConnected).
      while (this.queue.length > 0 && this.link.host.isConnected) {
        const target = this.link.uploads.target();
        // With checksums the Uploader loads first; the files are checked and added once it is there.
        if (target instanceof Promise) await target;
        else {
          this.slice(target, performance.now() + SLICE_MS);
          if (this.queue.length > 0) await nextTask();
        }
      }
    } catch (error) {
      // Settings that cannot make an Uploader: reported, and the files waiting are not added.
      this.queue = [];
      reportError(error);
    } finally {
      this.draining = false;
    }
  }

  /** Checks and adds queued files until `until` (at least one), counting what is listed now toward the limits. */
  private slice(target: UploaderLike, until: number): void {
    const { host, uploads } = this.link;
    const t = withCheckStrings(this.link.t());
    const forms = this.link.forms();
    const listed = uploads.uploads.filter((upload) => upload.state !== 'cancelled');
    // Existing files, and those still waiting on `ferry-before-add`, count toward the limits too.
    let count = listed.length + (forms?.kept.length ?? 0) + this.pending.size;
    let total = listed.reduce((sum, upload) => sum + upload.size, forms?.keptBytes ?? 0);
    for (const waiting of this.pending) total += waiting.size;
    const rejected: RejectedRow[] = [];
    do {
      const { file, path } = this.queue.shift()!;
      const rejection = check(file, host, count, total);
      if (rejection) {
        const message = t.reasons[rejection.reason](this.limitText(rejection));
        rejected.push({ id: this.rejectedId(), name: path || file.name, message, order: this.link.order() });
        host.dispatchEvent(new FerryRejectEvent(file, rejection.reason, message));
        continue;
      }
      count++;
      total += file.size;
      this.admit(target, file, path);
    } while (this.queue.length > 0 && performance.now() < until);
    this.refuse(rejected);
  }

  /** Takes a refused file's row away (its Dismiss button). */
  dismiss(row: RejectedRow): void {
    this.rejected = this.rejected.filter((each) => each !== row);
    this.link.host.requestUpdate();
    this.link.count('removed', row.name);
  }

  /** Form reset: no refused rows, and files still waiting on `ferry-before-add` are not added. */
  clear(): void {
    this.rejected = [];
    this.queue = [];
    this.pending.clear();
    this.link.host.requestUpdate();
  }

  /** Shows and announces refused files. */
  private refuse(rejected: readonly RejectedRow[]): void {
    if (rejected.length === 0) return;
    this.rejected = [...this.rejected, ...rejected];
    this.link.host.requestUpdate();
    const t = withCheckStrings(this.link.t());
    this.link.say(rejected.map((row) => t.rejected(row.name, row.message)).join('. '));
  }

  /** Adds a file that met the restrictions, once `ferry-before-add` listeners let it (now, or after their work). */
  private admit(target: UploaderLike, file: File, path: string): void {
    const { host } = this.link;
    const event = new FerryBeforeAddEvent(file, file.name);
    // Its place in the list is where it was added, even if listeners decide later.
    const order = this.link.order();
    // Its own entry, so the same File added twice counts twice.
    const waiting = { size: file.size };
    this.pending.add(waiting);
    host.dispatchEvent(event);
    const decide = (failed?: unknown): void => {
      // A form reset while listeners worked dropped the file; one disabled meanwhile takes none.
      if (!this.pending.delete(waiting) || this.link.off()) return;
      const { name, reason } = event.detail;
      if (event.defaultPrevented || failed !== undefined) {
        const message = reason || (failed instanceof Error ? failed.message : '');
        host.dispatchEvent(new FerryRejectEvent(file, 'refused', message));
        this.refuse([{ id: this.rejectedId(), name: path || file.name, message, order }]);
        return;
      }
      const added =
        name === file.name ? file : new File([file], name, { type: file.type, lastModified: file.lastModified });
      const upload = this.link.uploads.add(target, added, path ? { metadata: { relativePath: path } } : {});
      this.link.interrupted()?.added(added);
      // add() only asks for a render: the row's first render already has its place and path.
      Object.assign(this.link.extra(upload.id), { order, path });
      if (added.type.startsWith('image/') && added.size <= THUMBNAIL_MAX_BYTES) void this.thumbnail(upload.id, added);
    };
    const pending = event.work.settled();
    if (pending)
      pending.then(
        () => decide(),
        (error: unknown) => decide(error ?? 'refused'),
      );
    else decide();
  }

  private rejectedId(): string {
    return `r${this.nextRejected++}`;
  }

  private limitText({ reason, limit }: Rejection): string {
    return typeof limit === 'string' || reason === 'too-many' ? `${limit}` : formatBytes(limit, this.link.locale());
  }

  /** Makes `upload`'s thumbnail (in its own module, loaded with the first image); the type icon shows meanwhile. */
  private async thumbnail(id: string, file: File): Promise<void> {
    const abort = new AbortController();
    Object.assign(this.link.extra(id), { abort, image: file });
    const { thumbnails } = await import('../thumbnails/thumbnailer.js');
    const url = await thumbnails.make(file, abort.signal);
    if (!url) return;
    const extra = this.link.extras.get(id);
    if (!extra || abort.signal.aborted)
      URL.revokeObjectURL(url); // the row, or the element, left while it was made
    else {
      extra.thumbnail = url;
      this.link.host.requestUpdate();
    }
  }
}
