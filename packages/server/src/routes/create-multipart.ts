import type { MultipartHandle } from '@ferry/core';
import { ServerError } from '../errors.js';
import { PART_LIMITS } from '../handler-options.js';
import { readJsonBody, requireContentType, requireInteger, requireString, requireStringRecord } from '../request-input.js';
import { BODY_LIMIT, storageFailure, type RouteContext } from './route-context.js';

/** `POST /multipart { filename, type, size, partSize, metadata }`: starts a multipart upload. */
export async function createMultipart(context: RouteContext): Promise<MultipartHandle> {
  const body = await readJsonBody(context.request, BODY_LIMIT);
  const { options } = context;
  const filename = requireString(body['filename'], 'filename');
  const type = requireContentType(body['type']);
  const size = requireInteger(body['size'], 'size', 1, options.maxFileSize);
  const partSize = requireInteger(body['partSize'], 'partSize', PART_LIMITS.minPartSize, PART_LIMITS.maxPartSize);
  const metadata = requireStringRecord(body['metadata'], 'metadata');
  if (Math.ceil(size / partSize) > PART_LIMITS.maxParts) {
    throw new ServerError('bad-request', `A part size of ${partSize} bytes makes more than ${PART_LIMITS.maxParts} parts.`);
  }
  const key = await options.key({ filename, type, size, metadata });
  let uploadId: string;
  try {
    uploadId = await options.provider.createMultipart({ key, contentType: type });
  } catch (error) {
    throw storageFailure('to create the multipart upload', error);
  }
  const exp = Math.floor(Date.now() / 1000) + options.tokenLifetimeSeconds;
  return { uploadId, key, token: context.tokens.issue({ key, uploadId, size, partSize, exp }) };
}
