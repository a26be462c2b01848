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
import { matchCompanionRoute, type CompanionRouteName } from './companion-routes.js';
import { CompanionUploadIds } from './companion-upload-id.js';

/** Answers one Companion-mode request; the segments are those below the base path (`s3` first). */
export type CompanionMode = (
  request: Request,
  url: URL,
  user: UploadUser,
  segments: readonly string[],
) => Promise<unknown>;

type Route = (context: CompanionContext, partNumber: string) => Promise<unknown>;

/** What answers each route of the mode's table (`COMPANION_ROUTES`). */
const COMPANION_HANDLERS: Readonly<Record<CompanionRouteName, Route>> = {
  'companion-params': companionParams,
  'companion-create-multipart': companionCreate,
  'companion-sign-batch': companionSignBatch,
  'companion-sign-part': companionSignPart,
  'companion-list-parts': companionListParts,
  'companion-complete-multipart': companionComplete,
  'companion-abort-multipart': companionAbort,
};

/**
 * The Companion-compatible mode of the handler: Uppy's `@uppy/aws-s3` with `companionEndpoint`
 * set to the handler's base URL uploads through it unchanged. The server still chooses keys,
 * checks types and binds every upload to its caller (the token rides in the upload id Uppy
 * echoes); what it cannot bind without sizes from the client is in the README.
 */
export function createCompanionMode(options: ResolvedHandlerOptions): CompanionMode {
  const uploadIds = new CompanionUploadIds(options.secret, options.tokenLifetimeSeconds);
  return async (request, url, user, segments) => {
    const match = matchCompanionRoute(request.method, segments);
    if (match === undefined) throw new ServerError('not-found', 'No such route.');
    if (match === 'wrong-method') throw new ServerError('method-not-allowed', `${request.method} is not allowed here.`);
    const context = { request, url, options, uploadIds, user, uploadId: match.uploadId };
    return COMPANION_HANDLERS[match.route](context, match.partNumber);
  };
}
