import { testBytes } from './bytes.js';
import { createUpload, describeStoreAnswer, putToStore, signBatch, type KitContext } from './kit-context.js';
import { describeAnswer, ensure, ensureOk } from './rule-runner.js';

/** A finished upload of a few bytes, as the rules about stored objects need them. */
export interface FinishedUpload {
  readonly key: string;
  /** The `deleteToken` its answer carried, if the backend issues delete tokens. */
  readonly deleteToken: string | undefined;
  /** The signed headers a single PUT was sent with (empty for a multipart upload). */
  readonly headers: Record<string, string>;
}

const SIZE = 64;

const deleteTokenOf = (body: { deleteToken?: unknown }): string | undefined =>
  typeof body.deleteToken === 'string' && body.deleteToken !== '' ? body.deleteToken : undefined;

/**
 * Stores a few bytes through one single PUT, with `query` added to the params call (metadata,
 * Cache-Control, tags); fails the rule unless the object is then in the store.
 */
export async function finishSinglePut(
  context: KitContext,
  query: Record<string, string> = {},
): Promise<FinishedUpload> {
  const answer = await context.backend.call('single-put-params', {
    query: { filename: 'conformance-small.txt', type: 'text/plain', size: String(SIZE), ...query },
  });
  const body = (ensureOk(answer, 'single-put-params') ?? {}) as {
    url?: unknown;
    headers?: unknown;
    key?: unknown;
    deleteToken?: unknown;
  };
  ensure(
    typeof body.url === 'string' && typeof body.key === 'string' && typeof body.headers === 'object',
    `single-put-params answered without url, headers and key: ${describeAnswer(answer)}`,
  );
  const headers = (body.headers ?? {}) as Record<string, string>;
  const put = await putToStore({ url: body.url, headers }, testBytes(SIZE, 40));
  ensure(put.status === 200, `the store refused the signed PUT: ${describeStoreAnswer(put)}`);
  ensure(await context.store.exists(body.key), `nothing is stored at ${body.key} after the PUT`);
  return { key: body.key, deleteToken: deleteTokenOf(body), headers };
}

/**
 * Stores a few bytes as a multipart upload of one part, with `fields` added to the create body;
 * fails the rule unless complete answers the key and the object is then in the store.
 */
export async function finishMultipart(
  context: KitContext,
  fields: Record<string, unknown> = {},
): Promise<FinishedUpload> {
  const upload = await createUpload(context, SIZE, 'text/plain', undefined, fields);
  const signed = await signBatch(context, upload, [1]);
  const put = await putToStore(signed.get(1)!, testBytes(SIZE, 41));
  ensure(put.status === 200 && put.etag !== null, `the store refused the only part: ${describeStoreAnswer(put)}`);
  const answer = await context.backend.call('complete-multipart', {
    uploadId: upload.uploadId,
    query: { key: upload.key },
    body: { parts: [{ PartNumber: 1, ETag: put.etag }] },
    token: upload.token,
  });
  const body = (ensureOk(answer, 'complete-multipart') ?? {}) as { key?: unknown; deleteToken?: unknown };
  ensure(body.key === upload.key, `complete-multipart answered key ${String(body.key)}, not ${upload.key}`);
  ensure(await context.store.exists(upload.key), `nothing is stored at ${upload.key} after complete`);
  return { key: upload.key, deleteToken: deleteTokenOf(body), headers: {} };
}
