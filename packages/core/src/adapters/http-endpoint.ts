import { raceAbort } from '../abortable.js';
import { anySignal } from '../any-signal.js';
import { ErrorCode } from '../errors/ferry-error.js';
import { EndpointError, type EndpointOperation } from '../errors/endpoint-error.js';
import type { CallOptions, Endpoint, MultipartHandle, SignedPart } from '../ports/endpoint.js';
import { ROUTES, routePath, UPLOAD_TOKEN_HEADER } from '../protocol/routes.js';
import { ResponseShape } from './response-shape.js';
import { parseRetryAfter } from './retry-after.js';

/** Options of {@link createHttpEndpoint}. */
export interface HttpEndpointOptions {
  /** Base URL of the endpoint, e.g. `/api/uploads`. */
  readonly url: string;
  /** Extra headers for every call (auth, CSRF), or a function returning them. @default {} */
  readonly headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /**
   * `fetch`'s credentials mode (spelled out: Node's types have no DOM `RequestCredentials`).
   * @default 'same-origin'
   */
  readonly credentials?: 'omit' | 'same-origin' | 'include';
  /** The `fetch` to use. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** A call not answered within this many ms is abandoned (and retried). @default 30000 */
  readonly timeout?: number;
}

/**
 * An {@link Endpoint} speaking Ferry's HTTP+JSON protocol (shaped after Uppy Companion's S3 routes;
 * for a Companion server itself, `createCompanionEndpoint` from `@ferry/core/companion`). Every
 * answer is validated; anything off-protocol is an `EndpointError`.
 *
 * @example
 * ```ts
 * const endpoint = createHttpEndpoint({ url: '/api/uploads', headers: { 'X-CSRF': token } });
 * ```
 */
export function createHttpEndpoint(options: HttpEndpointOptions): Endpoint {
  const base = options.url.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeout = options.timeout ?? 30_000;

  async function call(
    operation: Exclude<EndpointOperation, 'delete-object'>,
    path: string,
    { signal }: CallOptions,
    body?: unknown,
    token?: string,
  ): Promise<ResponseShape> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token !== undefined) headers[UPLOAD_TOKEN_HEADER] = token;
    let response: Response;
    let text: string;
    // An explicit timer, not AbortSignal's own timeout signal, which WebKit seemed to drop when
    // only AbortSignal.any held it (a signing call that never answered hung in 3 of 3 full runs).
    const timer = new AbortController();
    const timeoutId = setTimeout(() => timer.abort(), timeout);
    const { signal: combined, dispose } = anySignal([signal, timer.signal]);
    try {
      // Raced against the signal too, so an aborted call settles even if the engine's fetch does
      // not: in WebKit a signing call that never answered still hung about one full run in five
      // with the timer above; never since.
      response = await raceAbort(
        fetchImpl(`${base}${path}`, {
          method: ROUTES[operation].method,
          headers,
          signal: combined,
          // Left out, fetch's default applies: 'same-origin'.
          credentials: options.credentials as RequestCredentials,
          // No body when there is none: JSON.stringify(undefined) is undefined.
          body: JSON.stringify(body),
        }),
        combined,
      );
      text = await raceAbort(response.text(), combined);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      const timedOut = timer.signal.aborted;
      throw new EndpointError(
        operation,
        timedOut
          ? `The signing endpoint ${base} did not answer within ${timeout} ms.`
          : `The signing endpoint ${base} could not be reached.`,
        { code: ErrorCode.EndpointUnreachable, cause: error },
      );
    } finally {
      clearTimeout(timeoutId);
      dispose();
    }
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const detail = (json ?? {}) as { code?: unknown; message?: unknown };
      const message = typeof detail.message === 'string' ? detail.message : text.slice(0, 200);
      throw new EndpointError(operation, `The endpoint answered HTTP ${response.status}: ${message}`, {
        status: response.status,
        serverCode: typeof detail.code === 'string' ? detail.code : undefined,
        retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    if (json === undefined) {
      throw new EndpointError(operation, `The endpoint's answer is not JSON: ${text.slice(0, 200)}`);
    }
    return new ResponseShape(operation, json);
  }

  const uploadPath = (operation: Exclude<EndpointOperation, 'delete-object'>, handle: MultipartHandle): string =>
    `${routePath(operation, handle)}?key=${encodeURIComponent(handle.key)}`;

  return {
    async singlePutParams(input, callOptions) {
      const query = new URLSearchParams({ filename: input.filename, type: input.type, size: String(input.size) });
      for (const [name, value] of Object.entries(input.metadata)) query.append(`metadata[${name}]`, value);
      for (const [name, value] of Object.entries(input.tags ?? {})) query.append(`tags[${name}]`, value);
      if (input.cacheControl) query.set('cacheControl', input.cacheControl);
      if (input.checksum) query.set('checksum', `${input.checksum.algorithm}:${input.checksum.value}`);
      const shape = await call('single-put-params', `${routePath('single-put-params')}?${query}`, callOptions);
      return {
        method: 'PUT',
        url: shape.string('url'),
        headers: shape.headers('headers'),
        key: shape.string('key'),
        deleteToken: shape.optionalString('deleteToken'),
      };
    },

    async createMultipart(input, callOptions) {
      const shape = await call('create-multipart', routePath('create-multipart'), callOptions, input);
      return { uploadId: shape.string('uploadId'), key: shape.string('key'), token: shape.optionalString('token') };
    },

    async signParts(input, callOptions) {
      const answer = await call(
        'sign-parts',
        uploadPath('sign-parts', input),
        callOptions,
        { key: input.key, partNumbers: input.partNumbers, checksums: input.checksums },
        input.token,
      );
      return answer.array('parts', (part): SignedPart => ({
        method: 'PUT',
        partNumber: part.number('partNumber'),
        url: part.string('url'),
        headers: part.headers('headers'),
        expiresAt: part.number('expiresAt'),
      }));
    },

    async listParts(input, callOptions) {
      const answer = await call('list-parts', uploadPath('list-parts', input), callOptions, undefined, input.token);
      return answer.array(undefined, (part) => ({
        partNumber: part.number('PartNumber'),
        size: part.number('Size'),
        etag: part.string('ETag'),
      }));
    },

    async completeMultipart(input, callOptions) {
      const parts = input.parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag }));
      const shape = await call(
        'complete-multipart',
        uploadPath('complete-multipart', input),
        callOptions,
        { parts },
        input.token,
      );
      return {
        key: shape.string('key'),
        location: shape.string('location'),
        etag: shape.optionalString('etag'),
        crc64: shape.optionalString('crc64'),
        deleteToken: shape.optionalString('deleteToken'),
        callback: shape.optionalString('callback'),
      };
    },

    async abortMultipart(input, callOptions) {
      await call('abort-multipart', uploadPath('abort-multipart', input), callOptions, undefined, input.token);
    },

    async probe({ signal }) {
      // Any answer, whatever its status and CORS headers (an opaque no-cors response), proves the
      // server is reachable; only a network failure rejects.
      await fetchImpl(`${base}${routePath('single-put-params')}`, {
        method: 'HEAD',
        mode: 'no-cors',
        cache: 'no-store',
        credentials: 'omit',
        signal,
      });
    },
  };
}
