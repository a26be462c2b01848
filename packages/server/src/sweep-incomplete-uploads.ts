import type { OpenUpload, StorageProvider } from './providers/provider.js';

/** Options of {@link sweepIncompleteUploads}. */
export interface SweepOptions {
  /** The store to sweep; it needs `listMultipartUploads` (the S3 and OSS providers have it). */
  readonly provider: StorageProvider;
  /** Only uploads whose key starts with this (`uploads/`); `''` sweeps the whole bucket. */
  readonly prefix: string;
  /** Uploads initiated more than this many milliseconds ago are aborted. Keep it past the upload tokens' lifetime (a day by default), so no page is still resuming one. */
  readonly olderThan: number;
  /** The time to measure age from, in ms since the epoch. @default Date.now() */
  readonly now?: number;
  /** Uploads asked for per ListMultipartUploads page (S3 and OSS allow 1 to 1,000). @default 1000 */
  readonly pageSize?: number;
  /** Aborts in flight at once. @default 8 */
  readonly concurrency?: number;
  /** Stops the sweep between calls (what was aborted stays aborted). */
  readonly signal?: AbortSignal;
}

/** What a sweep did. */
export interface SweepReport {
  /** Uploads this sweep aborted, with their parts. */
  readonly aborted: readonly OpenUpload[];
  /** Old uploads that were gone by the time this sweep aborted them (`NoSuchUpload`: another instance, a lifecycle rule or the page got there first). */
  readonly alreadyGone: readonly OpenUpload[];
  /** Old uploads whose abort failed otherwise: left open for the next sweep. */
  readonly failed: readonly { readonly upload: OpenUpload; readonly error: unknown }[];
  /** Uploads under the prefix that are younger than `olderThan`, left alone. */
  readonly kept: number;
  /** ListMultipartUploads pages read. */
  readonly pages: number;
}

const isNoSuchUpload = (error: unknown): boolean => error instanceof Error && error.name === 'NoSuchUpload';

/**
 * Aborts the multipart uploads under `prefix` that were initiated longer than `olderThan` ago:
 * the uploads of tabs that were closed and never came back, whose parts the store would
 * otherwise keep (and bill) for ever. It pages through ListMultipartUploads with its key and
 * upload-id markers, and is safe to run from cron or a scheduled function on every instance at
 * once: an upload already aborted (`NoSuchUpload`) counts as gone, not as a failure. A failed
 * abort is reported and left for the next run; a failed listing throws.
 *
 * @example
 * ```ts
 * const report = await sweepIncompleteUploads({ provider, prefix: 'uploads/', olderThan: 48 * 3600_000 });
 * console.log(`aborted ${report.aborted.length}, already gone ${report.alreadyGone.length}`);
 * ```
 */
export async function sweepIncompleteUploads(options: SweepOptions): Promise<SweepReport> {
  const { provider, prefix, olderThan, signal } = options;
  if (!provider.listMultipartUploads) {
    throw new Error(
      'sweepIncompleteUploads needs a provider with listMultipartUploads (the S3 and OSS providers have it).',
    );
  }
  if (!Number.isFinite(olderThan) || olderThan < 0)
    throw new Error('olderThan must be a number of milliseconds, 0 or more.');
  const cutoff = (options.now ?? Date.now()) - olderThan;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const aborted: OpenUpload[] = [];
  const alreadyGone: OpenUpload[] = [];
  const failed: { upload: OpenUpload; error: unknown }[] = [];
  let kept = 0;
  let pages = 0;
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await provider.listMultipartUploads({
      prefix,
      keyMarker,
      uploadIdMarker,
      maxUploads: options.pageSize ?? 1000,
    });
    pages++;
    const old = page.uploads.filter((upload) => upload.initiated.getTime() < cutoff);
    kept += page.uploads.length - old.length;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < old.length) {
        signal?.throwIfAborted();
        const upload = old[next++]!;
        try {
          await provider.abortMultipart({ key: upload.key, uploadId: upload.uploadId });
          aborted.push(upload);
        } catch (error) {
          if (isNoSuchUpload(error)) alreadyGone.push(upload);
          else failed.push({ upload, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, old.length) }, worker));
    const last = page.uploads.at(-1);
    // The markers name the last upload listed; stores that leave them out are paged from it.
    const nextKey = page.nextKeyMarker ?? last?.key;
    if (!page.truncated || nextKey === undefined) break;
    keyMarker = nextKey;
    uploadIdMarker = page.nextUploadIdMarker ?? last?.uploadId;
  }
  return { aborted, alreadyGone, failed, kept, pages };
}
