import type { BackendAnswer } from '../backend-client.js';
import type { KitContext } from '../kit-context.js';
import { ensure, ensureRefused, RuleNotApplicable } from '../rule-runner.js';
import { finishMultipart, finishSinglePut, type FinishedUpload } from '../small-uploads.js';

/** A name, a Cache-Control value and a tag key no endpoint's policy lists. */
const UNLISTED = 'ferry-conformance-unlisted';
const UNLISTED_CACHE_CONTROL = `no-transform, ${UNLISTED}`;
/** The value the kit stores under the declared metadata name. */
const VALUE = 'conformance-value-1';

/** Why the stored-metadata rules do not apply when the kit was not told a name the backend stores. */
export const NO_METADATA_NAME = 'no --metadata-name: the backend declares no stored metadata';

const single = (query: Record<string, string>) => ({ filename: 'a.txt', type: 'text/plain', size: '8', ...query });

/**
 * Per-file metadata. Every backend refuses a `Cache-Control` or tag outside its policy with 400
 * `metadata-not-allowed` (one that stores none refuses them all: a client that asked for them never
 * gets an object without them). With `--metadata-name`, the operator declares a user metadata
 * name the backend's policy allows: the kit then checks that it is stored with single and
 * multipart uploads (HeadObject), and that a name outside the policy is refused.
 */
export async function metadataRules(context: KitContext): Promise<void> {
  const { runner, backend, store, options } = context;
  const { partSize } = options;
  /** Fails unless every request is refused with 400 metadata-not-allowed and signs nothing. */
  const allRefused = async (query: Record<string, string>, fields: Record<string, unknown>, what: string) => {
    const answers: [string, BackendAnswer][] = [
      [`single-put-params with ${what}`, await backend.call('single-put-params', { query: single(query) })],
      [
        `create-multipart with ${what}`,
        await backend.call('create-multipart', {
          body: { filename: 'a.bin', type: 'text/plain', size: 8, partSize, ...fields },
        }),
      ],
    ];
    for (const [request, answer] of answers) {
      ensureRefused(answer, 'metadata-not-allowed', request);
      const body = (answer.body ?? {}) as { url?: unknown; uploadId?: unknown };
      ensure(body.url === undefined && body.uploadId === undefined, `${request} was refused, yet answered a URL`);
    }
  };
  const declared = (): string => {
    if (options.metadataName === undefined) throw new RuleNotApplicable(NO_METADATA_NAME);
    return options.metadataName;
  };
  const storedWith = async (upload: FinishedUpload, name: string) => {
    const metadata = await store.metadata(upload.key);
    ensure(metadata !== undefined, `nothing is stored at ${upload.key}`);
    const stored = metadata[name.toLowerCase()];
    ensure(stored === VALUE, `the object's metadata ${name.toLowerCase()} is ${String(stored)}, not ${VALUE}`);
  };

  await runner.check(
    'metadata/unlisted-refused',
    'A Cache-Control or a tag outside the policy is refused with 400 metadata-not-allowed; nothing is signed',
    async () => {
      await allRefused(
        { cacheControl: UNLISTED_CACHE_CONTROL },
        { cacheControl: UNLISTED_CACHE_CONTROL },
        'an unlisted Cache-Control',
      );
      await allRefused({ [`tags[${UNLISTED}]`]: 'x' }, { tags: { [UNLISTED]: 'x' } }, 'an unlisted tag');
    },
  );
  await runner.check(
    'metadata/name-refused',
    'User metadata with a name outside the policy is refused with 400 metadata-not-allowed; nothing is signed',
    async () => {
      declared();
      await allRefused(
        { [`metadata[${UNLISTED}]`]: 'x' },
        { metadata: { [UNLISTED]: 'x' } },
        'an unlisted metadata name',
      );
    },
  );
  await runner.check(
    'metadata/stored-single',
    'User metadata the policy allows is signed into a single PUT and stored with the object (HeadObject)',
    async () => {
      const name = declared();
      await storedWith(await finishSinglePut(context, { [`metadata[${name}]`]: VALUE }), name);
    },
  );
  await runner.check(
    'metadata/stored-multipart',
    'User metadata the policy allows, given at create, is stored with the completed object (HeadObject)',
    async () => {
      const name = declared();
      await storedWith(await finishMultipart(context, { metadata: { [name]: VALUE } }), name);
    },
  );
}
