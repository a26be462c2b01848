import { decodable, thumbnailBlob } from './thumbnail-blob.js';
import type { ThumbnailRequest, ThumbnailResponse } from './thumbnail-protocol.js';

/** Thumbnails decoded at once: a few, so 300 photos added together never mean 300 full decodes in memory. */
const AT_ONCE = 2;

/** Thumbnails are drawn 40 CSS px wide: decoded at twice that, for high-density screens, and no more. */
export const THUMBNAIL_WIDTH = 80;

interface Job {
  readonly file: Blob;
  readonly signal: AbortSignal;
  readonly resolve: (url: string | undefined) => void;
}

/**
 * Makes image thumbnails a few at a time, decoded in a Worker at twice their displayed size
 * (`createImageBitmap` with `resizeWidth`, then `OffscreenCanvas`), upright from the EXIF
 * orientation. Where no Worker can start (a CSP without `worker-src`), the same decode runs on
 * the main thread, still asynchronous and resized. Loaded on demand with the first image.
 *
 * @example
 * ```ts
 * const url = await thumbnails.make(file, signal); // an object URL, or undefined: show the type icon
 * ```
 */
export class Thumbnailer {
  private readonly queue: Job[] = [];
  private running = 0;
  private worker: Worker | undefined | null;
  private readonly pending = new Map<number, { file: Blob; resolve: (blob: Blob | undefined) => void }>();
  private nextId = 1;

  /** Peak of decodes running at once, for tests and the benchmark. */
  peak = 0;

  /**
   * An object URL of `file`'s thumbnail (the caller revokes it), or `undefined` when the file is
   * no image a browser decodes (HEIC, video, a damaged PNG) or `signal` aborted first.
   */
  make(file: Blob, signal: AbortSignal): Promise<string | undefined> {
    if (!decodable(file.type)) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ file, signal, resolve });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < AT_ONCE && this.queue.length > 0) {
      const job = this.queue.shift()!;
      if (job.signal.aborted) {
        job.resolve(undefined);
        continue;
      }
      this.running++;
      this.peak = Math.max(this.peak, this.running);
      void this.decode(job.file).then((blob) => {
        this.running--;
        job.resolve(blob && !job.signal.aborted ? URL.createObjectURL(blob) : undefined);
        this.drain();
      });
    }
  }

  private decode(file: Blob): Promise<Blob | undefined> {
    const worker = this.startWorker();
    if (!worker) return thumbnailBlob(file, THUMBNAIL_WIDTH).catch(() => undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { file, resolve });
      worker.postMessage({ id, file, width: THUMBNAIL_WIDTH } satisfies ThumbnailRequest);
    });
  }

  private startWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(new URL('./thumbnail-worker.js', import.meta.url), {
        type: 'module',
        name: 'ferry-thumbnails',
      });
      worker.addEventListener('message', ({ data }: MessageEvent<ThumbnailResponse>) => {
        this.pending.get(data.id)?.resolve(data.blob);
        this.pending.delete(data.id);
      });
      // A worker that cannot load (blocked, missing): what it was given is decoded here instead.
      worker.addEventListener('error', () => {
        this.worker = null;
        worker.terminate();
        for (const [id, { file, resolve }] of this.pending) {
          this.pending.delete(id);
          void this.decode(file).then(resolve);
        }
      });
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }
}

/** The element's one thumbnailer (shared: a page's widgets together decode a few at a time). */
export const thumbnails = new Thumbnailer();
