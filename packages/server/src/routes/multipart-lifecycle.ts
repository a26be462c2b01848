import { ServerError } from '../errors.js';
import { issueDeleteToken } from './delete-object.js';
import { readJsonBody, requireInteger, requireString } from '../request-input.js';
import { authorizeUpload, BODY_LIMIT, partGeometry, storageFailure, type RouteContext } from './route-context.js';

/** `GET /multipart/:uploadId?key`: the parts stored so far, in Companion's shape. */
export async function listParts(context: RouteContext): Promise<{ PartNumber: number; Size: number; ETag: string }[]> {
  const claims = await authorizeUpload(context);
  try {
    const parts = await context.options.provider.listParts({ key: claims.key, uploadId: claims.uploadId });
    return parts.map((part) => ({ PartNumber: part.partNumber, Size: part.size, ETag: part.etag }));
  } catch (error) {
    throw storageFailure('to list the parts', error);
  }
}

/** `POST /multipart/:uploadId/complete?key { parts: [{ PartNumber, ETag }] }`: assembles the object. */
export async function completeMultipart(context: RouteContext): Promise<{
  key: string;
  location: string;
  etag?: string | undefined;
  callback?: string | undefined;
  crc64?: string | undefined;
  deleteToken?: string | undefined;
}> {
  const body = await readJsonBody(context.request, BODY_LIMIT);
  const claims = await authorizeUpload(context, body['key']);
  const { count } = partGeometry(claims);
  const given = body['parts'];
  if (!Array.isArray(given) || given.length !== count) {
    throw new ServerError('bad-request', `parts must list all ${count} parts of the upload.`);
  }
  const parts = given.map((part: unknown, index) => {
    const entry = (typeof part === 'object' && part !== null ? part : {}) as Record<string, unknown>;
    const partNumber = requireInteger(entry['PartNumber'], `parts[${index}].PartNumber`, 1, count);
    if (partNumber !== index + 1) throw new ServerError('bad-request', 'parts must be in order, one per part number.');
    return { partNumber, etag: requireString(entry['ETag'], `parts[${index}].ETag`, 128) };
  });
  try {
    const result = await context.options.provider.completeMultipart({
      key: claims.key,
      uploadId: claims.uploadId,
      parts,
    });
    return {
      key: claims.key,
      location: result.location,
      etag: result.etag,
      callback: result.callback,
      crc64: result.crc64,
      deleteToken: await issueDeleteToken(context.options, context.user, claims.key),
    };
  } catch (error) {
    throw storageFailure('to complete the upload', error);
  }
}

/** `DELETE /multipart/:uploadId?key`: aborts the upload, deleting its parts. */
export async function abortMultipart(context: RouteContext): Promise<Record<string, never>> {
  const claims = await authorizeUpload(context);
  try {
    await context.options.provider.abortMultipart({ key: claims.key, uploadId: claims.uploadId });
  } catch (error) {
    throw storageFailure('to abort the upload', error);
  }
  return {};
}
