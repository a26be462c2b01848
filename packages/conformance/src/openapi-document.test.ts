import {
  DELETE_TOKEN_HEADER,
  OBJECT_ROUTES,
  ROUTES,
  STORE_PROFILES,
  UPLOAD_TOKEN_HEADER,
  WIRE_ERROR_STATUS,
  WireErrorCode,
} from '@ferry/core/protocol';
import { compileErrors, validate } from '@readme/openapi-parser';
import { COMPANION_ROUTES, createFerryHandler, type FerryHandler } from '@ferry/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerValidator } from './answer-validator.js';
import { readOpenApiDocument } from './openapi-document.js';
import { startConformanceStore, type ConformanceStore } from './test-support/conformance-store.js';
import { localStoreProvider } from './test-support/ferry-server-backend.js';

const document = readOpenApiDocument();
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
}

/** Every operation in the document: its path, method and operation. */
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.filter((method) => method in item).map((method) => ({ path, method, operation: item[method] as Operation })),
);

/**
 * Every table of routes the server dispatches, by the table's name. A route added to one of them
 * must be documented, and the document may have no other operation: a further table (another
 * mode's routes, mounted elsewhere) is one more entry here. Companion mode's paths are below the
 * base path too (`/s3/...`); the handler here has the mode on.
 */
const SERVED_ROUTE_TABLES: Record<string, Readonly<Record<string, { method: string; path: string }>>> = {
  ROUTES,
  OBJECT_ROUTES,
  COMPANION_ROUTES,
};

/** Every route the server dispatches: its table, its name (the document's `operationId`), method and path. */
const servedRoutes = Object.entries(SERVED_ROUTE_TABLES).flatMap(([table, routes]) =>
  Object.entries(routes).map(([name, { method, path }]) => ({ table, name, method, path })),
);

/** The routes called before any upload token exists. */
const TOKENLESS = ['single-put-params', 'create-multipart', 'companion-params', 'companion-create-multipart'];

/** The routes that may ask to store metadata, and so may refuse it. */
const METADATA_ASKED = ['single-put-params', 'create-multipart'];

/** Whether `operationId` is one of Companion mode's routes. */
const isCompanion = (operationId: string) => Object.hasOwn(COMPANION_ROUTES, operationId);

/** A route's path as OpenAPI writes it: `/multipart/{uploadId}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** A value for each path parameter, to call a documented path. */
const PATH_VALUES: Record<string, string> = { uploadId: 'upload-1', partNumber: '1' };

let store: ConformanceStore;
let handler: FerryHandler;

beforeAll(async () => {
  store = await startConformanceStore();
  handler = createFerryHandler({
    provider: localStoreProvider(store.store),
    secret: 'document-secret-document-secret-document',
    objectMetadata: { metadata: ['album'] },
    companion: true,
    onError: () => undefined,
  });
});

afterAll(async () => {
  await store.close();
});

/** What the real server answers `method` on `path` (parameters filled in), with no token or body. */
async function serverAnswer(method: string, path: string): Promise<{ status: number; code: unknown }> {
  const url = `http://server.test${path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? 'x')}`;
  const response = await handler(new Request(url, { method: method.toUpperCase() }));
  return { status: response.status, code: ((await response.json()) as { code?: unknown }).code };
}

/** The wire codes the document accepts as `route`'s refusal with `status`, in `WireErrorCode` order. */
function acceptedCodes(validator: AnswerValidator, route: string, status: number): string[] {
  if (validator.problems(route, status, {}).some((problem) => problem.startsWith(`HTTP ${status} is not`))) return [];
  return Object.values(WireErrorCode).filter(
    (code) => validator.problems(route, status, { code, message: 'm' }).length === 0,
  );
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect((document as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('has every route the server dispatches (every table), and the server dispatches each of them', async () => {
    expect(new Set(servedRoutes.map(({ name }) => name)).size, 'two tables name the same route').toBe(
      servedRoutes.length,
    );
    expect(servedRoutes.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['delete-object', 'create-multipart', 'companion-sign-batch']),
    );
    for (const { table, name, method, path } of servedRoutes) {
      const documented = document.paths[openApiPath(path)]?.[method.toLowerCase()] as Operation | undefined;
      expect(documented?.operationId, `${method} ${path} (${table} ${name}) is not in the document`).toBe(name);
      // The server answers it as a route (a refusal of the empty request), not as "no such route".
      const { status } = await serverAnswer(method, openApiPath(path));
      expect([404, 405], `the server does not dispatch ${name}`).not.toContain(status);
    }
  });

  it('has no operation that is not a route of the server, which answers 405 to every other method', async () => {
    for (const { path, method, operation } of operations) {
      const route = servedRoutes.find(({ name }) => name === operation.operationId);
      expect(route, `${operation.operationId} is in no table of served routes`).toBeDefined();
      expect([openApiPath(route!.path), route!.method.toLowerCase()]).toEqual([path, method]);
    }
    expect(operations.length).toBe(servedRoutes.length);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS.filter((name) => !(name in item))) {
        expect(await serverAnswer(method, path), `${method} ${path}`).toEqual({
          status: 405,
          code: 'method-not-allowed',
        });
      }
    }
  });

  it('lists exactly the wire error codes, each with its status', () => {
    const errorCode = document.components.schemas['ErrorCode'] as { enum: string[]; 'x-ferry-status': unknown };
    expect(errorCode.enum).toEqual(Object.values(WireErrorCode));
    expect(errorCode['x-ferry-status']).toEqual(WIRE_ERROR_STATUS);
  });

  it('answers each refusal with a code of its status, never a code of another status', () => {
    const validator = new AnswerValidator(document);
    const codes = Object.keys(WIRE_ERROR_STATUS) as WireErrorCode[];
    for (const { operation } of operations) {
      for (const status of Object.keys(operation.responses).map(Number)) {
        if (status < 400) continue;
        const accepted = acceptedCodes(validator, operation.operationId, status);
        expect(accepted, `${operation.operationId} answers ${status} with no code`).not.toEqual([]);
        for (const code of codes.filter((code) => WIRE_ERROR_STATUS[code] !== status)) {
          expect(
            validator.problems(operation.operationId, status, { code, message: 'm' }),
            `${operation.operationId} ${status} ${code}`,
          ).not.toEqual([]);
        }
      }
    }
  });

  it('gives metadata-not-allowed, delete-not-allowed and token-invalid to exactly the routes that answer them', () => {
    const validator = new AnswerValidator(document);
    for (const { operation } of operations) {
      const id = operation.operationId;
      const refusals400 = acceptedCodes(validator, id, 400);
      expect(refusals400, id).toEqual(
        METADATA_ASKED.includes(id) ? ['bad-request', 'metadata-not-allowed'] : ['bad-request'],
      );
      const refusals403 = acceptedCodes(validator, id, 403);
      if (id === 'delete-object') expect(refusals403).toEqual(['token-invalid', 'delete-not-allowed']);
      else expect(refusals403, id).toEqual(TOKENLESS.includes(id) ? [] : ['token-invalid']);
    }
  });

  it("fits the server's answers about metadata and deletes: deleteToken, a metadata refusal, a delete refusal", async () => {
    const validator = new AnswerValidator(document);
    const answer = async (path: string, init?: RequestInit) => {
      const response = await handler(new Request(`http://server.test${path}`, init));
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const params = await answer('/params?filename=a.txt&type=text/plain&size=3&metadata[album]=summer');
    expect(params.status).toBe(200);
    expect(params.body).toMatchObject({
      headers: { 'x-amz-meta-album': 'summer' },
      deleteToken: expect.any(String) as unknown,
    });
    expect(validator.problems('single-put-params', 200, params.body)).toEqual([]);
    expect(validator.problems('single-put-params', 200, { ...params.body, deleteToken: '' })).not.toEqual([]);
    const refused = await answer('/params?filename=a.txt&size=3&metadata[owner]=mallory');
    expect(refused).toMatchObject({ status: 400, body: { code: 'metadata-not-allowed' } });
    expect(validator.problems('single-put-params', 400, refused.body)).toEqual([]);
    const key = params.body['key'] as string;
    const noToken = await answer(`/objects?key=${encodeURIComponent(key)}`, { method: 'DELETE' });
    expect(noToken).toMatchObject({ status: 403, body: { code: 'delete-not-allowed' } });
    expect(validator.problems('delete-object', 403, noToken.body)).toEqual([]);
    const deleted = await answer(`/objects?key=${encodeURIComponent(key)}`, {
      method: 'DELETE',
      headers: { [DELETE_TOKEN_HEADER]: params.body['deleteToken'] as string },
    });
    expect(deleted).toEqual({ status: 200, body: { key } });
    expect(validator.problems('delete-object', 200, deleted.body)).toEqual([]);
  });

  it("fits Companion mode's answers as Uppy gets them, through the real store, and its refusals", async () => {
    const validator = new AnswerValidator(document);
    const answer = async (method: string, path: string, body?: unknown) => {
      const init = body === undefined ? { method } : { method, body: JSON.stringify(body) };
      const response = await handler(new Request(`http://server.test/s3${path}`, init));
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const expectFits = (route: string, got: { status: number; body: unknown }) =>
      expect(validator.problems(route, got.status, got.body), `${route} ${got.status}`).toEqual([]);

    const params = await answer('GET', '/params?filename=a.txt&type=text/plain&metadata[album]=summer');
    expect(params).toMatchObject({ status: 200, body: { method: 'POST', fields: expect.any(Object) as unknown } });
    expectFits('companion-params', params);
    expect(validator.problems('companion-params', 200, { ...params.body, method: 'PUT' })).not.toEqual([]);

    const created = await answer('POST', '/multipart', { filename: 'b.bin', type: 'application/octet-stream' });
    expectFits('companion-create-multipart', created);
    const key = created.body['key'] as string;
    const upload = `/multipart/${encodeURIComponent(created.body['uploadId'] as string)}`;
    const keyQuery = `key=${encodeURIComponent(key)}`;
    const one = await answer('GET', `${upload}/1?${keyQuery}`);
    expectFits('companion-sign-part', one);
    const batch = await answer('GET', `${upload}/batch?${keyQuery}&partNumbers=1,2`);
    expectFits('companion-sign-batch', batch);
    expect(Object.keys(batch.body['presignedUrls'] as object)).toEqual(['1', '2']);
    const bytes = new Uint8Array(1024).fill(7);
    const put = await fetch(one.body['url'] as string, { method: 'PUT', body: bytes });
    expect(put.status).toBe(200);
    const listed = await answer('GET', `${upload}?${keyQuery}`);
    expectFits('companion-list-parts', listed);
    expect(listed.body).toEqual([{ PartNumber: 1, Size: 1024, ETag: put.headers.get('etag') }]);
    const completed = await answer('POST', `${upload}/complete?${keyQuery}`, {
      parts: [{ PartNumber: 1, ETag: put.headers.get('etag') }],
    });
    expect(completed).toEqual({ status: 200, body: { location: expect.any(String) as unknown, key } });
    expectFits('companion-complete-multipart', completed);

    const cancelled = await answer('POST', '/multipart', { filename: 'c.bin', type: 'application/octet-stream' });
    const cancelledUpload = `/multipart/${encodeURIComponent(cancelled.body['uploadId'] as string)}`;
    const cancelledKey = `key=${encodeURIComponent(cancelled.body['key'] as string)}`;
    const aborted = await answer('DELETE', `${cancelledUpload}?${cancelledKey}`);
    expect(aborted).toEqual({ status: 200, body: {} });
    expectFits('companion-abort-multipart', aborted);
    const gone = await answer('GET', `${cancelledUpload}?${cancelledKey}`);
    expect(gone).toMatchObject({ status: 404, body: { code: 'not-found' } });
    expectFits('companion-list-parts', gone);

    // The store's own upload id, without the token the mode put in it: refused.
    const bare = (created.body['uploadId'] as string).split('~')[0]!;
    const noToken = await answer('GET', `/multipart/${encodeURIComponent(bare)}/1?${keyQuery}`);
    expect(noToken).toMatchObject({ status: 403, body: { code: 'token-invalid' } });
    expectFits('companion-sign-part', noToken);
    const noName = await answer('POST', '/multipart', { type: 'text/plain' });
    expect(noName).toMatchObject({ status: 400, body: { code: 'bad-request' } });
    expectFits('companion-create-multipart', noName);
    expect(await answer('GET', '/sts')).toMatchObject({ status: 404, body: { code: 'not-found' } });
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/s3/sts'))).toEqual([]);
  });

  it("gives Companion mode's routes after create the upload id that carries the token, and Ferry's the store's", () => {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.includes('{uploadId}')) continue;
      const parameters = item['parameters'] as { $ref?: string }[];
      const companion = path.startsWith('/s3/');
      expect(parameters[0]?.$ref, path).toBe(`#/components/parameters/${companion ? 'CompanionUploadId' : 'UploadId'}`);
    }
    const parameter = (document.components['parameters'] as Record<string, { description: string }>)[
      'CompanionUploadId'
    ];
    expect(parameter?.description).toEqual(expect.stringContaining('token-invalid'));
  });

  it('compiles every answer it documents, and refuses an answer it does not', () => {
    const validator = new AnswerValidator(document);
    for (const { operation } of operations) {
      for (const status of Object.keys(operation.responses).map(Number)) {
        expect(() => validator.problems(operation.operationId, status, {})).not.toThrow();
      }
    }
    expect(validator.problems('create-multipart', 200, { uploadId: 'u', key: 'k' })).toEqual([
      "the answer must have required property 'token'",
    ]);
    expect(validator.problems('list-parts', 418, [])).toEqual([
      'HTTP 418 is not an answer the protocol lists for list-parts',
    ]);
  });

  it('names the upload token header and query parameter on every call after create, and the delete token header', () => {
    const schemes = document.components['securitySchemes'] as Record<string, { in: string; name: string }>;
    expect(schemes['uploadToken']).toMatchObject({ in: 'header', name: UPLOAD_TOKEN_HEADER });
    expect(schemes['uploadTokenQuery']).toMatchObject({ in: 'query', name: 'token' });
    expect(schemes['deleteToken']).toMatchObject({ in: 'header', name: DELETE_TOKEN_HEADER });
    for (const { operation } of operations) {
      const open = TOKENLESS.includes(operation.operationId);
      // A delete token is optional: the application's own permission may allow a delete without one.
      // Companion mode's token rides in the upload id (a path parameter), which no security scheme can name.
      const expected =
        operation.operationId === 'delete-object'
          ? [{ deleteToken: [] }, {}]
          : open || isCompanion(operation.operationId)
            ? undefined
            : [{ uploadToken: [] }, { uploadTokenQuery: [] }];
      expect(operation.security, operation.operationId).toEqual(expected);
    }
  });

  it('gives every store profile exactly as @ferry/core/protocol does', () => {
    const { description, ...profiles } = document.components['x-ferry-store-profiles'] as Record<string, unknown>;
    expect(description).toEqual(expect.stringContaining('minPartSize'));
    expect(profiles).toEqual(JSON.parse(JSON.stringify(STORE_PROFILES)));
  });
});
