/**
 * Routes about stored objects rather than uploads, apart from the upload routes (`ROUTES`) so that the upload
 * engine's bundle, which reads that table, does not carry them.
 */
// Marked pure: a bundle that never matches routes (the engine's) drops it.
export const OBJECT_ROUTES = /* @__PURE__ */ Object.freeze({
  /**
   * `DELETE /objects?key`: deletes a stored object. Allowed with the `X-Ferry-Delete-Token` that
   * the complete (or single-PUT params) answer carried, within its short window, or when the
   * application's `authorizeDelete` hook allows it; otherwise 403 `delete-not-allowed` (or
   * `token-invalid` for a token that is tampered with, expired or for another key). Answers `{ key }`.
   */
  'delete-object': { method: 'DELETE', path: '/objects' },
} as const);

/** The name of one of {@link OBJECT_ROUTES}. */
export type ObjectRouteName = keyof typeof OBJECT_ROUTES;

/**
 * The header that carries a delete token: issued in the complete answer of a multipart upload
 * and in the single-PUT params answer (`deleteToken`), it lets the uploader delete that key for
 * a short while (`@ferry/server`'s `deleteWindowSeconds`, 10 minutes by default).
 */
export const DELETE_TOKEN_HEADER = 'X-Ferry-Delete-Token';
