import type { MultipartHandle } from '@ferry/core';
import { ServerError } from '../errors.js';
import { MAX_FILENAME, readJsonBody, requireContentType, requireInteger, requireString } from '../request-input.js';
import { objectFieldsFromBody } from '../object-fields/read-object-fields.js';
import { objectHeadersFor } from '../object-fields/object-metadata-policy.js';
import { BODY_LIMIT, checkSize, storageFailure, type RouteContext } from './route-context.js';

/** `POST /multipart { filename, type, size, partSize, metadata, cacheControl?, tags? }`: starts a multipart upload. */
export async function createMultipart(context: RouteContext): Promise<MultipartHandle> {
  const body = await readJsonBody(context.request, BODY_LIMIT);
  const { options } = context;
  const filename = requireString(body['filename'], 'filename', MAX_FILENAME);
  const type = requireContentType(body['type']);
  const size = requireInteger(body['size'], 'size', 1, Number.MAX_SAFE_INTEGER);
  checkSize(context, size);
  // The store's profile bounds the plan: a part size it would refuse at complete is refused now.
  const { profile } = options;
  const partSize = requireInteger(body['partSize'], 'partSize', profile.minPartSize, profile.maxPartSize);
  const asked = objectFieldsFromBody(body, filename);
  const { metadata } = asked;
  if (Math.ceil(size / partSize) > options.maxParts) {
    throw new ServerError(
      'bad-request',
      `A part size of ${partSize} bytes makes more than ${options.maxParts} parts (${profile.name}).`,
    );
  }
  options.checkType(type);
  const object = objectHeadersFor(options.objectMetadata, asked);
  const key = await options.key({ filename, type, size, metadata }, context.user);
  let uploadId: string;
  try {
    uploadId = await options.provider.createMultipart({ key, contentType: type, object });
  } catch (error) {
    throw storageFailure('to create the multipart upload', error);
  }
  const exp = Math.floor(Date.now() / 1000) + options.tokenLifetimeSeconds;
  return {
    uploadId,
    key,
    token: await context.tokens.issue({ user: context.user.id, key, uploadId, size, partSize, exp }),
  };
}
