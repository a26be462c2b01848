import { ServerError } from '../errors.js';
import { MAX_FILENAME, readJsonBody, requireContentType, requireInteger, requireString } from '../request-input.js';
import { BODY_LIMIT, storageFailure } from '../routes/route-context.js';
import type { UploadClaims } from '../token.js';
import { companionMetadata, type CompanionContext } from './companion-context.js';

/** Most parts one batch may sign, as on Ferry's own batch route. */
const MAX_BATCH = 1000;

/** The claims carried by the path's upload id, for the `key` in the query (or body). */
function authorize(context: CompanionContext, bodyKey?: unknown): Promise<UploadClaims> {
  const key = requireString(context.url.searchParams.get('key') ?? bodyKey, 'key');
  return context.uploadIds.verify(context.uploadId, key, context.user.id);
}

/** `POST /s3/multipart { filename, type, metadata }`: starts a multipart upload; sizes are not asked. */
export async function companionCreate(context: CompanionContext): Promise<{ uploadId: string; key: string }> {
  const { options } = context;
  const body = await readJsonBody(context.request, BODY_LIMIT);
  const filename = requireString(body['filename'], 'filename', MAX_FILENAME);
  const type = requireContentType(body['type']);
  options.checkType(type);
  const metadata = companionMetadata(body['metadata']);
  const key = await options.key({ filename, type, size: 0, metadata }, context.user);
  let uploadId: string;
  try {
    uploadId = await options.provider.createMultipart({ key, contentType: type });
  } catch (error) {
    throw storageFailure('to create the multipart upload', error);
  }
  return { uploadId: await context.uploadIds.issue(context.user.id, key, uploadId), key };
}

async function presignPart(context: CompanionContext, claims: UploadClaims, partNumber: number): Promise<string> {
  const { provider, urlLifetimeSeconds } = context.options;
  try {
    const signed = await provider.presignPart({
      key: claims.key,
      uploadId: claims.uploadId,
      partNumber,
      expiresIn: urlLifetimeSeconds,
    });
    return signed.url;
  } catch (error) {
    throw storageFailure(`to presign part ${partNumber}`, error);
  }
}

/** `GET /s3/multipart/:uploadId/:partNumber?key`: one part's URL (no size: Uppy sends none). */
export async function companionSignPart(
  context: CompanionContext,
  partNumberText: string,
): Promise<{ url: string; expires: number }> {
  const claims = await authorize(context);
  const partNumber = requireInteger(partNumberText, 'partNumber', 1, context.options.maxParts);
  return { url: await presignPart(context, claims, partNumber), expires: context.options.urlLifetimeSeconds };
}

/** `GET /s3/multipart/:uploadId/batch?key&partNumbers=1,2,3`: several parts' URLs, by part number. */
export async function companionSignBatch(
  context: CompanionContext,
): Promise<{ presignedUrls: Record<string, string> }> {
  const claims = await authorize(context);
  const list = requireString(context.url.searchParams.get('partNumbers'), 'partNumbers', 8 * MAX_BATCH);
  const numbers = list.split(',').map((n) => requireInteger(n, 'partNumbers[]', 1, context.options.maxParts));
  if (numbers.length > MAX_BATCH || new Set(numbers).size !== numbers.length) {
    throw new ServerError('bad-request', `partNumbers must be 1 to ${MAX_BATCH} different part numbers.`);
  }
  const urls = await Promise.all(numbers.map((n) => presignPart(context, claims, n)));
  const presignedUrls: Record<string, string> = Object.create(null) as Record<string, string>;
  numbers.forEach((n, index) => (presignedUrls[String(n)] = urls[index]!));
  return { presignedUrls };
}

/** `GET /s3/multipart/:uploadId?key`: the parts stored so far. */
export async function companionListParts(
  context: CompanionContext,
): Promise<{ PartNumber: number; Size: number; ETag: string }[]> {
  const claims = await authorize(context);
  try {
    const parts = await context.options.provider.listParts({ key: claims.key, uploadId: claims.uploadId });
    return parts.map((part) => ({ PartNumber: part.partNumber, Size: part.size, ETag: part.etag }));
  } catch (error) {
    throw storageFailure('to list the parts', error);
  }
}

/**
 * `POST /s3/multipart/:uploadId/complete?key { parts }`: assembles the object, unless the parts
 * stored add up to more than the largest file the server accepts: then the upload is aborted
 * (its parts deleted) and the answer is 413. Sizes could not be signed into the part URLs, so
 * this is where they are held to the limit.
 */
export async function companionComplete(context: CompanionContext): Promise<{ location: string; key: string }> {
  const body = await readJsonBody(context.request, BODY_LIMIT);
  const claims = await authorize(context, body['key']);
  const { options } = context;
  const given = body['parts'];
  if (!Array.isArray(given) || given.length === 0 || given.length > options.maxParts) {
    throw new ServerError('bad-request', `parts must list 1 to ${options.maxParts} parts.`);
  }
  const parts = given.map((part: unknown, index) => {
    const entry = (typeof part === 'object' && part !== null ? part : {}) as Record<string, unknown>;
    return {
      partNumber: requireInteger(entry['PartNumber'], `parts[${index}].PartNumber`, 1, options.maxParts),
      etag: requireString(entry['ETag'], `parts[${index}].ETag`, 128),
    };
  });
  const upload = { key: claims.key, uploadId: claims.uploadId };
  let stored: number;
  try {
    const listed = await options.provider.listParts(upload);
    const wanted = new Set(parts.map((part) => part.partNumber));
    stored = listed.reduce((sum, part) => (wanted.has(part.partNumber) ? sum + part.size : sum), 0);
  } catch (error) {
    throw storageFailure('to list the parts', error);
  }
  if (stored > options.maxFileSize) {
    await options.provider.abortMultipart(upload).catch(() => undefined);
    throw new ServerError(
      'too-large',
      `Files may be at most ${options.maxFileSize} bytes; these parts hold ${stored}. The upload was aborted.`,
    );
  }
  try {
    const result = await options.provider.completeMultipart({ ...upload, parts });
    return { location: result.location, key: claims.key };
  } catch (error) {
    throw storageFailure('to complete the upload', error);
  }
}

/** `DELETE /s3/multipart/:uploadId?key`: aborts the upload, deleting its parts. */
export async function companionAbort(context: CompanionContext): Promise<Record<string, never>> {
  const claims = await authorize(context);
  try {
    await context.options.provider.abortMultipart({ key: claims.key, uploadId: claims.uploadId });
  } catch (error) {
    throw storageFailure('to abort the upload', error);
  }
  return {};
}
