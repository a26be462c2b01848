import { DELETE_TOKEN_HEADER } from '@ferry/core/protocol';
import { deleteTokensFor } from '../delete-token.js';
import { ServerError, isServerError } from '../errors.js';
import type { ResolvedHandlerOptions, UploadUser } from '../handler-options.js';
import { requireString } from '../request-input.js';
import { storageFailure, type RouteContext } from './route-context.js';
import { hasDotSegment } from '../signing-error.js';

/** Refuses a key no upload could have stored: empty, absolute, too long, or with a dot segment. */
function checkDeleteKey(key: string): string {
  if (key.startsWith('/') || new TextEncoder().encode(key).length > 1024 || hasDotSegment(key)) {
    throw new ServerError(
      'bad-request',
      'The key is not one an upload could have stored (absolute, too long, or with a "." or ".." segment).',
    );
  }
  return key;
}

/**
 * A delete token for `key` that lasts `deleteWindowSeconds` past `from` (ms since the epoch), or
 * `undefined` when the window is 0. Finished uploads hand it to their page.
 */
export async function issueDeleteToken(
  options: ResolvedHandlerOptions,
  user: UploadUser,
  key: string,
  from = Date.now(),
): Promise<string | undefined> {
  if (options.deleteWindowSeconds === 0) return undefined;
  const exp = Math.floor(from / 1000) + options.deleteWindowSeconds;
  return deleteTokensFor(options.secret).issue({ user: user.id, key, exp });
}

/**
 * `DELETE /objects?key`: deletes a stored object when the request carries a valid delete token
 * for that key (`X-Ferry-Delete-Token`) or the application's `authorizeDelete` hook allows it.
 * Refused: 403 `token-invalid` (a token tampered with, expired, for another key or user, and no
 * hook allowing it) or `delete-not-allowed`; the object stays.
 */
export async function deleteObject(context: RouteContext): Promise<{ key: string }> {
  const { options, request, user } = context;
  // The key as the store will see it: a dot segment would be collapsed by the URL the provider
  // builds, so "alice/../bob/x" could pass an application's prefix check and delete "bob/x".
  const key = checkDeleteKey(requireString(context.url.searchParams.get('key'), 'key'));
  const token = request.headers.get(DELETE_TOKEN_HEADER);
  let refusal: ServerError | undefined;
  let allowed = false;
  if (token) {
    try {
      await deleteTokensFor(options.secret).verify(token, key, user.id);
      allowed = true;
    } catch (error) {
      if (!isServerError(error)) throw error;
      refusal = error;
    }
  }
  allowed ||= await options.authorizeDelete(request, key, user);
  if (!allowed) throw refusal ?? new ServerError('delete-not-allowed', `Deleting ${key} is not allowed.`);
  const { provider } = options;
  if (!provider.deleteObject) throw new ServerError('internal', 'The storage provider cannot delete objects.');
  try {
    await provider.deleteObject({ key });
  } catch (error) {
    throw storageFailure('to delete the object', error);
  }
  return { key };
}
