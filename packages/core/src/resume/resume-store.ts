import { ErrorCode, isFerryError } from '../errors/ferry-error.js';
import type { MultipartHandle } from '../ports/endpoint.js';
import type { ResumeStore } from '../ports/resume-store.js';
import { fingerprint } from './fingerprint.js';
import { interruptedUploads, type InterruptedUploads } from './interrupted-uploads.js';

/** What is remembered of an upload. */
export interface ResumeRecord extends MultipartHandle {
  /** The file's name, to list the upload (records saved before it was kept have none). */
  readonly name?: string | undefined;
  readonly size: number;
  readonly partSize: number;
  /** When it was saved, in ms since the epoch. */
  readonly savedAt: number;
}

/** Where records are kept: IndexedDB in browsers, a `Map` elsewhere. */
export interface ResumeRecords {
  get(id: string): Promise<ResumeRecord | undefined>;
  put(id: string, record: ResumeRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** Every record, with its id. */
  entries(): Promise<[string, ResumeRecord][]>;
}

/** A resume store that can also list, discard and expire what it remembers. */
export type ListableResumeStore = ResumeStore & InterruptedUploads;

/** Options of {@link createResumeStore}. */
export interface ResumeStoreOptions {
  /**
   * Records older than this are not resumed, and `removeExpired` aborts their uploads. Kept below
   * the server's upload token lifetime (24 hours by default), so the token still works to abort
   * them, and a resumed upload has time to finish before it expires. @default 20 hours
   */
  readonly maxAgeMs?: number;
}

/**
 * A {@link ResumeStore} over any record storage: a file added again continues the multipart
 * upload remembered for its fingerprint, keeping the parts the store lists at the planned sizes;
 * stale, mismatched or lost uploads are dropped and the file starts afresh.
 */
export function createResumeStore(records: ResumeRecords, options: ResumeStoreOptions = {}): ListableResumeStore {
  const maxAgeMs = options.maxAgeMs ?? 20 * 60 * 60 * 1000;
  return {
    ...interruptedUploads(records, maxAgeMs),
    async restore(source, plan, listParts) {
      const id = await fingerprint(source);
      const record = await records.get(id);
      if (!record) return undefined;
      if (Date.now() - record.savedAt > maxAgeMs || record.size !== source.size || record.partSize !== plan.partSize) {
        await records.delete(id);
        return undefined;
      }
      const handle: MultipartHandle = { uploadId: record.uploadId, key: record.key, token: record.token };
      let listed;
      try {
        listed = await listParts(handle);
      } catch (error) {
        // Paused or cancelled meanwhile: the record still stands for a later run.
        if (isFerryError(error) && error.code === ErrorCode.Aborted) throw error;
        // Aborted on the store, completed, expired, or no longer ours: start afresh.
        await records.delete(id);
        return undefined;
      }
      const stored = listed.filter((part) => {
        const planned = plan.parts[part.partNumber - 1];
        return planned !== undefined && part.size === planned.end - planned.start;
      });
      return { handle, stored };
    },
    async save(source, handle, plan) {
      await records.put(await fingerprint(source), {
        uploadId: handle.uploadId,
        key: handle.key,
        token: handle.token,
        name: source.name,
        size: source.size,
        partSize: plan.partSize,
        savedAt: Date.now(),
      });
    },
    async forget(source) {
      await records.delete(await fingerprint(source));
    },
  };
}

/** Records in memory: for Node, workers without IndexedDB, and tests. They last as long as the object. */
export function createMemoryResumeStore(options?: ResumeStoreOptions): ListableResumeStore {
  return createResumeStore(memoryRecords(), options);
}

/** {@link ResumeRecords} in a `Map`. */
export function memoryRecords(): ResumeRecords {
  const map = new Map<string, ResumeRecord>();
  return {
    get: async (id) => map.get(id),
    put: async (id, record) => void map.set(id, record),
    delete: async (id) => void map.delete(id),
    entries: async () => [...map.entries()],
  };
}
