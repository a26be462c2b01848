import type { KoaMiddleware } from '@20minutes/s3rver';
import S3Error from '@20minutes/s3rver/lib/models/error.js';

/**
 * Refuses every request that carries no signature at all (no `Authorization` header, no
 * presigned query), as a private bucket on S3 or OSS does: 403 `AccessDenied`. @20minutes/s3rver
 * verifies the signatures it is given but lets anonymous requests read and write, so a client
 * that signed nothing would otherwise pass. CORS preflights (OPTIONS) carry none and pass.
 */
export function anonymousRefusal(): KoaMiddleware {
  return async (ctx, next) => {
    const signed =
      ctx.get('authorization') !== '' ||
      ctx.query['X-Amz-Signature'] !== undefined ||
      ctx.query['Signature'] !== undefined;
    if (ctx.method !== 'OPTIONS' && !signed) throw new S3Error('AccessDenied', 'Access Denied');
    await next();
  };
}
