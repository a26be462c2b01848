import { anySignal } from '../any-signal.js';
import { ErrorCode } from '../errors/ferry-error.js';
import { EndpointError } from '../errors/endpoint-error.js';
import { DELETE_TOKEN_HEADER, OBJECT_ROUTES } from '../protocol/object-routes.js';
import { DeleteRefusedError } from './delete-refused-error.js';

/** Options of {@link deleteObject}. */
export interface DeleteObjectOptions {
  /** Base URL of the endpoint, as for `createHttpEndpoint` (`/api/uploads`). */
  readonly url: string;
  /** The object key to delete. */
  readonly key: string;
  /** The delete token the upload's completion carried (see {@link recordDeleteTokens}). @default none: the server's `authorizeDelete` decides */
  readonly deleteToken?: string | undefined;
  /** Extra headers (auth, CSRF), or a function returning them. @default {} */
  readonly headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** `fetch`'s credentials mode. @default 'same-origin' */
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  /** The `fetch` to use. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Aborts the call. */
  readonly signal?: AbortSignal;
  /** Ms to wait for an answer. @default 30000 */
  readonly timeout?: number;
}

/**
 * Deletes a stored object through the endpoint (`DELETE {url}/objects?key`). Not retried: the
 * caller (a user removing a file) decides what to do on failure.
 * @throws DeleteRefusedError when the endpoint refuses (403): the object stays.
 * @throws EndpointError for any other failure (`endpoint-unreachable` when no answer came).
 *
 * @example
 * ```ts
 * import { deleteObject } from '@ferry/core/delete';
 * await deleteObject({ url: '/api/uploads', key: upload.key, deleteToken: tokens.tokenFor(upload.key) });
 * ```
 */
export async function deleteObject(options: DeleteObjectOptions): Promise<void> {
  const base = options.url.replace(/\/+$/, '');
  const { method, path } = OBJECT_ROUTES['delete-object'];
  const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  if (options.deleteToken) headers[DELETE_TOKEN_HEADER] = options.deleteToken;
  const timeout = options.timeout ?? 30_000;
  const timer = new AbortController();
  const timeoutId = setTimeout(() => timer.abort(), timeout);
  const signals = options.signal ? [options.signal, timer.signal] : [timer.signal];
  const { signal, dispose } = anySignal(signals);
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? globalThis.fetch)(`${base}${path}?key=${encodeURIComponent(options.key)}`, {
      method,
      headers,
      signal,
      credentials: options.credentials ?? 'same-origin',
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    throw new EndpointError(
      'delete-object',
      timer.signal.aborted
        ? `The signing endpoint ${base} did not answer within ${timeout} ms.`
        : `The signing endpoint ${base} could not be reached.`,
      { code: ErrorCode.EndpointUnreachable, cause: error },
    );
  } finally {
    clearTimeout(timeoutId);
    dispose();
  }
  if (response.ok) return;
  let detail: { code?: unknown; message?: unknown } = {};
  try {
    detail = JSON.parse(text) as typeof detail;
  } catch {
    // Not JSON: the status and the text say what there is to say.
  }
  const message = `The endpoint answered HTTP ${response.status}: ${typeof detail.message === 'string' ? detail.message : text.slice(0, 200)}`;
  const context = { status: response.status, serverCode: typeof detail.code === 'string' ? detail.code : undefined };
  if (response.status === 403) throw new DeleteRefusedError(options.key, message, context);
  throw new EndpointError('delete-object', message, context);
}
