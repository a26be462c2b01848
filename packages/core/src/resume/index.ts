export { createIndexedDbResumeStore } from './indexeddb-resume-store.js';
export { createMemoryResumeStore, createResumeStore } from './resume-store.js';
export type { ResumeRecord, ResumeRecords, ResumeStoreOptions } from './resume-store.js';
export { fingerprint } from './fingerprint.js';
