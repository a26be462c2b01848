import { resizeImage, type ResizeOutcome, type ResizeSettings } from './resize-image.js';
import type { ResizeJob, ResizeReply } from './resize-protocol.js';

/** Shrinks images; see {@link createImageResizer}. */
export interface ImageResizer {
  /** The outcome for `blob`; rejects when aborted. */
  resize(blob: Blob, settings: ResizeSettings, signal: AbortSignal): Promise<ResizeOutcome>;
  /** Stops the worker, if one runs. */
  close(): void;
}

/** Options of {@link createImageResizer}. */
export interface ImageResizerOptions {
  /**
   * Where the resize worker's script is, for pages that serve it themselves (a CDN, a strict CSP).
   * @default `resize-worker.js` beside this module (self-contained, no imports)
   */
  readonly workerUrl?: string | URL | undefined;
}

interface Pending {
  readonly resolve: (outcome: ResizeOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * An {@link ImageResizer} that decodes and encodes in one module Worker (OffscreenCanvas), one
 * image at a time. Where no Worker can run it (a CSP without `worker-src` for the script, no
 * `Worker`) or the Worker cannot encode (no OffscreenCanvas there), the image is shrunk on the
 * calling thread instead.
 * @example
 * ```ts
 * const resizer = createImageResizer({ workerUrl: '/assets/resize-worker.js' });
 * ```
 */
export function createImageResizer(options: ImageResizerOptions = {}): ImageResizer {
  const url = options.workerUrl ?? new URL('./resize-worker.js', import.meta.url);
  let worker: Worker | undefined;
  /** The worker cannot be used: everything runs on this thread. */
  let inline = typeof Worker !== 'function';
  const pending = new Map<number, Pending>();
  let nextId = 0;

  const start = (): Worker | undefined => {
    if (worker || inline) return worker;
    try {
      worker = new Worker(url, { type: 'module', name: 'ferry-resize' });
    } catch {
      inline = true;
      return undefined;
    }
    worker.onmessage = ({ data }: MessageEvent<ResizeReply>) => {
      const job = pending.get(data.id);
      pending.delete(data.id);
      if (!job) return;
      if ('outcome' in data) job.resolve(data.outcome);
      else job.reject(new Error(data.error));
    };
    // A script that cannot load (CSP, wrong URL): shrink on this thread from now on.
    worker.onerror = (event) => {
      event.preventDefault();
      inline = true;
      worker?.terminate();
      worker = undefined;
      for (const job of pending.values()) job.reject(WORKER_FAILED);
      pending.clear();
    };
    return worker;
  };

  const inWorker = (blob: Blob, settings: ResizeSettings, signal: AbortSignal): Promise<ResizeOutcome> => {
    const running = start();
    if (!running) return Promise.reject(WORKER_FAILED);
    const id = nextId++;
    return new Promise<ResizeOutcome>((resolve, reject) => {
      signal.throwIfAborted();
      const onAbort = (): void => {
        pending.delete(id);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settled = (): void => signal.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (outcome) => {
          settled();
          resolve(outcome);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
      });
      running.postMessage({ id, blob, settings } satisfies ResizeJob);
    });
  };

  return {
    async resize(blob, settings, signal) {
      if (!inline) {
        try {
          const outcome = await inWorker(blob, settings, signal);
          if (outcome.kind !== 'unsupported') return outcome;
          inline = true; // the worker has no OffscreenCanvas: this thread may
        } catch (error) {
          if (error !== WORKER_FAILED) throw error;
        }
      }
      signal.throwIfAborted();
      return resizeImage(blob, settings);
    },
    close() {
      worker?.terminate();
      worker = undefined;
    },
  };
}

/** The worker could not load: the job runs on this thread instead. */
const WORKER_FAILED = new Error('The resize worker could not run.');
