import type { KoaContext, KoaMiddleware } from '@20minutes/s3rver';
import S3Error from '@20minutes/s3rver/lib/models/error.js';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';

type BodyContext = KoaContext & { req: Readable; headers: Record<string, string | undefined> };

/** What S3 answers when the connection ends before the declared body did. */
function incompleteBody(): S3Error {
  return new S3Error(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
  );
}

/**
 * Stores a PUT's body only when all of its `Content-Length` bytes arrived, as S3 does
 * (`IncompleteBody`). @20minutes/s3rver keeps whatever reached it, so a PUT that the browser
 * aborted mid-body could leave a truncated part behind, and one that lands after its retry
 * would replace the good part with it.
 */
export function bodyLengthVerification(): KoaMiddleware {
  return async (ctx, next) => {
    const context = ctx as BodyContext;
    const declared = Number(context.headers['content-length']);
    if (context.method !== 'PUT' || !Number.isSafeInteger(declared)) return next();
    const source = context.req;
    let received = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(null, chunk);
      },
      flush(done) {
        done(received === declared ? null : incompleteBody());
      },
    });
    // A client that goes away mid-body never ends the stream: fail it, so nothing is stored.
    source.once('close', () => {
      if (received < declared) counted.destroy(incompleteBody());
    });
    source.pipe(counted);
    // Answered before the body was read (a refused signature): drain the rest as Node would for
    // an unread body, so the client gets the answer instead of a reset connection.
    context.res.once('finish', () => {
      if (source.readableEnded) return;
      source.unpipe(counted);
      source.resume();
    });
    counted.on('error', () => undefined);
    context.req = counted;
    await next();
  };
}
