import {
  createResumeStore,
  memoryRecords,
  type ListableResumeStore,
  type ResumeRecord,
  type ResumeRecords,
  type ResumeStoreOptions,
} from './resume-store.js';

const STORE = 'uploads';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('The IndexedDB request failed without saying why.'));
  });
}

/** Opens the database, or rejects: no IndexedDB, a refusal (private windows, policies), a blocked or failed open. */
function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB refused to open.'));
    opening.onblocked = () => reject(new Error('IndexedDB is blocked by another tab.'));
  });
}

/** Records in IndexedDB; in memory instead, for good, once opening it fails. */
function indexedDbRecords(name: string): ResumeRecords {
  const memory = memoryRecords();
  let opened: Promise<IDBDatabase | undefined> | undefined;
  const database = (): Promise<IDBDatabase | undefined> =>
    // `indexedDB.open` itself throws where IndexedDB is refused outright (some private windows).
    (opened ??= Promise.resolve()
      .then(() => open(name))
      .catch(() => undefined));
  /** The object store, or `undefined` when the records live in memory. */
  const objects = async (mode: IDBTransactionMode): Promise<IDBObjectStore | undefined> =>
    (await database())?.transaction(STORE, mode).objectStore(STORE);
  return {
    get: async (id) => {
      const store = await objects('readonly');
      return store ? request(store.get(id) as IDBRequest<ResumeRecord | undefined>) : memory.get(id);
    },
    put: async (id, record) => {
      const store = await objects('readwrite');
      if (store) await request(store.put(record, id));
      else await memory.put(id, record);
    },
    delete: async (id) => {
      const store = await objects('readwrite');
      if (store) await request(store.delete(id));
      else await memory.delete(id);
    },
    entries: async () => {
      const store = await objects('readonly');
      if (!store) return memory.entries();
      const [keys, values] = await Promise.all([
        request(store.getAllKeys()),
        request(store.getAll() as IDBRequest<ResumeRecord[]>),
      ]);
      return keys.map((key, index): [string, ResumeRecord] => [key as string, values[index]!]);
    },
  };
}

/**
 * A resume store in IndexedDB (browsers and workers): uploads continue after a reload or a
 * crash when the same file is added again, and the page can list, discard and expire the
 * interrupted ones. Where IndexedDB is refused (a private window, a policy, no IndexedDB at all)
 * it keeps its records in memory instead, without an error: uploads then resume within the page.
 *
 * @example
 * ```ts
 * import { createIndexedDbResumeStore } from '@ferry/core/resume';
 * new Uploader({ endpoint: '/api/uploads', resumeStore: createIndexedDbResumeStore() });
 * ```
 */
export function createIndexedDbResumeStore(
  options: ResumeStoreOptions & { readonly database?: string } = {},
): ListableResumeStore {
  return createResumeStore(indexedDbRecords(options.database ?? 'ferry-uploads'), options);
}
