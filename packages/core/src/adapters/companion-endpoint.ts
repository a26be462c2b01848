import type { Endpoint } from '../ports/endpoint.js';
import { createHttpEndpoint, type HttpEndpointOptions } from './http-endpoint.js';

/** Options of {@link createCompanionEndpoint}. */
export interface CompanionEndpointOptions extends HttpEndpointOptions {
  /**
   * How long Companion's part URLs live, in seconds (its `s3.expires`): its batch answer does not
   * say, and Ferry re-signs a part whose URL is close to expiry. @default 800 (Companion's default)
   */
  readonly urlLifetimeSeconds?: number;
}

const SINGLE_REQUEST_REFUSAL = JSON.stringify({
  code: 'bad-request',
  message:
    'Uppy Companion answers single uploads with a POST form, which Ferry does not send: ' +
    'give the Uploader multipartThreshold: 0 so that every file goes multipart.',
});

const json = (status: number, body: string): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

/**
 * An {@link Endpoint} for an existing Uppy Companion server (`@uppy/companion`), for teams moving
 * to Ferry without changing their backend first. It speaks Ferry's protocol to `{url}/s3` and
 * translates the one call whose shape differs: Ferry's `POST …/batch { partNumbers }` becomes
 * Companion's `GET …/batch?partNumbers=1,2`, and its `{ presignedUrls }` answer Ferry's parts.
 * Companion signs no `Content-Length` and issues no upload token, so its guarantees are its own.
 * Single requests are refused with a clear error: Companion answers them with a POST form.
 *
 * @example
 * ```ts
 * const uploader = new Uploader({
 *   endpoint: createCompanionEndpoint({ url: 'https://companion.example' }),
 *   multipartThreshold: 0,
 * });
 * ```
 */
export function createCompanionEndpoint(options: CompanionEndpointOptions): Endpoint {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const lifetime = (options.urlLifetimeSeconds ?? 800) * 1000;
  const companionFetch: typeof fetch = async (input, init) => {
    // Relative URLs are the page's; the HTTP endpoint always passes a string.
    const base = (globalThis as { location?: { href: string } }).location?.href;
    const url = new URL(input instanceof Request ? input.url : input.toString(), base);
    if (url.pathname.endsWith('/s3/params')) return json(400, SINGLE_REQUEST_REFUSAL);
    if (!(init?.method === 'POST' && url.pathname.endsWith('/batch'))) return fetchImpl(input, init);
    const { partNumbers } = JSON.parse(typeof init.body === 'string' ? init.body : '{}') as { partNumbers: number[] };
    url.searchParams.set('partNumbers', partNumbers.join(','));
    const { body: _body, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.delete('Content-Type');
    const answer = await fetchImpl(url, { ...rest, method: 'GET', headers });
    if (!answer.ok) return answer;
    const expiresAt = Date.now() + lifetime;
    const { presignedUrls } = (await answer.json()) as { presignedUrls?: Record<string, unknown> };
    const parts = partNumbers.map((partNumber) => ({
      partNumber,
      url: presignedUrls?.[String(partNumber)],
      headers: {},
      expiresAt,
    }));
    return json(200, JSON.stringify({ parts }));
  };
  return createHttpEndpoint({ ...options, url: `${options.url.replace(/\/+$/, '')}/s3`, fetch: companionFetch });
}
