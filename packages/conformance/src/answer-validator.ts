import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { readOpenApiDocument, type OpenApiDocument } from './openapi-document.js';

const SCHEMAS_ID = 'ferry-protocol.json';

/** The JSON body of a response in the document, unwrapping a `$ref` to `components/responses`. */
function responseSchema(document: OpenApiDocument, response: unknown): unknown {
  let found = response as { $ref?: string; content?: Record<string, { schema?: unknown }> };
  const prefix = '#/components/responses/';
  if (found.$ref?.startsWith(prefix))
    found = document.components.responses[found.$ref.slice(prefix.length)] as typeof found;
  return found.content?.['application/json']?.schema;
}

/** JSON Schema refs into the document's components, pointed at the schema set ajv holds. */
function retarget(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`));
}

/**
 * Checks answers against the protocol's OpenAPI document: every route's answer for every status
 * the document lists, with JSON Schema 2020-12 (OpenAPI 3.1's dialect).
 *
 * @example
 * ```ts
 * new AnswerValidator().problems('create-multipart', 200, { uploadId: 'u', key: 'k' }); // ['token is missing']
 * ```
 */
export class AnswerValidator {
  private readonly ajv: Ajv2020;
  private readonly document: OpenApiDocument;
  private readonly compiled = new Map<string, ValidateFunction | undefined>();

  constructor(document: OpenApiDocument = readOpenApiDocument()) {
    this.document = document;
    // strictTypes off: the document writes `{ const: PUT }` without a `type`, as OpenAPI examples do.
    this.ajv = new Ajv2020({ allErrors: true, strictTypes: false });
    // CommonJS: the default import is `module.exports`, whose `default` is the plugin.
    formats.default(this.ajv);
    this.ajv.addKeyword('x-ferry-status');
    this.ajv.addSchema({ $id: SCHEMAS_ID, $defs: retarget(document.components.schemas) });
  }

  /**
   * What is wrong with `body` as the answer of `route` (an `operationId`) with HTTP `status`:
   * nothing (`[]`), or one line per problem.
   */
  problems(route: string, status: number, body: unknown): string[] {
    const cacheKey = `${route} ${status}`;
    if (!this.compiled.has(cacheKey)) this.compiled.set(cacheKey, this.compileAnswer(route, status));
    const validate = this.compiled.get(cacheKey);
    if (!validate) return [`HTTP ${status} is not an answer the protocol lists for ${route}`];
    return this.run(validate, body);
  }

  /** What is wrong with `body` as the refusal schema `name` (`NotFoundError`, …). */
  refusalProblems(name: string, body: unknown): string[] {
    const cacheKey = `schema ${name}`;
    if (!this.compiled.has(cacheKey)) {
      this.compiled.set(cacheKey, this.ajv.compile({ $ref: `${SCHEMAS_ID}#/$defs/${name}` }));
    }
    return this.run(this.compiled.get(cacheKey)!, body);
  }

  private compileAnswer(route: string, status: number): ValidateFunction | undefined {
    for (const operations of Object.values(this.document.paths)) {
      for (const operation of Object.values(operations)) {
        const { operationId, responses } = operation as { operationId?: string; responses?: Record<string, unknown> };
        if (operationId !== route) continue;
        const response = responses?.[String(status)];
        const schema = response === undefined ? undefined : responseSchema(this.document, response);
        return schema === undefined ? undefined : this.ajv.compile(retarget(schema) as object);
      }
    }
    return undefined;
  }

  private run(validate: ValidateFunction, body: unknown): string[] {
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${error.instancePath || 'the answer'} ${error.message ?? 'is wrong'}`,
    );
  }
}
