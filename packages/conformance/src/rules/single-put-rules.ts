import { sha256, testBytes } from '../bytes.js';
import { describeStoreAnswer, putToStore, type KitContext, type Presigned } from '../kit-context.js';
import { describeAnswer, ensure, ensureOk } from '../rule-runner.js';

const SIZE = 100 * 1024;
const TYPE = 'text/plain';

/**
 * The single PUT: its URL signs the exact `Content-Type` and `Content-Length`, so the store refuses
 * another type, a longer and a shorter body (storing nothing), and stores the exact bytes.
 */
export async function singlePutRules(context: KitContext): Promise<void> {
  const { runner, backend, store } = context;
  let signed: (Presigned & { key: string }) | undefined;
  const params = async (): Promise<Presigned & { key: string }> => {
    if (signed) return signed;
    const answer = await backend.call('single-put-params', {
      query: { filename: 'conformance.txt', type: TYPE, size: String(SIZE) },
    });
    const body = (ensureOk(answer, 'single-put-params') ?? {}) as { url?: unknown; headers?: unknown; key?: unknown };
    ensure(
      typeof body.url === 'string' && typeof body.key === 'string' && typeof body.headers === 'object',
      `single-put-params answered without url, headers and key: ${describeAnswer(answer)}`,
    );
    signed = { url: body.url, key: body.key, headers: (body.headers ?? {}) as Record<string, string> };
    return signed;
  };
  const data = testBytes(SIZE, 1);

  const refused = async (headers: Record<string, string>, body: Uint8Array<ArrayBuffer>, what: string) => {
    const { url, key } = await params();
    const answer = await putToStore({ url, headers }, body);
    ensure(
      answer.status >= 400,
      `the store accepted ${what} (${describeStoreAnswer(answer)}): the URL does not sign it`,
    );
    ensure(!(await store.exists(key)), `the store refused ${what}, but an object exists at ${key}`);
  };

  await runner.check(
    'single-put/content-type',
    "A single PUT's URL signs Content-Type: the store refuses the PUT with another type",
    async () => {
      const { headers } = await params();
      ensure(headers['Content-Type'] === TYPE, `headers.Content-Type is ${headers['Content-Type']}, not ${TYPE}`);
      await refused({ ...headers, 'Content-Type': 'application/octet-stream' }, data, 'the PUT with another type');
    },
  );
  await runner.check(
    'single-put/bigger-body',
    "A single PUT's URL signs the exact Content-Length: the store refuses a body one byte longer",
    async () => refused((await params()).headers, testBytes(SIZE + 1, 1), `a body of ${SIZE + 1} bytes`),
  );
  await runner.check(
    'single-put/smaller-body',
    "A single PUT's URL signs the exact Content-Length: the store refuses a body one byte shorter",
    async () => refused((await params()).headers, testBytes(SIZE - 1, 1), `a body of ${SIZE - 1} bytes`),
  );
  await runner.check(
    'single-put/round-trip',
    'A single PUT stores the bytes byte for byte (SHA-256), with the Content-Type asked for',
    async () => {
      const request = await params();
      const answer = await putToStore(request, data);
      ensure(answer.status === 200, `the store refused the signed PUT itself: ${describeStoreAnswer(answer)}`);
      const stored = await store.object(request.key);
      ensure(stored !== undefined, `nothing is stored at ${request.key}`);
      ensure(stored.sha256 === sha256(data), `the stored object differs from the bytes sent (${stored.size} bytes)`);
      ensure(stored.contentType === TYPE, `the object's Content-Type is ${stored.contentType}, not ${TYPE}`);
    },
  );
}
