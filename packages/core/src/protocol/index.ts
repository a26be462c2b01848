// The endpoint protocol, defined once: @ferry/core's HTTP endpoint and @ferry/server both import
// it from here (the server as `@ferry/core/protocol`).
export { ROUTES, UPLOAD_TOKEN_HEADER, matchRoute, routePath } from './routes.js';
export type { RouteMatch, RouteName } from './routes.js';
export { DELETE_TOKEN_HEADER, OBJECT_ROUTES } from './object-routes.js';
export type { ObjectRouteName } from './object-routes.js';
export { WireErrorCode, WIRE_ERROR_STATUS } from './wire-errors.js';
export { GCS_LIMITS, MINIO_LIMITS, OSS_LIMITS, R2_LIMITS, S3_LIMITS, STORE_PROFILES } from './store-profiles.js';
export type { StoreLimits, StoreName, StoreProfile } from './store-profiles.js';
// How a store's error answer is read (the browser transport loads this only on a refusal).
export { parseStoreErrorXml } from '../adapters/store-error-response.js';
export { parseRetryAfter } from '../adapters/retry-after.js';
