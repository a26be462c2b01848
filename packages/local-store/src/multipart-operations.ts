import type { KoaContext, KoaMiddleware } from '@20minutes/s3rver';
import authentication from '@20minutes/s3rver/lib/middleware/authentication.js';
import cors from '@20minutes/s3rver/lib/middleware/cors.js';
import S3Error from '@20minutes/s3rver/lib/models/error.js';
import { UploadDirectory, type PendingUpload } from './upload-directory.js';

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const OWNER = { ID: 'local-store', DisplayName: 'local-store' };

/** Which request a path-style URL makes, as far as this module cares. */
type Operation = 'list-uploads' | 'list-parts' | 'abort' | 'upload-part' | 'complete';

function classify(ctx: KoaContext, key: string | undefined): Operation | undefined {
  const { method, query } = ctx;
  if (key === undefined) return method === 'GET' && 'uploads' in query ? 'list-uploads' : undefined;
  if (!('uploadId' in query)) return undefined;
  if (method === 'GET') return 'list-parts';
  if (method === 'DELETE') return 'abort';
  if (method === 'PUT' && !ctx.get('x-amz-copy-source')) return 'upload-part';
  if (method === 'POST') return 'complete';
  return undefined;
}

function noSuchUpload(uploadId: string): S3Error {
  const error = new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );
  error.status = 404; // s3rver's status table lacks this code
  return error;
}

function boundedInt(value: string | undefined, fallback: number, max: number): number {
  const parsed = value === undefined ? NaN : Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

/**
 * Koa middleware adding the multipart operations s3rver lacks (ListParts, in pages of at most
 * `partsPageSize` parts, AbortMultipartUpload, ListMultipartUploads) and S3's `NoSuchUpload` answer to UploadPart and
 * CompleteMultipartUpload of an unknown upload. Requests pass s3rver's own CORS and SigV4
 * checks first; everything else goes on to s3rver untouched.
 */
export function multipartOperations(root: string, partsPageSize = 1000): KoaMiddleware {
  const uploads = new UploadDirectory(root);
  const guards = [cors(), authentication()];

  const handlers: Record<Operation, (ctx: KoaContext, bucket: string, key: string) => Promise<boolean>> = {
    async 'list-uploads'(ctx, bucket) {
      const prefix = ctx.query['prefix'] ?? '';
      const maxUploads = boundedInt(ctx.query['max-uploads'], 1000, 1000);
      const keyMarker = ctx.query['key-marker'] ?? '';
      const uploadIdMarker = ctx.query['upload-id-marker'] ?? '';
      const all = (await uploads.list(bucket)).filter(
        (upload) =>
          upload.key.startsWith(prefix) &&
          (upload.key > keyMarker ||
            (upload.key === keyMarker && uploadIdMarker !== '' && upload.uploadId > uploadIdMarker)),
      );
      const page = all.slice(0, maxUploads);
      const last: PendingUpload | undefined = page.at(-1);
      ctx.body = {
        ListMultipartUploadsResult: {
          '@': { xmlns: XMLNS },
          Bucket: bucket,
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
          NextKeyMarker: last?.key ?? '',
          NextUploadIdMarker: last?.uploadId ?? '',
          Prefix: prefix,
          MaxUploads: maxUploads,
          IsTruncated: all.length > page.length,
          Upload: page.map((upload) => ({
            Key: upload.key,
            UploadId: upload.uploadId,
            Initiator: OWNER,
            Owner: OWNER,
            StorageClass: 'STANDARD',
            Initiated: upload.initiated.toISOString(),
          })),
        },
      };
      return true;
    },

    async 'list-parts'(ctx, bucket, key) {
      const uploadId = ctx.query['uploadId'] ?? '';
      if (!(await uploads.get(bucket, uploadId, key))) throw noSuchUpload(uploadId);
      const maxParts = boundedInt(ctx.query['max-parts'], partsPageSize, partsPageSize);
      const marker = boundedInt(ctx.query['part-number-marker'], 0, 10_000);
      const all = (await uploads.parts(bucket, uploadId)).filter((part) => part.partNumber > marker);
      const page = all.slice(0, maxParts);
      ctx.body = {
        ListPartsResult: {
          '@': { xmlns: XMLNS },
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          Initiator: OWNER,
          Owner: OWNER,
          StorageClass: 'STANDARD',
          PartNumberMarker: marker,
          NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
          MaxParts: maxParts,
          IsTruncated: all.length > page.length,
          Part: page.map((part) => ({
            PartNumber: part.partNumber,
            LastModified: part.lastModified.toISOString(),
            ETag: part.etag,
            Size: part.size,
          })),
        },
      };
      return true;
    },

    async abort(ctx, bucket, key) {
      const uploadId = ctx.query['uploadId'] ?? '';
      if (!(await uploads.get(bucket, uploadId, key)) || !(await uploads.remove(bucket, uploadId)))
        throw noSuchUpload(uploadId);
      ctx.status = 204;
      ctx.body = '';
      return true;
    },

    // For these two s3rver does the work; this only refuses an unknown upload first, as S3 does.
    async 'upload-part'(ctx, bucket, key) {
      const uploadId = ctx.query['uploadId'] ?? '';
      if (!(await uploads.get(bucket, uploadId, key))) throw noSuchUpload(uploadId);
      return false;
    },
    async complete(ctx, bucket, key) {
      return handlers['upload-part'](ctx, bucket, key);
    },
  };

  return async (ctx, next) => {
    const match = /^\/([^/]+)(?:\/(.*))?$/.exec(ctx.path);
    const bucket = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    const key = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    const operation = bucket === undefined ? undefined : classify(ctx, key);
    if (operation === undefined || bucket === undefined) return next();
    ctx.params = { bucket, ...(key === undefined ? {} : { key }) };
    let handled = false;
    const run = async (index: number): Promise<void> => {
      const guard = guards[index];
      if (guard) await guard(ctx, () => run(index + 1));
      else handled = await handlers[operation](ctx, bucket, key ?? '');
    };
    await run(0);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- run sets it, which the compiler cannot see
    if (!handled) await next();
  };
}
