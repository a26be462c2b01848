import type { RouteName } from '@ferry/core/protocol';
import type { RouteCall } from '../backend-client.js';
import { alteredToken, createUpload, discardUpload, type KitContext, type KitUpload } from '../kit-context.js';
import { ensure, ensureOk, ensureRefused } from '../rule-runner.js';

/** Every route that acts on an existing upload, and a valid call of it for `upload`. */
function uploadCalls(upload: KitUpload): [RouteName, RouteCall][] {
  const { uploadId, key } = upload;
  return [
    ['sign-parts', { uploadId, query: { key }, body: { key, partNumbers: [1] } }],
    ['sign-one-part', { uploadId, partNumber: 1, query: { key } }],
    ['list-parts', { uploadId, query: { key } }],
    ['complete-multipart', { uploadId, query: { key }, body: { parts: [{ PartNumber: 1, ETag: '"0"' }] } }],
    ['abort-multipart', { uploadId, query: { key } }],
  ];
}

/**
 * Upload tokens: no call after create works without the upload's own token, for its own key, from
 * its own caller; the token may travel in the `token` query parameter too.
 */
export async function bindingRules(context: KitContext): Promise<void> {
  const { runner, backend, store, options } = context;
  const created: KitUpload[] = [];
  // Each rule gets two fresh uploads, so that a backend which wrongly lets one rule's call abort
  // or complete an upload fails that rule alone.
  const uploads = async (): Promise<[KitUpload, KitUpload]> => {
    const pair: [KitUpload, KitUpload] = [await createUpload(context, 1000), await createUpload(context, 1000)];
    created.push(...pair);
    return pair;
  };
  /** Every upload route, called for `upload` as `call` says, must be refused with token-invalid. */
  const allRefused = async (upload: KitUpload, change: (call: RouteCall) => RouteCall, what: string) => {
    for (const [route, call] of uploadCalls(upload)) {
      ensureRefused(await backend.call(route, change(call)), 'token-invalid', `${route} ${what}`);
    }
    ensure(
      (await store.openUploads(upload.key)).includes(upload.uploadId),
      `after ${what}, the upload is no longer open`,
    );
  };

  await runner.check(
    'token/missing',
    'Every call after create without the upload token is refused (403 token-invalid)',
    async () => {
      const [upload] = await uploads();
      await allRefused(upload, (call) => call, 'without a token');
    },
  );
  await runner.check('token/altered', 'A token with one character changed is refused (403 token-invalid)', async () => {
    const [upload] = await uploads();
    await allRefused(upload, (call) => ({ ...call, token: alteredToken(upload.token) }), 'with an altered token');
  });
  await runner.check(
    'token/other-upload',
    "One upload's token cannot sign, list, complete or abort another upload (403 token-invalid)",
    async () => {
      const [upload, other] = await uploads();
      await allRefused(upload, (call) => ({ ...call, token: other.token }), "with another upload's token");
    },
  );
  await runner.check(
    'token/other-key',
    "An upload's token with another upload's key is refused (403 token-invalid)",
    async () => {
      const [upload, other] = await uploads();
      await allRefused(
        upload,
        (call) => ({
          ...call,
          token: upload.token,
          query: { key: other.key },
          ...(call.body ? { body: { ...call.body, key: other.key } } : {}),
        }),
        "with the upload's own token and id but another key",
      );
    },
  );
  if (options.otherCallerHeaders) {
    const otherCaller = options.otherCallerHeaders;
    await runner.check(
      'token/other-caller',
      "Another caller cannot use a caller's upload, even with its token (403 token-invalid)",
      async () => {
        const [upload] = await uploads();
        await allRefused(
          upload,
          (call) => ({ ...call, token: upload.token, headers: otherCaller }),
          'from another caller',
        );
      },
    );
  }
  await runner.check('token/query', 'The token is accepted as a `token` query parameter too', async () => {
    const [upload] = await uploads();
    const answer = await backend.call('list-parts', {
      uploadId: upload.uploadId,
      query: { key: upload.key, token: upload.token },
    });
    ensure(Array.isArray(ensureOk(answer, 'list-parts with ?token=')), 'list-parts with ?token= answered no array');
  });
  for (const upload of created) await discardUpload(context, upload);
}
