/** What {@link recordDeleteTokens} returns. */
export interface DeleteTokenRecorder {
  /** A `fetch` for `createHttpEndpoint({ fetch })`: it passes every call through and notes the delete tokens answered. */
  readonly fetch: typeof fetch;
  /** The delete token the endpoint gave for `key` (when its upload finished), if any. */
  tokenFor(key: string): string | undefined;
}

/**
 * Notes the delete tokens an HTTP endpoint hands out (`deleteToken` beside `key` in the
 * complete and single-PUT params answers), so the page can later delete what it just uploaded
 * with {@link deleteObject}. It wraps `fetch` rather than the engine, so pages that never delete
 * pay nothing for it. Tokens live as long as this object (the page), and on the server only
 * for its short window.
 *
 * @example
 * ```ts
 * const tokens = recordDeleteTokens();
 * const uploader = new Uploader({ endpoint: createHttpEndpoint({ url: '/api/uploads', fetch: tokens.fetch }) });
 * // later, for a finished upload:
 * await deleteObject({ url: '/api/uploads', key, deleteToken: tokens.tokenFor(key) });
 * ```
 */
export function recordDeleteTokens(
  inner: typeof fetch = (input, init) => globalThis.fetch(input, init),
): DeleteTokenRecorder {
  const tokens = new Map<string, string>();
  return {
    async fetch(input, init) {
      const response = await inner(input, init);
      if (response.ok && response.headers.get('content-type')?.includes('json')) {
        // A copy is read, so the caller still gets the whole body.
        const answer = (await response
          .clone()
          .json()
          .catch(() => undefined)) as { key?: unknown; deleteToken?: unknown } | undefined;
        if (typeof answer?.key === 'string' && typeof answer.deleteToken === 'string') {
          tokens.set(answer.key, answer.deleteToken);
        }
      }
      return response;
    },
    tokenFor: (key) => tokens.get(key),
  };
}
