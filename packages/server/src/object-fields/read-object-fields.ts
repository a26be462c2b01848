import { requireString, requireStringRecord } from '../request-input.js';
import type { RequestedObjectFields } from './object-metadata-policy.js';

/** `name[key]=value` query parameters as an object. */
function bracketed(query: URLSearchParams, name: string): Record<string, string> | undefined {
  const prefix = `${name}[`;
  let found: Record<string, string> | undefined;
  for (const [parameter, value] of query) {
    if (parameter.startsWith(prefix) && parameter.endsWith(']') && parameter.length > prefix.length + 1)
      (found ??= {})[parameter.slice(prefix.length, -1)] = value;
  }
  return found;
}

/** What a single-PUT params call (`GET /params?…&metadata[k]=v&tags[k]=v&cacheControl=…`) asks to store. */
export function objectFieldsFromQuery(query: URLSearchParams, filename: string): RequestedObjectFields {
  const cacheControl = query.get('cacheControl');
  return {
    filename,
    metadata: bracketed(query, 'metadata') ?? {},
    cacheControl: cacheControl === null ? undefined : requireString(cacheControl, 'cacheControl', 256),
    tags: bracketed(query, 'tags'),
  };
}

/** What a create-multipart body (`{ metadata, cacheControl, tags }`) asks to store. */
export function objectFieldsFromBody(body: Record<string, unknown>, filename: string): RequestedObjectFields {
  const { cacheControl, tags } = body;
  return {
    filename,
    metadata: requireStringRecord(body['metadata'], 'metadata'),
    cacheControl:
      cacheControl === undefined || cacheControl === null
        ? undefined
        : requireString(cacheControl, 'cacheControl', 256),
    tags: tags === undefined || tags === null ? undefined : requireStringRecord(tags, 'tags'),
  };
}
