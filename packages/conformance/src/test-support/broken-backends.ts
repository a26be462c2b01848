import { PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { UPLOAD_TOKEN_HEADER, matchRoute } from '@ferry/core/protocol';
import type { LocalStore } from '@ferry/local-store';
import type { FerryHandler } from '@ferry/server';
import { CALLER_HEADER } from './conformance-store.js';
import { BASE_PATH, localStoreProvider, startFerryBackend, type RunningBackend } from './ferry-server-backend.js';

/**
 * A fake backend, broken on purpose: `@ferry/server` with a provider whose URLs sign the
 * Content-Type but not the Content-Length, as a presigner does by default. A leaked URL can then
 * store any number of bytes.
 */
export async function startUnsignedLengthBackend(store: LocalStore): Promise<RunningBackend> {
  const real = localStoreProvider(store);
  const client = new S3Client({
    region: store.region,
    endpoint: store.endpoint,
    forcePathStyle: true,
    credentials: store.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const Bucket = store.bucket;
  const backend = await startFerryBackend(store, {
    provider: {
      ...real,
      async presignPut({ key, contentType, expiresIn }) {
        const command = new PutObjectCommand({ Bucket, Key: key, ContentType: contentType });
        const url = await getSignedUrl(client, command, { expiresIn, signableHeaders: new Set(['content-type']) });
        return { url, headers: { 'Content-Type': contentType } };
      },
      async presignPart({ key, uploadId, partNumber, expiresIn }) {
        const command = new UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: partNumber });
        return { url: await getSignedUrl(client, command, { expiresIn }), headers: {} };
      },
    },
  });
  return {
    url: backend.url,
    async close() {
      client.destroy();
      await backend.close();
    },
  };
}

/**
 * A fake backend, broken on purpose: it remembers each upload's token and caller at create, and
 * serves any later call by the upload id in its path alone, as a backend that looks uploads up in
 * its own table without asking who is calling. Anyone who knows an upload id can then sign parts
 * of it, list, complete or abort it.
 */
export async function startUploadByIdBackend(store: LocalStore): Promise<RunningBackend> {
  const owners = new Map<string, { token: string; caller: string }>();
  const wrap =
    (handler: FerryHandler): FerryHandler =>
    async (request) => {
      const url = new URL(request.url);
      const segments = url.pathname.slice(BASE_PATH.length).split('/').filter(Boolean).map(decodeURIComponent);
      const match = matchRoute(request.method, segments);
      const owner = typeof match === 'object' ? owners.get(match.uploadId) : undefined;
      if (owner) {
        const headers = new Headers(request.headers);
        headers.set(UPLOAD_TOKEN_HEADER, owner.token);
        headers.set(CALLER_HEADER, owner.caller);
        url.searchParams.delete('token');
        const body = ['GET', 'DELETE'].includes(request.method) ? undefined : await request.text();
        request = new Request(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) });
      }
      const caller = request.headers.get(CALLER_HEADER) ?? '';
      const response = await handler(request);
      if (typeof match === 'object' && match.route === 'create-multipart' && response.ok) {
        const { uploadId, token } = (await response.clone().json()) as { uploadId: string; token: string };
        owners.set(uploadId, { token, caller });
      }
      return response;
    };
  return startFerryBackend(store, { wrap });
}

/**
 * A fake backend, broken on purpose: `@ferry/server` whose delete route deletes any key it is
 * asked to, checking no delete token and asking no one, as a backend that trusts its page to
 * delete only what it may.
 */
export async function startUncheckedDeleteBackend(store: LocalStore): Promise<RunningBackend> {
  const provider = localStoreProvider(store);
  const wrap =
    (handler: FerryHandler): FerryHandler =>
    async (request) => {
      const url = new URL(request.url);
      const segments = url.pathname.slice(BASE_PATH.length).split('/').filter(Boolean);
      const match = matchRoute(request.method, segments);
      const key = url.searchParams.get('key');
      if (typeof match !== 'object' || match.route !== 'delete-object' || !key) return handler(request);
      await provider.deleteObject!({ key });
      return Response.json({ key });
    };
  return startFerryBackend(store, { provider, wrap });
}
