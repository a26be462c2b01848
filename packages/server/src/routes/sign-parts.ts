import type { SignedPart } from '@ferry/core';
import { ServerError } from '../errors.js';
import { readPartChecksums, type PartChecksum } from '../part-checksum.js';
import { readJsonBody, requireInteger } from '../request-input.js';
import { authorizeUpload, BODY_LIMIT, partGeometry, storageFailure, type RouteContext } from './route-context.js';

/** Most parts one batch may sign. */
const MAX_BATCH = 1000;

async function presign(
  context: RouteContext,
  key: string,
  partNumber: number,
  contentLength: number,
  checksum?: PartChecksum,
): Promise<SignedPart> {
  const { provider, urlLifetimeSeconds } = context.options;
  try {
    const signed = await provider.presignPart({
      key,
      uploadId: context.uploadId,
      partNumber,
      contentLength,
      expiresIn: urlLifetimeSeconds,
      ...(checksum ? { checksum } : {}),
    });
    return {
      method: 'PUT',
      partNumber,
      url: signed.url,
      headers: signed.headers,
      expiresAt: Date.now() + (signed.expiresIn ?? urlLifetimeSeconds) * 1000,
    };
  } catch (error) {
    throw storageFailure(`to presign part ${partNumber}`, error);
  }
}

/**
 * `POST /multipart/:uploadId/batch { key, partNumbers, checksums? }`: presigns parts of the plan,
 * each for its exact size and, with `checksums: { algorithm, values }`, for its digest too (the
 * checksum header is signed and returned, so the store refuses other bytes with BadDigest).
 */
export async function signParts(context: RouteContext): Promise<{ parts: SignedPart[] }> {
  const body = await readJsonBody(context.request, BODY_LIMIT);
  const claims = await authorizeUpload(context, body['key']);
  const { count, sizeOf } = partGeometry(claims);
  const numbers = body['partNumbers'];
  if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > MAX_BATCH) {
    throw new ServerError('bad-request', `partNumbers must be an array of 1 to ${MAX_BATCH} part numbers.`);
  }
  const partNumbers = numbers.map((n: unknown) => requireInteger(n, 'partNumbers[]', 1, count));
  if (new Set(partNumbers).size !== partNumbers.length)
    throw new ServerError('bad-request', 'partNumbers has duplicates.');
  const checksums = readPartChecksums(body['checksums'], partNumbers, context.options.provider.partChecksums ?? []);
  const parts = await Promise.all(
    partNumbers.map((n) => presign(context, claims.key, n, sizeOf(n), checksums?.get(n))),
  );
  return { parts };
}

/** `GET /multipart/:uploadId/:partNumber?key`: Uppy Companion's one-part route. */
export async function signOnePart(
  context: RouteContext,
  partNumberText: string,
): Promise<{ url: string; expires: number; headers: Record<string, string> }> {
  const claims = await authorizeUpload(context);
  const { count, sizeOf } = partGeometry(claims);
  const partNumber = requireInteger(partNumberText, 'partNumber', 1, count);
  const part = await presign(context, claims.key, partNumber, sizeOf(partNumber));
  return { url: part.url, expires: context.options.urlLifetimeSeconds, headers: { ...part.headers } };
}
