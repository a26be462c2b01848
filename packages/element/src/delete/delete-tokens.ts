import { createHttpEndpoint, type UploaderOptions } from '@ferry/core';
import { deleteObject, recordDeleteTokens, type DeleteTokenRecorder } from '@ferry/core/delete';

/**
 * The delete tokens the page's endpoints handed out, by key: one recorder for the page, shared by
 * every element with `delete-on-remove` (keys are unique, so their tokens cannot clash).
 */
export const deleteTokens: DeleteTokenRecorder = recordDeleteTokens();

/**
 * `options` with their endpoint URL made an HTTP endpoint that notes the delete tokens of the
 * uploads it finishes, so that `delete-on-remove` can delete what was just uploaded without the
 * server's `authorizeDelete`, and that can delete (`deleteObject`), so that `checksum="crc64"` can
 * remove an object that failed its check. Loaded only with `delete-on-remove`.
 * @example
 * ```ts
 * new Uploader(withDeleteTokens({ endpoint: '/api/uploads' }));
 * ```
 */
export function withDeleteTokens(options: UploaderOptions): UploaderOptions {
  const { endpoint } = options;
  return typeof endpoint === 'string'
    ? {
        ...options,
        endpoint: {
          ...createHttpEndpoint({ url: endpoint, fetch: deleteTokens.fetch }),
          deleteObject: (object, { signal }) => deleteObject({ url: endpoint, ...object, signal }),
        },
      }
    : options;
}
