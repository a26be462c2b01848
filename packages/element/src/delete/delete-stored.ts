import { deleteObject } from '@ferry/core/delete';
import { deleteTokens } from './delete-tokens.js';

/**
 * Deletes the stored object `key` through the endpoint at `url`, with the delete token its
 * upload was given when this page uploaded it (else the server's `authorizeDelete` decides).
 * Loaded with the first delete.
 * @throws DeleteRefusedError when the endpoint refuses (the object stays); EndpointError otherwise.
 * @example
 * ```ts
 * await deleteStored('/api/uploads', 'uploads/a1/photo.png');
 * ```
 */
export async function deleteStored(url: string, key: string): Promise<void> {
  await deleteObject({ url, key, deleteToken: deleteTokens.tokenFor(key) });
}
