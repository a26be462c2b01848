import { DELETE_TOKEN_HEADER, UPLOAD_TOKEN_HEADER } from '@ferry/core/protocol';
import { ServerError } from './errors.js';
import type { FerryHandler } from './handler.js';

/** Options of {@link withCors}. */
export interface CorsOptions {
  /** Origins allowed to call the endpoint, exactly as browsers send them (`https://app.example`). */
  readonly origins: readonly string[];
  /** Extra request headers pages may send (auth, CSRF). @default [] */
  readonly allowHeaders?: readonly string[];
  /** Whether cookies may be sent along. @default false */
  readonly credentials?: boolean;
}

/**
 * Wraps a handler with CORS for an explicit list of origins, for pages served from another
 * origin than the signing endpoint. Preflights from other origins get 403; there is no wildcard.
 *
 * @example
 * ```ts
 * const handler = withCors(createFerryHandler(options), { origins: ['https://app.example'] });
 * ```
 */
export function withCors(handler: FerryHandler, options: CorsOptions): FerryHandler {
  const origins = new Set(options.origins);
  const allowHeaders = ['Content-Type', UPLOAD_TOKEN_HEADER, DELETE_TOKEN_HEADER, ...(options.allowHeaders ?? [])].join(
    ', ',
  );
  const decorate = (response: Response, origin: string): Response => {
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', origin);
    headers.append('Vary', 'Origin');
    if (options.credentials) headers.set('Access-Control-Allow-Credentials', 'true');
    return new Response(response.body, { status: response.status, headers });
  };
  return async (request) => {
    const origin = request.headers.get('Origin');
    const allowed = origin !== null && origins.has(origin);
    if (request.method === 'OPTIONS') {
      if (!allowed) {
        const refusal = new ServerError('origin-not-allowed', 'This origin may not call the upload endpoint.');
        return new Response(JSON.stringify({ code: refusal.code, message: refusal.message }), {
          status: refusal.status,
          headers: { 'Content-Type': 'application/json', Vary: 'Origin' },
        });
      }
      return decorate(
        new Response(null, {
          status: 204,
          headers: {
            'Access-Control-Allow-Methods': 'GET, POST, DELETE',
            'Access-Control-Allow-Headers': allowHeaders,
            'Access-Control-Max-Age': '600',
          },
        }),
        origin,
      );
    }
    const response = await handler(request);
    return allowed ? decorate(response, origin) : response;
  };
}
