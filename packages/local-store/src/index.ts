export { startLocalStore } from './local-store.js';
export type { LocalStore, LocalStoreOptions, StoreRequest } from './local-store.js';
export { corsConfigurationXml } from './cors-rule.js';
export type { CorsRule } from './cors-rule.js';
