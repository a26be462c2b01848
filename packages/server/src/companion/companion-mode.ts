import { ServerError } from '../errors.js';
import type { ResolvedHandlerOptions, UploadUser } from '../handler-options.js';
import type { CompanionContext } from './companion-context.js';
import {
  companionAbort,
  companionComplete,
  companionCreate,
  companionListParts,
  companionSignBatch,
  companionSignPart,
} from './companion-multipart.js';
import { companionParams } from './companion-params.js';
import { CompanionUploadIds } from './companion-upload-id.js';

/** The path segment Uppy puts after its `companionEndpoint`: Companion mode answers below `{basePath}/s3`. */
export const COMPANION_SEGMENT = 's3';

/** Answers one Companion-mode request; the segments are those after `s3`. */
export type CompanionMode = (
  request: Request,
  url: URL,
  user: UploadUser,
  segments: readonly string[],
) => Promise<unknown>;

type Route = (context: CompanionContext, partNumber: string) => Promise<unknown>;

/**
 * Which of Uppy Companion's S3 routes (`@uppy/companion`'s `controllers/s3.js`) the method and
 * segments name, with the part number segment when there is one. `/sts` (temporary credentials
 * for the whole bucket) is left out on purpose: Ferry never hands out credentials.
 */
function companionRoute(
  method: string,
  segments: readonly string[],
): { route: Route; uploadId: string; partNumber: string } | 'wrong-method' | undefined {
  const [first, uploadId = '', last, ...rest] = segments;
  const pick = (routes: Partial<Record<string, Route>>, partNumber = '') => {
    const route = routes[method];
    return route ? { route, uploadId, partNumber } : ('wrong-method' as const);
  };
  if (rest.length > 0) return undefined;
  if (first === 'params' && segments.length === 1) return pick({ GET: companionParams });
  if (first !== 'multipart') return undefined;
  if (segments.length === 1) return pick({ POST: companionCreate });
  if (uploadId === '') return undefined;
  if (last === undefined) return pick({ GET: companionListParts, DELETE: companionAbort });
  if (last === 'complete') return pick({ POST: companionComplete });
  if (last === 'batch') return pick({ GET: companionSignBatch });
  return pick({ GET: companionSignPart }, last);
}

/**
 * The Companion-compatible mode of the handler: Uppy's `@uppy/aws-s3` with `companionEndpoint`
 * set to the handler's base URL uploads through it unchanged. The server still chooses keys,
 * checks types and binds every upload to its caller (the token rides in the upload id Uppy
 * echoes); what it cannot bind without sizes from the client is in the README.
 */
export function createCompanionMode(options: ResolvedHandlerOptions): CompanionMode {
  const uploadIds = new CompanionUploadIds(options.secret, options.tokenLifetimeSeconds);
  return async (request, url, user, segments) => {
    const match = companionRoute(request.method, segments);
    if (match === undefined) throw new ServerError('not-found', 'No such route.');
    if (match === 'wrong-method') throw new ServerError('method-not-allowed', `${request.method} is not allowed here.`);
    return match.route({ request, url, options, uploadIds, user, uploadId: match.uploadId }, match.partNumber);
  };
}
