// Deleting stored objects through the endpoint (`@ferry/core/delete`): its own entry, so pages
// that never delete do not load it.
export { deleteObject } from './delete-object.js';
export type { DeleteObjectOptions } from './delete-object.js';
export { DeleteRefusedError, isDeleteRefusedError } from './delete-refused-error.js';
export { recordDeleteTokens } from './delete-tokens.js';
export type { DeleteTokenRecorder } from './delete-tokens.js';
