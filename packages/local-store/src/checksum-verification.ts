import { Crc32 } from '@aws-crypto/crc32';
import { Crc32c } from '@aws-crypto/crc32c';
import type { KoaContext, KoaMiddleware } from '@20minutes/s3rver';
import S3Error from '@20minutes/s3rver/lib/models/error.js';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';

/** A digest a PUT declares, how to compute it, and how S3 names it in its errors. */
interface Declared {
  readonly header: string;
  readonly value: string;
  /** Bytes of a well-formed value once base64-decoded. */
  readonly length: number;
  readonly label: string;
  readonly digest: () => { update(chunk: Buffer): void; result(): string };
}

const hash = (algorithm: string) => () => {
  const h = createHash(algorithm);
  return { update: (chunk: Buffer) => void h.update(chunk), result: () => h.digest('base64') };
};

const crc = (make: () => Crc32 | Crc32c) => () => {
  const c = make();
  return {
    update: (chunk: Buffer) => void c.update(chunk),
    result: () => {
      const value = Buffer.alloc(4);
      value.writeUInt32BE(c.digest() >>> 0);
      return value.toString('base64');
    },
  };
};

const ALGORITHMS = [
  { header: 'content-md5', length: 16, label: 'Content-MD5', digest: hash('md5') },
  { header: 'x-amz-checksum-sha256', length: 32, label: 'SHA256', digest: hash('sha256') },
  { header: 'x-amz-checksum-sha1', length: 20, label: 'SHA1', digest: hash('sha1') },
  { header: 'x-amz-checksum-crc32', length: 4, label: 'CRC32', digest: crc(() => new Crc32()) },
  { header: 'x-amz-checksum-crc32c', length: 4, label: 'CRC32C', digest: crc(() => new Crc32c()) },
] as const;

const wellFormed = (value: string, length: number) =>
  /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === length;

/** The answer S3 gives for a digest that does not match the body. */
function badDigest(declared: Declared): S3Error {
  return new S3Error(
    'BadDigest',
    declared.header === 'content-md5'
      ? 'The Content-MD5 you specified did not match what we received.'
      : `The ${declared.label} you specified did not match the calculated checksum.`,
  );
}

type BodyContext = KoaContext & { req: Readable; headers: Record<string, string | undefined> };

/**
 * Checks the digests a PutObject or UploadPart declares (`Content-MD5`, `x-amz-checksum-sha256`,
 * `-sha1`, `-crc32`, `-crc32c`) against the bytes, as S3 does: a malformed value is 400
 * `InvalidDigest` (MD5) or `InvalidRequest`, a mismatch 400 `BadDigest`, and nothing of the body
 * is kept. @20minutes/s3rver checks none of them.
 */
export function checksumVerification(): KoaMiddleware {
  return async (ctx, next) => {
    const context = ctx as BodyContext;
    if (context.method !== 'PUT' || context.query['x-id'] === 'CopyObject' || context.headers['x-amz-copy-source'])
      return next();
    const declared: Declared[] = ALGORITHMS.flatMap((algorithm) => {
      const value = context.headers[algorithm.header];
      return value === undefined ? [] : [{ ...algorithm, value }];
    });
    if (declared.length === 0) return next();
    for (const entry of declared) {
      if (!wellFormed(entry.value, entry.length)) {
        throw entry.header === 'content-md5'
          ? new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.')
          : new S3Error('InvalidRequest', `Value for ${entry.header} header is invalid.`);
      }
    }
    const running = declared.map((entry) => ({ entry, digest: entry.digest() }));
    // The store reads the body from ctx.req: hand it a stream that checks the digests at its end,
    // so a mismatch fails the store's write (s3rver answers the S3Error) before anything is listed.
    const checked = context.req.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          for (const { digest } of running) digest.update(chunk);
          done(null, chunk);
        },
        flush(done) {
          const wrong = running.find(({ entry, digest }) => digest.result() !== entry.value);
          done(wrong ? badDigest(wrong.entry) : null);
        },
      }),
    );
    // A small body can be checked before the store starts reading it: keep the error for the
    // store's pipeline (it sees the stream's stored error) instead of letting it go unhandled.
    checked.on('error', () => undefined);
    context.req = checked;
    await next();
  };
}
