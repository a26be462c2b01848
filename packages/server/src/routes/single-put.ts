import type { SinglePutParams } from '@ferry/core';
import { ServerError } from '../errors.js';
import { readFileChecksum } from '../part-checksum.js';
import { MAX_FILENAME, requireContentType, requireInteger, requireString } from '../request-input.js';
import { objectFieldsFromQuery } from '../object-fields/read-object-fields.js';
import { objectHeadersFor } from '../object-fields/object-metadata-policy.js';
import { issueDeleteToken } from './delete-object.js';
import { checkSize, storageFailure, type RouteContext } from './route-context.js';

/**
 * `GET /params?filename&type&size[&checksum=<algorithm>:<base64>][&metadata[k]=v&tags[k]=v&cacheControl=…]`:
 * presigns one PUT of a whole file, with `checksum` its digest too (signed, so the store refuses
 * other bytes), and what the object metadata policy allows (signed: the browser sends exactly those headers).
 */
export async function singlePut(context: RouteContext): Promise<SinglePutParams & { deleteToken?: string }> {
  const query = context.url.searchParams;
  const { options } = context;
  const filename = requireString(query.get('filename'), 'filename', MAX_FILENAME);
  const type = requireContentType(query.get('type'));
  const size = requireInteger(query.get('size'), 'size', 0, Number.MAX_SAFE_INTEGER);
  checkSize(context, size);
  const { maxSinglePut, name } = options.profile;
  if (size > maxSinglePut) {
    throw new ServerError(
      'too-large',
      `A single PUT to ${name} may carry at most ${maxSinglePut} bytes: use a multipart upload.`,
    );
  }
  options.checkType(type);
  const checksum = readFileChecksum(query.get('checksum'), options.provider.partChecksums ?? []);
  const asked = objectFieldsFromQuery(query, filename);
  const { metadata } = asked;
  const object = objectHeadersFor(options.objectMetadata, asked);
  const key = await options.key({ filename, type, size, metadata }, context.user);
  try {
    const signed = await options.provider.presignPut({
      key,
      contentType: type,
      contentLength: size,
      object,
      expiresIn: options.urlLifetimeSeconds,
      ...(checksum ? { checksum } : {}),
    });
    // The PUT may come as late as the URL allows: the delete window starts when the URL expires.
    const lastPut = Date.now() + (signed.expiresIn ?? options.urlLifetimeSeconds) * 1000;
    const deleteToken = await issueDeleteToken(options, context.user, key, lastPut);
    return { method: 'PUT', url: signed.url, headers: signed.headers, key, ...(deleteToken ? { deleteToken } : {}) };
  } catch (error) {
    if (error instanceof ServerError) throw error;
    throw storageFailure('to presign the upload', error);
  }
}
