import { ServerError } from '../errors.js';
import { MAX_FILENAME, requireContentType, requireInteger, requireString } from '../request-input.js';
import { storageFailure } from '../routes/route-context.js';
import { companionMetadata, type CompanionContext } from './companion-context.js';

/** Companion's answer to `GET /s3/params`, plus the key. */
export interface CompanionPostParams {
  readonly method: 'POST';
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Seconds the policy is valid. */
  readonly expires: number;
  readonly key: string;
}

/**
 * `GET /s3/params?filename&type&metadata[name]=…[&size]`: an S3 POST policy for one form upload
 * (what Uppy's `postObject` sends). The policy pins the key the server chose and the type; its
 * `content-length-range` is the exact size when the client gave one, else 0 to the largest file
 * the server accepts in one request.
 */
export async function companionParams(context: CompanionContext): Promise<CompanionPostParams> {
  const { options, url } = context;
  const query = url.searchParams;
  const filename = requireString(query.get('filename'), 'filename', MAX_FILENAME);
  const type = requireContentType(query.get('type'));
  const limit = Math.min(options.maxFileSize, options.profile.maxSinglePut);
  const sizeText = query.get('size');
  const size = sizeText === null ? undefined : requireInteger(sizeText, 'size', 0, Number.MAX_SAFE_INTEGER);
  if (size !== undefined && size > limit) {
    throw new ServerError('too-large', `A single request may carry at most ${limit} bytes here: use multipart.`);
  }
  options.checkType(type);
  if (!options.provider.presignPost) {
    throw new ServerError(
      'not-found',
      'This store has no form uploads here: give Uppy `shouldUseMultipart: () => true` for Companion mode.',
    );
  }
  const metadata: Record<string, unknown> = {};
  for (const [name, value] of query) {
    const match = /^metadata\[(.+)\]$/.exec(name);
    if (match?.[1]) metadata[match[1]] = value;
  }
  const key = await options.key(
    { filename, type, size: size ?? 0, metadata: companionMetadata(metadata) },
    context.user,
  );
  try {
    const signed = await options.provider.presignPost({
      key,
      contentType: type,
      minSize: size ?? 0,
      maxSize: size ?? limit,
      expiresIn: options.urlLifetimeSeconds,
    });
    return { method: 'POST', url: signed.url, fields: signed.fields, expires: options.urlLifetimeSeconds, key };
  } catch (error) {
    throw storageFailure('to presign the form upload', error);
  }
}
