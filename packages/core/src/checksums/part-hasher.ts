import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { DigestAlgorithm, Digests } from './digest-blob.js';
import type { HashCancel, HashJob, HashResult } from './hash-protocol.js';

/**
 * Computes the digests of a part before it is signed. The default hashes in module Workers, so
 * the page's main thread never reads or hashes a byte.
 * @example
 * ```ts
 * const { md5 } = await hasher.digest(file.slice(0, partSize), ['md5'], signal);
 * ```
 */
export interface PartHasher {
  /** Digests `blob` with each algorithm. Rejects with `file-unreadable` when it cannot be read. */
  digest(blob: Blob, algorithms: readonly DigestAlgorithm[], signal: AbortSignal): Promise<Digests>;
  /** Stops the hasher's workers, if any. */
  close?(): void;
}

/** Options of {@link createWorkerHasher}. */
export interface WorkerHasherOptions {
  /**
   * Where the hash worker's script is, for pages that serve it themselves (a CDN, a strict CSP).
   * @default `hash-worker.js` beside this module (self-contained, no imports)
   */
  readonly workerUrl?: string | URL;
  /**
   * Most workers hashing at once. Two even on two cores: the first parts, which the first PUTs
   * wait for, are hashed side by side while the network is still idle.
   * @default one less than the cores, from 2 to 4
   */
  readonly workers?: number;
}

interface Pending {
  readonly resolve: (digests: Digests) => void;
  readonly reject: (error: unknown) => void;
}

interface HashWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * A {@link PartHasher} that reads each part in a module Worker and hashes it there (SHA-256 in
 * WebCrypto; MD5, CRC-32C and CRC-64/ECMA in hash-wasm's WebAssembly, or in JavaScript where the
 * worker's CSP refuses WebAssembly). Workers start on first use; parts go to the least busy one,
 * which hashes them one at a time in order. The Blob is posted by reference: neither thread copies
 * the file.
 *
 * @example
 * ```ts
 * withChecksums({ endpoint: '/api/uploads' }, { algorithm: 'md5', hasher: createWorkerHasher({ workers: 2 }) });
 * ```
 */
export function createWorkerHasher(options: WorkerHasherOptions = {}): PartHasher {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
  const limit = options.workers ?? Math.min(4, Math.max(2, cores - 1));
  const url = options.workerUrl ?? new URL('./hash-worker.js', import.meta.url);
  const workers: HashWorker[] = [];
  let nextId = 0;
  let broken: FerryError | undefined;

  const fail = (reason: string): FerryError =>
    (broken = new FerryError(
      ErrorCode.InvalidInput,
      `The hash worker could not run from ${String(url)} (${reason}): serve it there or pass workerUrl.`,
    ));

  const start = (): HashWorker => {
    let worker: Worker;
    try {
      worker = new Worker(url, { type: 'module', name: 'ferry-hash' });
    } catch (error) {
      // Some browsers refuse at once (a CSP without worker-src for this origin).
      throw fail(error instanceof Error ? error.message : String(error));
    }
    const hashWorker: HashWorker = { worker, pending: new Map() };
    hashWorker.worker.onmessage = ({ data }: MessageEvent<HashResult>) => {
      const job = hashWorker.pending.get(data.id);
      hashWorker.pending.delete(data.id);
      if (!job) return;
      if ('digests' in data) job.resolve(data.digests);
      else job.reject(new FerryError(data.error.code, data.error.message));
    };
    // A script that cannot load (wrong URL, CSP) fails every job: checksums are never skipped silently.
    hashWorker.worker.onerror = (event) => {
      event.preventDefault();
      const error = fail(event.message || 'failed to load');
      for (const job of hashWorker.pending.values()) job.reject(error);
      hashWorker.pending.clear();
    };
    workers.push(hashWorker);
    return hashWorker;
  };

  return {
    digest(blob, algorithms, signal) {
      if (broken) return Promise.reject(broken);
      let hashWorker: HashWorker;
      try {
        hashWorker =
          workers.find((candidate) => candidate.pending.size === 0) ??
          (workers.length < limit
            ? start()
            : workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least)));
      } catch (error) {
        return Promise.reject(error);
      }
      const id = nextId++;
      // An aborted digest is dropped here and skipped by the worker if not started; one under way
      // is finished and its answer ignored.
      return new Promise<Digests>((resolve, reject) => {
        signal.throwIfAborted();
        const onAbort = (): void => {
          hashWorker.pending.delete(id);
          hashWorker.worker.postMessage({ cancel: id } satisfies HashCancel);
          reject(signal.reason);
        };
        const settled = (): void => signal.removeEventListener('abort', onAbort);
        signal.addEventListener('abort', onAbort, { once: true });
        hashWorker.pending.set(id, {
          resolve: (digests) => {
            settled();
            resolve(digests);
          },
          reject: (error) => {
            settled();
            reject(error);
          },
        });
        hashWorker.worker.postMessage({ id, blob, algorithms } satisfies HashJob);
      });
    },
    close() {
      for (const { worker, pending } of workers.splice(0)) {
        worker.terminate();
        for (const job of pending.values()) job.reject(new FerryError(ErrorCode.Aborted, 'The hasher was closed.'));
      }
    },
  };
}

/**
 * A {@link PartHasher} that hashes on the calling thread, for runtimes without `Worker` (Node,
 * a hasher already inside a worker). In a page it would block the main thread: use the default.
 * @example
 * ```ts
 * withChecksums({ endpoint, transport: createFetchTransport() }, { algorithm: 'sha256', hasher: createInlineHasher() });
 * ```
 */
export function createInlineHasher(): PartHasher {
  return {
    async digest(blob, algorithms, signal) {
      // Loaded on first use, so pages that hash in workers never download the hash code twice.
      const { digestBlob } = await import('./digest-blob.js');
      signal.throwIfAborted();
      return digestBlob(blob, algorithms);
    },
  };
}
