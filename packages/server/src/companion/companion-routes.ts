/** The path segment Uppy puts after its `companionEndpoint`: every route below is under it. */
export const COMPANION_SEGMENT = 's3';

/**
 * The routes of the handler's Companion-compatible mode (`companion: true`), below the handler's
 * base path, by name (the `operationId` in `@ferry/conformance`'s OpenAPI document): Uppy
 * Companion's S3 routes (`@uppy/companion`'s `controllers/s3.js`) under `/s3`, the segment Uppy
 * puts after its `companionEndpoint`. The mode dispatches from this table, so the document's
 * coverage test checks exactly what is served. `/s3/sts` (temporary credentials for the whole
 * bucket) is left out on purpose: Ferry never hands out credentials.
 */
export const COMPANION_ROUTES = Object.freeze({
  /** `GET /s3/params?filename&type&metadata[name][&size]`: an S3 POST policy form for one request. */
  'companion-params': { method: 'GET', path: '/s3/params' },
  /** `POST /s3/multipart { filename, type, metadata }`: start a multipart upload (no sizes). */
  'companion-create-multipart': { method: 'POST', path: '/s3/multipart' },
  /** `GET /s3/multipart/:uploadId/batch?key&partNumbers=1,2`: presign several parts. */
  'companion-sign-batch': { method: 'GET', path: '/s3/multipart/:uploadId/batch' },
  /** `GET /s3/multipart/:uploadId/:partNumber?key`: presign one part. */
  'companion-sign-part': { method: 'GET', path: '/s3/multipart/:uploadId/:partNumber' },
  /** `GET /s3/multipart/:uploadId?key`: the parts the store holds. */
  'companion-list-parts': { method: 'GET', path: '/s3/multipart/:uploadId' },
  /** `POST /s3/multipart/:uploadId/complete?key { parts }`: complete the upload. */
  'companion-complete-multipart': { method: 'POST', path: '/s3/multipart/:uploadId/complete' },
  /** `DELETE /s3/multipart/:uploadId?key`: abort the upload on the store. */
  'companion-abort-multipart': { method: 'DELETE', path: '/s3/multipart/:uploadId' },
} as const);

/** The name of one of {@link COMPANION_ROUTES}. */
export type CompanionRouteName = keyof typeof COMPANION_ROUTES;

/** What {@link matchCompanionRoute} found: the route and the path's parameters. */
export interface CompanionRouteMatch {
  readonly route: CompanionRouteName;
  /** The `:uploadId` segment (decoded), or `''`. */
  readonly uploadId: string;
  /** The `:partNumber` segment as written, or `''`. */
  readonly partNumber: string;
}

/** The path parameters of `path` for `segments`, or `undefined` when the path does not fit. */
function fit(path: string, segments: readonly string[]): Record<string, string> | undefined {
  const pattern = path.split('/').filter(Boolean);
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    if (part.startsWith(':') && segment !== '') params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** How many segments of `path` are literal: the more, the more specific. */
const literalCount = (path: string) => path.split('/').filter((part) => part !== '' && !part.startsWith(':')).length;

/**
 * Finds the Companion route for a method and the decoded path segments below the base path
 * (`['s3', 'multipart', …]`). Answers `'wrong-method'` when the path is a route's but not for
 * this method, `undefined` when no route has the path.
 */
export function matchCompanionRoute(
  method: string,
  segments: readonly string[],
): CompanionRouteMatch | 'wrong-method' | undefined {
  const fitting = (Object.entries(COMPANION_ROUTES) as [CompanionRouteName, { method: string; path: string }][])
    .map(([route, { method: routeMethod, path }]) => ({ route, routeMethod, path, params: fit(path, segments) }))
    .filter((found) => found.params !== undefined);
  if (fitting.length === 0) return undefined;
  // A literal segment wins over a parameter: `/s3/multipart/x/batch` is never part "batch".
  const mostLiteral = Math.max(...fitting.map(({ path }) => literalCount(path)));
  const match = fitting.find(({ path, routeMethod }) => literalCount(path) === mostLiteral && routeMethod === method);
  if (!match) return 'wrong-method';
  return {
    route: match.route,
    uploadId: match.params!['uploadId'] ?? '',
    partNumber: match.params!['partNumber'] ?? '',
  };
}
