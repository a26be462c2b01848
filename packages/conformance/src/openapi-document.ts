import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Where the protocol's OpenAPI 3.1 document is: shipped beside `dist/` in the package. */
export const OPENAPI_DOCUMENT_PATH = new URL('../openapi.yaml', import.meta.url);

/** The parts of an OpenAPI document the kit reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: {
    readonly schemas: Record<string, unknown>;
    readonly responses: Record<string, unknown>;
  } & Record<string, unknown>;
}

/**
 * The protocol's OpenAPI document, parsed: the shapes the kit checks answers against.
 *
 * @example
 * ```ts
 * const document = readOpenApiDocument();
 * Object.keys(document.paths); // ['/params', '/multipart', …]
 * ```
 */
export function readOpenApiDocument(): OpenApiDocument {
  return parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')) as OpenApiDocument;
}
