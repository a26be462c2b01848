import type { RouteName, WireErrorCode } from '@ferry/core/protocol';
import type { BackendAnswer, RouteCall } from '../backend-client.js';
import { createUpload, discardUpload, type KitContext, type KitUpload } from '../kit-context.js';
import { ensure, ensureRefused } from '../rule-runner.js';

/** One refusal the protocol prescribes: the requests that must get it, and the code they get. */
interface Refusal {
  readonly id: string;
  readonly title: string;
  readonly code: WireErrorCode;
  /** Each request: what it is (for the reason), and how to send it; `upload` creates the kit's upload on first use. */
  readonly requests: (upload: () => Promise<KitUpload>) => Promise<BadRequest[]>;
  /** For refusals of paths and methods that are no route: the refusal schema to check the body against. */
  readonly schema?: string;
}

/** What a request is (for the reason), the route (or `raw`: a path that is no route), and the call. */
type BadRequest = [string, RouteName | 'raw', RouteCall & { method?: string; path?: string }];

const params = (query: Record<string, string>): RouteCall => ({ query });
const create = (body: unknown): RouteCall => ({ body });

function refusals(context: KitContext): Refusal[] {
  const { profile, options } = context;
  const { partSize } = options;
  return [
    {
      id: 'error/no-route',
      title: 'A path that is no route answers 404 not-found',
      code: 'not-found',
      schema: 'NotFoundError',
      requests: async () => [['GET /no-such-route', 'raw', { method: 'GET', path: '/no-such-route' }]],
    },
    {
      id: 'error/wrong-method',
      title: "A route's path with another method answers 405 method-not-allowed",
      code: 'method-not-allowed',
      schema: 'MethodNotAllowedError',
      requests: async () => [
        ['PUT /multipart', 'raw', { method: 'PUT', path: '/multipart' }],
        ['POST /params', 'raw', { method: 'POST', path: '/params' }],
      ],
    },
    {
      id: 'error/params-fields',
      title: 'single-put-params without a file name, or with a bad size or type, answers 400 bad-request',
      code: 'bad-request',
      requests: async () => [
        ['no filename', 'single-put-params', params({ size: '10' })],
        ['no size', 'single-put-params', params({ filename: 'a.txt' })],
        ['size -1', 'single-put-params', params({ filename: 'a.txt', size: '-1' })],
        ['size 1.5', 'single-put-params', params({ filename: 'a.txt', size: '1.5' })],
        ['size abc', 'single-put-params', params({ filename: 'a.txt', size: 'abc' })],
        ['type "not a type"', 'single-put-params', params({ filename: 'a.txt', size: '10', type: 'not a type' })],
      ],
    },
    {
      id: 'error/params-too-large',
      title: `single-put-params over the store's single-PUT limit (${profile.maxSinglePut} bytes) answers 413 too-large`,
      code: 'too-large',
      requests: async () => [
        ['one byte over', 'single-put-params', params({ filename: 'a.bin', size: String(profile.maxSinglePut + 1) })],
      ],
    },
    {
      id: 'error/create-body',
      title: 'create-multipart with a body that is not a JSON object answers 400 bad-request',
      code: 'bad-request',
      requests: async () => [
        ['malformed JSON', 'create-multipart', create('{"filename":')],
        ['a JSON array', 'create-multipart', create('[]')],
      ],
    },
    {
      id: 'error/create-fields',
      title: 'create-multipart without a file name, or with a bad size, answers 400 bad-request',
      code: 'bad-request',
      requests: async () => [
        ['no filename', 'create-multipart', create({ size: 10, partSize })],
        ['size 0', 'create-multipart', create({ filename: 'a', size: 0, partSize })],
        ['size "10"', 'create-multipart', create({ filename: 'a', size: '10x', partSize })],
        ['no partSize', 'create-multipart', create({ filename: 'a', size: 10 })],
      ],
    },
    {
      id: 'error/create-part-limits',
      title: `create-multipart with parts outside ${profile.name}'s limits answers 400 bad-request`,
      code: 'bad-request',
      requests: async () => [
        [
          `partSize ${profile.minPartSize - 1} (under the smallest part)`,
          'create-multipart',
          create({ filename: 'a', size: 10 * profile.minPartSize, partSize: profile.minPartSize - 1 }),
        ],
        [
          `partSize ${profile.maxPartSize + 1} (over the largest part)`,
          'create-multipart',
          create({ filename: 'a', size: profile.maxPartSize + 2, partSize: profile.maxPartSize + 1 }),
        ],
        [
          `${profile.maxParts + 1} parts`,
          'create-multipart',
          create({ filename: 'a', size: partSize * profile.maxParts + 1, partSize }),
        ],
      ],
    },
    {
      id: 'error/body-too-large',
      title: 'A JSON body over 1 MiB answers 413 too-large',
      code: 'too-large',
      requests: async () => [
        [
          'create-multipart with 1.5 MiB of metadata',
          'create-multipart',
          create({ filename: 'a', size: 10, partSize, metadata: { note: 'x'.repeat(1536 * 1024) } }),
        ],
      ],
    },
    {
      id: 'error/part-numbers',
      title: 'Part numbers outside the plan, or repeated, answer 400 bad-request',
      code: 'bad-request',
      requests: async (upload) => {
        const { uploadId, key, token, count } = await upload();
        return [
          ['sign-parts part 0', 'sign-parts', { uploadId, token, query: { key }, body: { key, partNumbers: [0] } }],
          [
            `sign-parts part ${count + 1} of ${count}`,
            'sign-parts',
            { uploadId, token, query: { key }, body: { key, partNumbers: [count + 1] } },
          ],
          ['sign-parts [1, 1]', 'sign-parts', { uploadId, token, query: { key }, body: { key, partNumbers: [1, 1] } }],
          ['sign-parts []', 'sign-parts', { uploadId, token, query: { key }, body: { key, partNumbers: [] } }],
          [
            `sign-one-part ${count + 1} of ${count}`,
            'sign-one-part',
            { uploadId, token, partNumber: count + 1, query: { key } },
          ],
        ];
      },
    },
    {
      id: 'error/complete-parts',
      title: 'complete-multipart without every part of the plan, in order, answers 400 bad-request',
      code: 'bad-request',
      requests: async (upload) => {
        const { uploadId, key, token } = await upload();
        return [
          [
            'one part of two',
            'complete-multipart',
            { uploadId, token, query: { key }, body: { parts: [{ PartNumber: 1, ETag: '"a"' }] } },
          ],
          [
            'parts 2, 1',
            'complete-multipart',
            {
              uploadId,
              token,
              query: { key },
              body: {
                parts: [
                  { PartNumber: 2, ETag: '"b"' },
                  { PartNumber: 1, ETag: '"a"' },
                ],
              },
            },
          ],
          ['no parts', 'complete-multipart', { uploadId, token, query: { key }, body: {} }],
        ];
      },
    },
    {
      id: 'error/missing-key',
      title: 'list-parts without the key answers 400 bad-request',
      code: 'bad-request',
      requests: async (upload) => {
        const { uploadId, token } = await upload();
        return [['no key', 'list-parts', { uploadId, token }]];
      },
    },
  ];
}

/** Bad input gets the protocol's error code and status, in a `{ code, message }` body. */
export async function badInputRules(context: KitContext): Promise<void> {
  const { runner, backend } = context;
  let upload: KitUpload | undefined;
  const ready = async () => (upload ??= await createUpload(context, context.options.partSize + 1));
  for (const refusal of refusals(context)) {
    await runner.check(refusal.id, refusal.title, async () => {
      for (const [what, route, call] of await refusal.requests(ready)) {
        const answer: BackendAnswer =
          route === 'raw' ? await backend.send(call.method!, call.path!, call) : await backend.call(route, call);
        ensureRefused(answer, refusal.code, what);
        if (refusal.schema) {
          const problems = backend.validator.refusalProblems(refusal.schema, answer.body);
          ensure(problems.length === 0, `${what}: ${problems.join('; ')}`);
        }
      }
    });
  }
  if (upload) await discardUpload(context, upload);
}
