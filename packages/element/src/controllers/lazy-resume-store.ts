import type { ResumeStore } from '@ferry/core';

/**
 * The IndexedDB resume store of `@ferry/core/resume`, loaded by the first upload that consults it
 * (a multipart upload starting), so a page pays for it once it uploads, not when it loads. Its
 * calls wait for the load; core treats a failed one as nothing to resume, as it does any resume
 * store failure.
 * @example
 * ```ts
 * const uploader = new Uploader({ endpoint: '/api/uploads', resumeStore: lazyIndexedDbResumeStore() });
 * ```
 */
export function lazyIndexedDbResumeStore(): ResumeStore {
  let loaded: Promise<ResumeStore> | undefined;
  const store = () => (loaded ??= import('@ferry/core/resume').then((module) => module.createIndexedDbResumeStore()));
  return {
    restore: async (source, plan, listParts) => (await store()).restore(source, plan, listParts),
    save: async (source, handle, plan) => (await store()).save(source, handle, plan),
    forget: async (source) => (await store()).forget(source),
  };
}
