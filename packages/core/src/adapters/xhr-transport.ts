import { ErrorCode, FerryError } from '../errors/ferry-error.js';
import {
  ABORTED_BY_RUNTIME,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../ports/transport.js';
import { StoreError } from '../errors/store-error.js';
import { parseRetryAfter } from './retry-after.js';

/** Least time between two progress reports of one request, ms: well under a frame's worth of meaning. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * A {@link Transport} over `XMLHttpRequest`, the only browser API that reports upload progress.
 * Sends the `Blob` slice itself, so the browser streams it from disk.
 *
 * @example
 * ```ts
 * const uploader = new Uploader({ endpoint, transport: createXhrTransport() });
 * ```
 */
export function createXhrTransport(): Transport {
  return { send: sendWithXhr };
}

function sendWithXhr(request: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const { signal } = request;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    // Progress reports: see xhr.upload.onprogress below.
    let reportedAt = -Infinity;
    let latest = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => xhr.abort();
    const settle = (): void => {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(trailing);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    // WebKit fires an upload progress event every 8 KiB (65,000 for 512 MiB), Chromium and
    // Firefox a few hundred: pass on at most one per PROGRESS_INTERVAL_MS, so per-event work
    // stays a comparison. What a burst leaves unreported goes out when the interval ends.
    const report = (): void => {
      reportedAt = performance.now();
      request.onProgress(latest);
    };
    xhr.upload.onprogress = (event) => {
      latest = event.loaded;
      if (event.timeStamp - reportedAt >= PROGRESS_INTERVAL_MS) report();
      else
        trailing ??= setTimeout(() => {
          trailing = undefined;
          report();
        }, PROGRESS_INTERVAL_MS);
    };
    xhr.onload = () => {
      settle();
      const header = (name: string): string | null => xhr.getResponseHeader(name);
      if (xhr.status >= 200 && xhr.status < 300) {
        request.onProgress(request.body.size);
        resolve({ etag: header('ETag'), header, body: xhr.responseText });
      } else {
        const { status, responseText } = xhr;
        const retryAfterMs = parseRetryAfter(header('Retry-After'));
        // The store's error document is read by code loaded on the first refusal, a chunk of its
        // own: most pages never see one. Should it fail to load, the status alone still decides.
        import('./store-error-response.js').then(
          ({ readStoreErrorResponse }) => {
            const { code, message, options } = readStoreErrorResponse(
              status,
              responseText,
              retryAfterMs,
              request.partNumber,
              request,
            );
            reject(new StoreError(code, message, options));
          },
          () =>
            reject(
              new StoreError(ErrorCode.Store, `The store refused the request with HTTP ${status}.`, {
                status,
                details: {},
                retryAfterMs,
                partNumber: request.partNumber,
              }),
            ),
        );
      }
    };
    xhr.onerror = () => {
      settle();
      // A file moved, deleted or changed on disk fails like the network: reading it tells them apart.
      request.body
        .slice(0, 1)
        .arrayBuffer()
        .then(
          () =>
            reject(
              new FerryError(
                ErrorCode.Network,
                'PUT to the store failed (offline, reset, or CORS refusing this origin).',
              ),
            ),
          (error: unknown) =>
            reject(
              new FerryError(ErrorCode.FileUnreadable, 'The file can no longer be read (moved, deleted or changed).', {
                cause: error,
              }),
            ),
        );
    };
    xhr.onabort = () => {
      settle();
      // Not Ferry's abort but the browser's own (Safari aborts requests when a page is put in
      // the background or the network changes): a network failure, which is retried.
      reject(
        signal.aborted
          ? signal.reason
          : new FerryError(ErrorCode.Network, 'The browser aborted the PUT to the store.', {
              cause: ABORTED_BY_RUNTIME,
            }),
      );
    };
    xhr.send(request.body);
  });
}
