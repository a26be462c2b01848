import type { WireErrorCode } from '@ferry/core/protocol';
import type { BackendAnswer, RouteCall } from '../backend-client.js';
import { alteredToken, type KitContext } from '../kit-context.js';
import { ensure, ensureOk, ensureRefused, RuleNotApplicable } from '../rule-runner.js';
import { finishMultipart, finishSinglePut, type FinishedUpload } from '../small-uploads.js';

/** Why the delete rules do not apply to a backend that answers 404 for `/objects`. */
export const NO_DELETE_ROUTE = 'no delete route';

/** A key no upload of the kit's has: the probe for the delete route deletes nothing. */
const PROBE_KEY = 'ferry-conformance/no-such-object';

/** One rule about deletes. */
interface DeleteRule {
  readonly id: string;
  readonly title: string;
  readonly check: () => Promise<void>;
}

/**
 * The optional delete route (`DELETE /objects?key`): a finished upload's own delete token deletes
 * its key; another key, an altered token, another caller and no token at all are refused with 403
 * and the object stays. A backend that answers 404 for `/objects` has no deletes: the rules are
 * then n/a, not failed. The kit's caller must be one the application itself does not allow to
 * delete (Ferry: no `authorizeDelete` hook, or one that refuses this caller).
 * Resolves to whether the backend has the route.
 */
export async function deleteRules(context: KitContext): Promise<boolean> {
  const { runner, backend, store, options } = context;
  const uploads: FinishedUpload[] = [];
  const finished = async (multipart = false) => {
    const upload = multipart ? await finishMultipart(context) : await finishSinglePut(context);
    uploads.push(upload);
    return upload;
  };
  const tokenOf = (upload: FinishedUpload): string => {
    if (upload.deleteToken === undefined) throw new RuleNotApplicable('the backend issues no delete tokens');
    return upload.deleteToken;
  };
  const remove = (key: string, call: RouteCall = {}) => backend.call('delete-object', { ...call, query: { key } });
  /** Fails unless `answer` refuses with 403 `code` and the object at `key` is still stored. */
  const refusedAndKept = async (answer: BackendAnswer, code: WireErrorCode, key: string, what: string) => {
    ensureRefused(answer, code, what);
    ensure(await store.exists(key), `${what} was refused, but the object at ${key} is gone`);
  };
  const deletedByOwnToken = async (upload: FinishedUpload) => {
    const answer = await remove(upload.key, { deleteToken: tokenOf(upload) });
    const body = (ensureOk(answer, 'delete-object with the upload’s own delete token') ?? {}) as { key?: unknown };
    ensure(body.key === upload.key, `delete-object answered key ${String(body.key)}, not ${upload.key}`);
    ensure(!(await store.exists(upload.key)), `delete-object answered 200, but ${upload.key} is still stored`);
  };

  const rules: DeleteRule[] = [
    {
      id: 'delete/own-token-single',
      title: "A single PUT's own delete token deletes its key: 200 { key }, and the store holds no object there",
      check: async () => deletedByOwnToken(await finished()),
    },
    {
      id: 'delete/own-token-multipart',
      title:
        "A multipart upload's own delete token (from complete) deletes its key, and the store holds no object there",
      check: async () => deletedByOwnToken(await finished(true)),
    },
    {
      id: 'delete/other-key',
      title: "One upload's delete token cannot delete another key (403 token-invalid); that object stays",
      check: async () => {
        const [own, other] = [await finished(), await finished()];
        const answer = await remove(other.key, { deleteToken: tokenOf(own) });
        await refusedAndKept(answer, 'token-invalid', other.key, "delete-object with another key's delete token");
      },
    },
    {
      id: 'delete/altered-token',
      title: 'A delete token with one character changed is refused (403 token-invalid); the object stays',
      check: async () => {
        const upload = await finished();
        const answer = await remove(upload.key, { deleteToken: alteredToken(tokenOf(upload)) });
        await refusedAndKept(answer, 'token-invalid', upload.key, 'delete-object with an altered delete token');
      },
    },
    ...(options.otherCallerHeaders
      ? [
          {
            id: 'delete/other-caller',
            title: "Another caller cannot delete with a caller's delete token (403 token-invalid); the object stays",
            check: async () => {
              const upload = await finished();
              const headers = { ...options.otherCallerHeaders };
              const answer = await remove(upload.key, { deleteToken: tokenOf(upload), headers });
              await refusedAndKept(answer, 'token-invalid', upload.key, 'delete-object from another caller');
            },
          },
        ]
      : []),
    {
      id: 'delete/no-token',
      title:
        'A delete without a delete token, that the application does not allow, is refused (403 delete-not-allowed)',
      check: async () => {
        const upload = await finished();
        await refusedAndKept(
          await remove(upload.key),
          'delete-not-allowed',
          upload.key,
          'delete-object without a token',
        );
      },
    },
  ];

  let probe: BackendAnswer | undefined;
  try {
    probe = await remove(PROBE_KEY);
  } catch {
    // Unreachable: each rule then fails with the reason.
  }
  if (probe?.status === 404) {
    for (const { id, title } of rules) runner.notApplicable(id, title, NO_DELETE_ROUTE);
    return false;
  }
  for (const { id, title, check } of rules) await runner.check(id, title, check);
  // What the rules left in the store goes, where the backend lets the kit delete it.
  for (const { key, deleteToken } of uploads) {
    if (deleteToken !== undefined && (await store.exists(key)))
      await remove(key, { deleteToken }).catch(() => undefined);
  }
  return true;
}
