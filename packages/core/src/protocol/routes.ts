import { OBJECT_ROUTES, type ObjectRouteName } from './object-routes.js';

/**
 * The routes of Ferry's HTTP+JSON endpoint protocol, below the base URL a page configures, by the
 * name of the call (the `operation` of an `EndpointError`). The client builds its paths from this
 * table and `@ferry/server` routes by it, so the two cannot drift apart.
 */
export const ROUTES = Object.freeze({
  /** `GET /params?filename&type&size[&checksum]`: presign one PUT of a whole file. */
  'single-put-params': { method: 'GET', path: '/params' },
  /** `POST /multipart { filename, type, size, partSize, metadata }`: start a multipart upload. */
  'create-multipart': { method: 'POST', path: '/multipart' },
  /** `POST /multipart/:uploadId/batch?key { key, partNumbers, checksums? }`: presign parts (Ferry). */
  'sign-parts': { method: 'POST', path: '/multipart/:uploadId/batch' },
  /** `GET /multipart/:uploadId/:partNumber?key`: presign one part (Uppy Companion's route). */
  'sign-one-part': { method: 'GET', path: '/multipart/:uploadId/:partNumber' },
  /** `GET /multipart/:uploadId?key`: the parts the store holds. */
  'list-parts': { method: 'GET', path: '/multipart/:uploadId' },
  /** `POST /multipart/:uploadId/complete?key { parts }`: complete the upload. */
  'complete-multipart': { method: 'POST', path: '/multipart/:uploadId/complete' },
  /** `DELETE /multipart/:uploadId?key`: abort the upload on the store. */
  'abort-multipart': { method: 'DELETE', path: '/multipart/:uploadId' },
} as const);

/** The name of one of {@link ROUTES}. */
export type RouteName = keyof typeof ROUTES;

/**
 * The header that carries the upload token the server issued at create time. Every call after
 * create sends it (a `token` query parameter is accepted too); it binds the caller to the upload.
 */
export const UPLOAD_TOKEN_HEADER = 'X-Ferry-Upload-Token';

/**
 * The path of `route` below the base URL, with its `:uploadId` (and `:partNumber`) filled in and
 * percent-encoded.
 *
 * @example
 * ```ts
 * routePath('complete-multipart', { uploadId: 'a/b' }); // '/multipart/a%2Fb/complete'
 * ```
 */
export function routePath(route: RouteName, params: { uploadId?: string; partNumber?: number } = {}): string {
  return ROUTES[route].path
    .replace(':uploadId', encodeURIComponent(params.uploadId ?? ''))
    .replace(':partNumber', String(params.partNumber ?? ''));
}

/** What {@link matchRoute} found: the route and the path's parameters. */
export interface RouteMatch {
  readonly route: RouteName | ObjectRouteName;
  /** The decoded `:uploadId` segment, or `''`. */
  readonly uploadId: string;
  /** The `:partNumber` segment as written, or `''`. */
  readonly partNumber: string;
}

/**
 * Finds the route for a method and the decoded path segments below the base URL. Answers
 * `'wrong-method'` when the path exists but not for this method, `undefined` when no route has
 * the path.
 */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch | 'wrong-method' | undefined {
  let pathFound = false;
  for (const [route, { method: routeMethod, path }] of [
    ...Object.entries(ROUTES),
    ...Object.entries(OBJECT_ROUTES),
  ] as [RouteName | ObjectRouteName, { method: string; path: string }][]) {
    const pattern = path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return segment !== '';
      }
      return part === segment;
    });
    if (!fits) continue;
    // A literal segment wins over a parameter: `/multipart/x/batch` is never part "batch".
    if (route === 'sign-one-part' && ['batch', 'complete'].includes(segments[2]!)) continue;
    pathFound = true;
    if (routeMethod === method)
      return { route, uploadId: params['uploadId'] ?? '', partNumber: params['partNumber'] ?? '' };
  }
  return pathFound ? 'wrong-method' : undefined;
}
