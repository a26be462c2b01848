import { UPLOAD_TOKEN_HEADER } from '@ferry/core/protocol';
import { ServerError } from '../errors.js';
import { isSigningError, type SigningError } from '../signing-error.js';
import type { ResolvedHandlerOptions, UploadUser } from '../handler-options.js';
import { requireString } from '../request-input.js';
import type { UploadClaims, UploadTokens } from '../token.js';

/** Largest JSON body accepted: a complete call for 10,000 parts fits. */
export const BODY_LIMIT = 1024 * 1024;

/** What a route gets. */
export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  readonly options: ResolvedHandlerOptions;
  readonly tokens: UploadTokens;
  /** The `:uploadId` path segment, for upload routes. */
  readonly uploadId: string;
  /** The caller, as `authorize` said. */
  readonly user: UploadUser;
}

/** The claims of the caller's token for the upload in the path and the `key` given. */
export async function authorizeUpload(context: RouteContext, bodyKey?: unknown): Promise<UploadClaims> {
  const key = requireString(context.url.searchParams.get('key') ?? bodyKey, 'key');
  const token = context.request.headers.get(UPLOAD_TOKEN_HEADER) ?? context.url.searchParams.get('token');
  return context.tokens.verify(token, context.uploadId, key, context.user.id);
}

/** Refuses a file larger than the configured maximum (413 `too-large`). */
export function checkSize(context: RouteContext, size: number): void {
  if (size > context.options.maxFileSize) {
    throw new ServerError(
      'too-large',
      `Files may be at most ${context.options.maxFileSize} bytes; this one has ${size}.`,
    );
  }
}

/** How many parts the plan in `claims` has, and the exact size of part `n`. */
export function partGeometry(claims: UploadClaims): { count: number; sizeOf: (n: number) => number } {
  const count = Math.ceil(claims.size / claims.partSize);
  return { count, sizeOf: (n) => (n < count ? claims.partSize : claims.size - (count - 1) * claims.partSize) };
}

/**
 * Turns a provider failure into a `storage` error without leaking anything but the store's code;
 * a signer's refusal (the server's own configuration) goes on as it is.
 */
export function storageFailure(operation: string, error: unknown): ServerError | SigningError {
  if (isSigningError(error)) return error;
  const name = error instanceof Error ? error.name : 'Error';
  if (name === 'NoSuchUpload') {
    return new ServerError('not-found', 'The multipart upload does not exist: it was completed, aborted or expired.', {
      cause: error,
    });
  }
  return new ServerError('storage', `The store refused ${operation} (${name}).`, { cause: error });
}
