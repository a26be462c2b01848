import { createHash } from 'node:crypto';
import { testBytes } from '../bytes.js';
import {
  createUpload,
  describeStoreAnswer,
  discardUpload,
  partSizeOf,
  putToStore,
  signBatch,
  type KitContext,
  type KitUpload,
  type Presigned,
} from '../kit-context.js';
import { describeAnswer, ensure, ensureOk } from '../rule-runner.js';

const TYPE = 'application/zip';
/** The most part numbers the kit asks for in one batch (the protocol allows 1,000). */
const BATCH = 1000;

const partBytes = (upload: KitUpload, partNumber: number) => testBytes(partSizeOf(upload, partNumber), 10 + partNumber);

/**
 * A multipart upload of one part more than the store's ListParts page: batch and one-part
 * signing, parts size-locked, list-parts across the store's pages, and complete stored byte for
 * byte.
 */
export async function multipartRules(context: KitContext): Promise<void> {
  const { runner, backend, store, options } = context;
  let upload: KitUpload | undefined;
  const signed = new Map<number, Presigned>();
  const etags = new Map<number, string>();

  await runner.check(
    'multipart/sign-parts',
    'sign-parts answers one URL per asked part, valid for a while yet',
    async () => {
      upload = await createUpload(context, options.partsPageSize * options.partSize + 1000, TYPE);
      for (let first = 1; first <= upload.count; first += BATCH) {
        const numbers = Array.from({ length: Math.min(BATCH, upload.count - first + 1) }, (_, index) => first + index);
        for (const [partNumber, request] of await signBatch(context, upload, numbers)) signed.set(partNumber, request);
      }
      ensure(signed.size === upload.count, `${signed.size} URLs for ${upload.count} parts`);
      for (const { url } of signed.values()) ensure(/^https?:\/\//.test(url), `a part URL is not absolute: ${url}`);
    },
  );

  const refusedPart = async (size: number) => {
    ensure(upload !== undefined && signed.has(1), 'needs the upload and part URLs of multipart/sign-parts');
    const answer = await putToStore(signed.get(1)!, testBytes(size, 99));
    ensure(
      answer.status >= 400,
      `the store accepted ${size} bytes for part 1 of ${upload.partSize} (${describeStoreAnswer(answer)})`,
    );
    const page = await store.firstPartsPage(upload.key, upload.uploadId);
    ensure(!page.partNumbers.includes(1), `the store refused ${size} bytes, yet holds a part 1`);
  };
  await runner.check(
    'multipart/part-bigger-body',
    "A part's URL signs its exact Content-Length: the store refuses a body one byte longer",
    async () => refusedPart(options.partSize + 1),
  );
  await runner.check(
    'multipart/part-smaller-body',
    "A part's URL signs its exact Content-Length: the store refuses a body one byte shorter",
    async () => refusedPart(options.partSize - 1),
  );

  await runner.check(
    'multipart/sign-one-part',
    "sign-one-part (Uppy Companion's route) signs a part the store accepts",
    async () => {
      ensure(upload !== undefined, 'needs the upload of multipart/sign-parts');
      const last = upload.count;
      const answer = await backend.call('sign-one-part', {
        uploadId: upload.uploadId,
        partNumber: last,
        query: { key: upload.key },
        token: upload.token,
      });
      const body = (ensureOk(answer, 'sign-one-part') ?? {}) as { url?: unknown; headers?: unknown };
      ensure(typeof body.url === 'string', `sign-one-part answered no url: ${describeAnswer(answer)}`);
      const stored = await putToStore(
        { url: body.url, headers: (body.headers ?? {}) as Record<string, string> },
        partBytes(upload, last),
      );
      ensure(
        stored.status === 200 && stored.etag !== null,
        `the store refused the part: ${describeStoreAnswer(stored)}`,
      );
      etags.set(last, stored.etag);
    },
  );

  await runner.check(
    'multipart/list-parts-paging',
    `list-parts answers every stored part, across the store's pages (${options.partsPageSize + 1} parts, pages of ${options.partsPageSize})`,
    async () => {
      ensure(upload !== undefined && etags.size === 1, 'needs the upload of multipart/sign-parts and its last part');
      for (let partNumber = 1; partNumber < upload.count; partNumber++) {
        const answer = await putToStore(signed.get(partNumber)!, partBytes(upload, partNumber));
        ensure(
          answer.status === 200 && answer.etag !== null,
          `the store refused part ${partNumber}: ${describeStoreAnswer(answer)}`,
        );
        etags.set(partNumber, answer.etag);
      }
      const page = await store.firstPartsPage(upload.key, upload.uploadId);
      ensure(
        page.truncated,
        `the store answered all ${page.partNumbers.length} parts in one ListParts page, so paging went untested: give --parts-page-size the store's page size`,
      );
      const answer = await backend.call('list-parts', {
        uploadId: upload.uploadId,
        query: { key: upload.key },
        token: upload.token,
      });
      const listed = ensureOk(answer, 'list-parts');
      ensure(Array.isArray(listed), `list-parts answered no array: ${describeAnswer(answer)}`);
      const parts = listed as { PartNumber?: unknown; Size?: unknown; ETag?: unknown }[];
      ensure(parts.length === upload.count, `list-parts answered ${parts.length} of the ${upload.count} stored parts`);
      parts.forEach((part, index) => {
        const partNumber = index + 1;
        ensure(part.PartNumber === partNumber, `entry ${index} is part ${String(part.PartNumber)}, not ${partNumber}`);
        ensure(part.Size === partSizeOf(upload!, partNumber), `part ${partNumber} has Size ${String(part.Size)}`);
        ensure(
          part.ETag === etags.get(partNumber),
          `part ${partNumber} has ETag ${String(part.ETag)}, the store sent ${etags.get(partNumber)}`,
        );
      });
    },
  );

  await runner.check(
    'multipart/complete-round-trip',
    'complete stores the object byte for byte (SHA-256), typed as at create, and leaves no upload open',
    async () => {
      ensure(upload !== undefined && etags.size === upload.count, 'needs every part of multipart/list-parts-paging');
      const parts = Array.from({ length: upload.count }, (_, index) => ({
        PartNumber: index + 1,
        ETag: etags.get(index + 1)!,
      }));
      const answer = await backend.call('complete-multipart', {
        uploadId: upload.uploadId,
        query: { key: upload.key },
        body: { parts },
        token: upload.token,
      });
      const body = (ensureOk(answer, 'complete-multipart') ?? {}) as { key?: unknown };
      ensure(body.key === upload.key, `complete-multipart answered key ${String(body.key)}, not ${upload.key}`);
      const expected = createHash('sha256');
      for (let partNumber = 1; partNumber <= upload.count; partNumber++) expected.update(partBytes(upload, partNumber));
      const stored = await store.object(upload.key);
      ensure(stored !== undefined, `nothing is stored at ${upload.key}`);
      ensure(
        stored.sha256 === expected.digest('hex'),
        `the stored object differs from the parts sent (${stored.size} of ${upload.size} bytes)`,
      );
      ensure(
        stored.contentType === TYPE,
        `the object's Content-Type is ${stored.contentType}, not ${TYPE} as given at create`,
      );
      const open = await store.openUploads(upload.key);
      ensure(open.length === 0, `the store still lists ${open.length} open upload(s) for ${upload.key}`);
    },
  );
  // A run that stopped part-way leaves no parts behind.
  if (upload && !(await store.exists(upload.key))) await discardUpload(context, upload);
}
