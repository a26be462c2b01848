import type { KoaContext, KoaMiddleware } from '@20minutes/s3rver';
import cors from '@20minutes/s3rver/lib/middleware/cors.js';
import AWSAccount from '@20minutes/s3rver/lib/models/account.js';
import S3Error from '@20minutes/s3rver/lib/models/error.js';
import S3Object from '@20minutes/s3rver/lib/models/object.js';
import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { verifyPostPolicy, type PolicyLimits } from './post-policy.js';

type FormContext = KoaContext & { req: Readable; headers: Record<string, string> };

const secretFor = (accessKeyId: string): string | undefined =>
  AWSAccount.registry.get(accessKeyId)?.accessKeys.get(accessKeyId);

/** Reads the form: fields up to the file, the policy checked before a byte of the file is kept. */
function receiveForm(
  ctx: FormContext,
  bucket: string,
  spool: string,
): Promise<{ fields: Map<string, string>; limits: PolicyLimits; size: number }> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let fileSeen = false;
    const form = busboy({ headers: ctx.headers, limits: { fields: 100, fieldSize: 64 * 1024 } });
    const fail = (error: unknown): void => {
      // Drained, so the client reads the refusal instead of a reset connection.
      ctx.req.unpipe(form);
      ctx.req.resume();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    form.on('field', (name, value) => {
      if (!fileSeen) fields.set(name.toLowerCase(), value); // S3 ignores fields after the file
    });
    form.on('file', (name, file) => {
      if (name !== 'file' || fileSeen) {
        file.resume();
        return;
      }
      fileSeen = true;
      let limits: PolicyLimits;
      try {
        limits = verifyPostPolicy(fields, bucket, secretFor);
      } catch (error) {
        file.resume();
        fail(error);
        return;
      }
      let size = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > limits.maxSize) {
            done(new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'));
          } else done(null, chunk);
        },
      });
      pipeline(file, counted, createWriteStream(spool)).then(() => resolve({ fields, limits, size }), fail);
    });
    form.on('close', () => {
      if (!fileSeen) fail(new S3Error('InvalidArgument', 'POST requires exactly one file upload per request.'));
    });
    form.on('error', fail);
    ctx.req.pipe(form);
  });
}

/**
 * S3's POST Object (browser form uploads) with the policy enforced as S3 enforces it: its SigV4
 * signature, expiry, every condition (key, `Content-Type`, `content-length-range`…) and no field
 * outside it. @20minutes/s3rver accepts any form and ignores the policy, so without this a form
 * upload could not prove what a server's policy allows; nothing is stored unless all of it holds.
 */
export function postObjectUpload(): KoaMiddleware {
  const corsGuard = cors();
  return async (ctx, next) => {
    const match = /^\/([^/]+)\/?$/.exec(ctx.path);
    if (ctx.method !== 'POST' || !match?.[1] || !ctx.get('content-type').startsWith('multipart/form-data')) {
      return next();
    }
    const bucket = decodeURIComponent(match[1]);
    ctx.params = { bucket };
    await corsGuard(ctx, async () => {
      const folder = await mkdtemp(join(tmpdir(), 'ferry-post-'));
      const spool = join(folder, randomUUID());
      try {
        const { fields, limits, size } = await receiveForm(ctx as FormContext, bucket, spool);
        if (size < limits.minSize) {
          throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
        }
        const key = fields.get('key') ?? '';
        if (key === '') throw new S3Error('InvalidArgument', "Bucket POST must contain a field named 'key'.");
        const { md5 } = await ctx.store.putObject(
          new S3Object(bucket, key, createReadStream(spool), Object.fromEntries(fields)),
        );
        const status = Number(fields.get('success_action_status'));
        ctx.status = status === 200 || status === 201 ? status : 204;
        ctx.set('ETag', JSON.stringify(md5));
        const location = `${ctx.origin}/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
        ctx.set('Location', location);
        ctx.body =
          ctx.status === 201
            ? { PostResponse: { Location: location, Bucket: bucket, Key: key, ETag: JSON.stringify(md5) } }
            : '';
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  };
}
