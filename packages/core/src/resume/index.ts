export { createIndexedDbResumeStore } from './indexeddb-resume-store.js';
export { createMemoryResumeStore, createResumeStore } from './resume-store.js';
export type { ListableResumeStore, ResumeRecord, ResumeRecords, ResumeStoreOptions } from './resume-store.js';
export type { InterruptedUpload, InterruptedUploads } from './interrupted-uploads.js';
export { fingerprint } from './fingerprint.js';
