/**
 * The codes an endpoint answers with, in `{ code, message }` bodies, and the HTTP status of
 * each. `@ferry/server` raises exactly these; the client reads them as `EndpointError.serverCode`.
 *
 * - `bad-request` 400: the request is not the protocol (a missing field, a part size out of range).
 * - `metadata-not-allowed` 400: the file asks to store metadata, a Cache-Control or tags the server's policy does not allow.
 * - `unauthorized` 401: the application's `authorize` hook refused the caller.
 * - `token-invalid` 403: the upload token is missing, tampered with, expired or someone else's.
 * - `delete-not-allowed` 403: a delete without a valid delete token that the `authorizeDelete` hook refused.
 * - `origin-not-allowed` 403: a CORS preflight from an origin that is not allowed.
 * - `not-found` 404: no such route, or the store no longer knows the multipart upload.
 * - `method-not-allowed` 405: the route exists, not for this method.
 * - `too-large` 413: the file or the request body is over a limit.
 * - `type-not-allowed` 415: the file's type is not accepted.
 * - `internal` 500: the signing server failed (its log says why).
 * - `storage` 502: the store refused or failed a call the server made.
 */
// Marked pure so that a bundle which reads one code does not keep the status table too.
export const WireErrorCode = /* @__PURE__ */ Object.freeze({
  BadRequest: 'bad-request',
  MetadataNotAllowed: 'metadata-not-allowed',
  Unauthorized: 'unauthorized',
  TokenInvalid: 'token-invalid',
  DeleteNotAllowed: 'delete-not-allowed',
  OriginNotAllowed: 'origin-not-allowed',
  NotFound: 'not-found',
  MethodNotAllowed: 'method-not-allowed',
  TooLarge: 'too-large',
  TypeNotAllowed: 'type-not-allowed',
  Internal: 'internal',
  Storage: 'storage',
} as const);

/** One of the values of {@link WireErrorCode}. */
export type WireErrorCode = (typeof WireErrorCode)[keyof typeof WireErrorCode];

/** The HTTP status that goes with each {@link WireErrorCode}. */
export const WIRE_ERROR_STATUS: Readonly<Record<WireErrorCode, number>> = /* @__PURE__ */ Object.freeze({
  'bad-request': 400,
  'metadata-not-allowed': 400,
  unauthorized: 401,
  'token-invalid': 403,
  'delete-not-allowed': 403,
  'origin-not-allowed': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'too-large': 413,
  'type-not-allowed': 415,
  internal: 500,
  storage: 502,
});
