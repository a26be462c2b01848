import { matchRoute, type ObjectRouteName, type RouteName } from '@ferry/core/protocol';
import { createCompanionMode } from './companion/companion-mode.js';
import { COMPANION_SEGMENT } from './companion/companion-routes.js';
import { isServerError, ServerError } from './errors.js';
import { resolveHandlerOptions, type FerryHandlerOptions } from './handler-options.js';
import { createMultipart } from './routes/create-multipart.js';
import { deleteObject } from './routes/delete-object.js';
import { abortMultipart, completeMultipart, listParts } from './routes/multipart-lifecycle.js';
import type { RouteContext } from './routes/route-context.js';
import { signOnePart, signParts } from './routes/sign-parts.js';
import { isSigningError } from './signing-error.js';
import { singlePut } from './routes/single-put.js';
import { UploadTokens } from './token.js';

/** A Fetch-API request handler: runs in Node, Deno, Bun, workers and edge runtimes alike. */
export type FerryHandler = (request: Request) => Promise<Response>;

type Route = (context: RouteContext, partNumber: string) => Promise<unknown>;

/** The code that answers each route of the protocol's table. */
const ROUTE_HANDLERS: Record<RouteName | ObjectRouteName, Route> = {
  'single-put-params': singlePut,
  'create-multipart': createMultipart,
  'sign-parts': signParts,
  'sign-one-part': signOnePart,
  'list-parts': listParts,
  'complete-multipart': completeMultipart,
  'abort-multipart': abortMultipart,
  'delete-object': deleteObject,
};

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ServerError('bad-request', 'The path is not valid percent-encoding.');
  }
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * The signing endpoint of Ferry's HTTP+JSON protocol (shaped after Uppy Companion's S3 routes; with
 * `companion: true` it answers those routes themselves, for Uppy).
 * The server chooses object keys, binds each multipart upload to its caller with an HMAC token,
 * signs the exact size of every body, and answers refusals as `{ code, message }`.
 *
 * @example
 * ```ts
 * const handler = createFerryHandler({
 *   provider: createS3Provider({ bucket: 'uploads' }),
 *   secret: process.env.FERRY_SECRET!,
 *   basePath: '/api/uploads',
 * });
 * ```
 */
export function createFerryHandler(options: FerryHandlerOptions): FerryHandler {
  const resolved = resolveHandlerOptions(options);
  const tokens = new UploadTokens(resolved.secret);
  const companion = resolved.companion ? createCompanionMode(resolved) : undefined;
  return async (request) => {
    const url = new URL(request.url);
    try {
      // The base path, then the end or a '/': `/api/uploadsmultipart` is not `/api/uploads/multipart`.
      const below = url.pathname.slice(resolved.basePath.length);
      if (!url.pathname.startsWith(resolved.basePath) || (below !== '' && !below.startsWith('/'))) {
        throw new ServerError('not-found', 'No such route.');
      }
      const segments = below.split('/').filter(Boolean).map(decodeSegment);
      if (companion && segments[0] === COMPANION_SEGMENT) {
        return json(200, await companion(request, url, await resolved.authorize(request), segments));
      }
      const match = matchRoute(request.method, segments);
      if (match === undefined) throw new ServerError('not-found', 'No such route.');
      if (match === 'wrong-method')
        throw new ServerError('method-not-allowed', `${request.method} is not allowed here.`);
      const user = await resolved.authorize(request);
      const context = { request, url, options: resolved, tokens, uploadId: match.uploadId, user };
      return json(200, await ROUTE_HANDLERS[match.route](context, match.partNumber));
    } catch (error) {
      if (isServerError(error)) {
        if (error.status >= 500) resolved.onError(error);
        return json(error.status, { code: error.code, message: error.message });
      }
      resolved.onError(error);
      // A signer's refusal is the server's configuration at fault; its message names no secret.
      const message = isSigningError(error) ? error.message : 'The signing server failed; see its log.';
      return json(500, { code: 'internal', message });
    }
  };
}
