import { UNSTOPPABLE } from '../abortable.js';
import { deleteObject } from '../delete/delete-object.js';
import type { Endpoint, ObjectToDelete } from '../ports/endpoint.js';

/** Deletes a stored object through the signing endpoint. */
export type ObjectDeleter = (object: ObjectToDelete) => Promise<void>;

/** What became of a stored object that failed, or escaped, its integrity check. */
export interface Discarded {
  /** Whether it is still in the bucket. */
  readonly stillStored: boolean;
  /** Why it could not be deleted (the endpoint's refusal or failure), when a delete was tried. */
  readonly cause?: unknown;
  /** A sentence for the error's message: deleted, or still stored and why. */
  readonly outcome: string;
}

/**
 * How `withChecksums` deletes objects through `endpoint`: the protocol's `DELETE {url}/objects?key`
 * for an endpoint URL (the delete module comes with the checksums, loaded on demand), the endpoint's own
 * `deleteObject` for an object endpoint, or `undefined` when it has none.
 */
export function objectDeleter(endpoint: string | Endpoint): ObjectDeleter | undefined {
  if (typeof endpoint === 'string') {
    return (object) => deleteObject({ url: endpoint, ...object });
  }
  // Not stopped by pause or cancel: what failed its check must not stay behind because the user moved on.
  return endpoint.deleteObject && ((object) => endpoint.deleteObject!(object, { signal: UNSTOPPABLE }));
}

/**
 * Deletes `object` (a completed object that failed its check, or could not be checked) before the
 * error is reported, so no upload leaves an object nobody lists. Never throws: a refused or failed
 * delete is reported in what it returns, and the object is then still stored.
 */
export async function discardObject(remove: ObjectDeleter | undefined, object: ObjectToDelete): Promise<Discarded> {
  const { key, deleteToken } = object;
  if (!remove) {
    return {
      stillStored: true,
      outcome: `${key} is still stored: the endpoint object has no deleteObject, so Ferry cannot delete it.`,
    };
  }
  try {
    await remove(object);
    return { stillStored: false, outcome: `${key} was deleted from the bucket.` };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const token = deleteToken ? '' : ' (the endpoint gave no delete token)';
    return { stillStored: true, cause: error, outcome: `${key} is still stored: deleting it failed${token}: ${why}` };
  }
}
