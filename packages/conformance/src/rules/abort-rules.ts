import { testBytes } from '../bytes.js';
import {
  createUpload,
  describeStoreAnswer,
  putToStore,
  signBatch,
  type KitContext,
  type KitUpload,
} from '../kit-context.js';
import { ensure, ensureOk, ensureRefused } from '../rule-runner.js';

/** Abort deletes the upload on the store; the backend then answers it as gone (404 not-found). */
export async function abortRules(context: KitContext): Promise<void> {
  const { runner, backend, store } = context;
  let upload: KitUpload | undefined;
  await runner.check(
    'abort/store-lists-none',
    'abort answers {} and the store then lists no such multipart upload (ListMultipartUploads)',
    async () => {
      upload = await createUpload(context, 1000);
      const signed = await signBatch(context, upload, [1]);
      const put = await putToStore(signed.get(1)!, testBytes(1000, 5));
      ensure(put.status === 200, `the store refused the upload's only part: ${describeStoreAnswer(put)}`);
      ensure((await store.openUploads(upload.key)).includes(upload.uploadId), 'the store lists no upload after create');
      const answer = await backend.call('abort-multipart', {
        uploadId: upload.uploadId,
        query: { key: upload.key },
        token: upload.token,
      });
      const body = ensureOk(answer, 'abort-multipart');
      ensure(
        typeof body === 'object' && body !== null && Object.keys(body).length === 0,
        'abort-multipart answered something other than {}',
      );
      const open = await store.openUploads(upload.key);
      ensure(open.length === 0, `after abort the store still lists ${open.length} upload(s) for ${upload.key}`);
    },
  );
  await runner.check('abort/then-not-found', 'list-parts of an aborted upload answers 404 not-found', async () => {
    ensure(upload !== undefined, 'needs the upload of abort/store-lists-none');
    const answer = await backend.call('list-parts', {
      uploadId: upload.uploadId,
      query: { key: upload.key },
      token: upload.token,
    });
    ensureRefused(answer, 'not-found', 'list-parts after abort');
  });
}
