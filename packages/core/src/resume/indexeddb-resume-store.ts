import type { ResumeStore } from '../ports/resume-store.js';
import { createResumeStore, type ResumeRecord, type ResumeStoreOptions } from './resume-store.js';

const STORE = 'uploads';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('The IndexedDB request failed without saying why.'));
  });
}

/**
 * A resume store in IndexedDB (browsers and workers): uploads continue after a reload or a
 * crash when the same file is added again.
 *
 * @example
 * ```ts
 * import { createIndexedDbResumeStore } from '@ferry/core/resume';
 * new Uploader({ endpoint: '/api/uploads', resumeStore: createIndexedDbResumeStore() });
 * ```
 */
export function createIndexedDbResumeStore(
  options: ResumeStoreOptions & { readonly database?: string } = {},
): ResumeStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> =>
    (opened ??= (() => {
      const open = indexedDB.open(options.database ?? 'ferry-uploads', 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      return request(open);
    })());
  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    request(action((await database()).transaction(STORE, mode).objectStore(STORE)));
  return createResumeStore(
    {
      get: (id) => run('readonly', (store) => store.get(id) as IDBRequest<ResumeRecord | undefined>),
      put: async (id, record) => {
        await run('readwrite', (store) => store.put(record, id));
      },
      delete: async (id) => {
        await run('readwrite', (store) => store.delete(id));
      },
    },
    options,
  );
}
