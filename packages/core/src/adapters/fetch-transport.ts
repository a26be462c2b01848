import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import type { Transport } from '../ports/transport.js';
import { storeErrorFromResponse } from './store-error-from-response.js';

/**
 * A {@link Transport} over `fetch`, for runtimes without `XMLHttpRequest` (Node, service
 * workers). `fetch` cannot report upload progress, so progress jumps when a request finishes.
 *
 * @example
 * ```ts
 * const uploader = new Uploader({ endpoint, transport: createFetchTransport() });
 * ```
 */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  return {
    reportsProgress: false,
    async send(request) {
      let response: Response;
      try {
        response = await fetchImpl(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: request.signal,
        });
      } catch (error) {
        if (request.signal.aborted) throw request.signal.reason;
        throw new FerryError(ErrorCode.Network, `PUT to the store failed at the network level: ${String(error)}`, {
          cause: error,
        });
      }
      if (!response.ok) {
        const body = await response.text().catch(() => '');
        throw storeErrorFromResponse(
          response.status,
          body,
          response.headers.get('Retry-After'),
          request.partNumber,
          request,
        );
      }
      request.onProgress(request.body.size);
      return {
        etag: response.headers.get('ETag'),
        header: (name) => response.headers.get(name),
        body: await response.text(),
      };
    },
  };
}
