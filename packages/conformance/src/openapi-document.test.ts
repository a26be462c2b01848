import {
  ROUTES,
  STORE_PROFILES,
  UPLOAD_TOKEN_HEADER,
  WIRE_ERROR_STATUS,
  WireErrorCode,
  type RouteName,
} from '@ferry/core/protocol';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createFerryHandler, type FerryHandler } from '@ferry/server';
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

/** A route's path as OpenAPI writes it: `/multipart/{uploadId}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

let store: ConformanceStore;
let handler: FerryHandler;

beforeAll(async () => {
  store = await startConformanceStore();
  handler = createFerryHandler({
    provider: localStoreProvider(store.store),
    secret: 'document-secret-document-secret-document',
    onError: () => undefined,
  });
});

afterAll(async () => {
  await store.close();
});

/** What the real server answers `method` on `path` (parameters filled in), with no token or body. */
async function serverAnswer(method: string, path: string): Promise<{ status: number; code: unknown }> {
  const url = `http://server.test${path.replace('{uploadId}', 'upload-1').replace('{partNumber}', '1')}`;
  const response = await handler(new Request(url, { method: method.toUpperCase() }));
  return { status: response.status, code: ((await response.json()) as { code?: unknown }).code };
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect((document as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('has every route of the protocol table, and the server dispatches each of them', async () => {
    for (const [route, { method, path }] of Object.entries(ROUTES) as [RouteName, (typeof ROUTES)[RouteName]][]) {
      const documented = document.paths[openApiPath(path)]?.[method.toLowerCase()] as Operation | undefined;
      expect(documented?.operationId, `${method} ${path} (${route}) is not in the document`).toBe(route);
      // The server answers it as a route (a refusal of the empty request), not as "no such route".
      const { status } = await serverAnswer(method, openApiPath(path));
      expect([404, 405], `the server does not dispatch ${route}`).not.toContain(status);
    }
  });

  it('has no operation that is not a route of the server, which answers 405 to every other method', async () => {
    for (const { path, method, operation } of operations) {
      const route = ROUTES[operation.operationId as RouteName] as (typeof ROUTES)[RouteName] | undefined;
      expect(route, `${operation.operationId} is not in ROUTES`).toBeDefined();
      expect([openApiPath(route!.path), route!.method.toLowerCase()]).toEqual([path, method]);
    }
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

  it('answers each refusal with the code that goes with its status', () => {
    const validator = new AnswerValidator(document);
    for (const { operation } of operations) {
      for (const status of Object.keys(operation.responses).map(Number)) {
        if (status < 400) continue;
        const [code] = Object.entries(WIRE_ERROR_STATUS).find(([, value]) => value === status) ?? [];
        expect(code, `${operation.operationId} answers ${status}, which no code has`).toBeDefined();
        const refusal = { code, message: 'm' };
        expect(
          validator.problems(operation.operationId, status, refusal),
          `${operation.operationId} ${status}`,
        ).toEqual([]);
        const otherCode = status === 400 ? 'internal' : 'bad-request';
        expect(validator.problems(operation.operationId, status, { code: otherCode, message: 'm' })).not.toEqual([]);
      }
    }
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

  it('names the upload token header and query parameter the server reads, on every call after create', () => {
    const schemes = document.components['securitySchemes'] as Record<string, { in: string; name: string }>;
    expect(schemes['uploadToken']).toMatchObject({ in: 'header', name: UPLOAD_TOKEN_HEADER });
    expect(schemes['uploadTokenQuery']).toMatchObject({ in: 'query', name: 'token' });
    for (const { operation } of operations) {
      const open = ['single-put-params', 'create-multipart'].includes(operation.operationId);
      expect(operation.security, operation.operationId).toEqual(
        open ? undefined : [{ uploadToken: [] }, { uploadTokenQuery: [] }],
      );
    }
  });

  it('gives every store profile exactly as @ferry/core/protocol does', () => {
    const { description, ...profiles } = document.components['x-ferry-store-profiles'] as Record<string, unknown>;
    expect(description).toEqual(expect.stringContaining('minPartSize'));
    expect(profiles).toEqual(JSON.parse(JSON.stringify(STORE_PROFILES)));
  });
});
