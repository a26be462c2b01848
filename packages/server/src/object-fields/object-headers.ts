import { taggingHeader, type ObjectHeaders } from './object-metadata-policy.js';

/**
 * The request headers that carry `object` to a store, by the store's prefix (`amz` for S3,
 * `oss` for OSS): user metadata as `x-<prefix>-meta-<name>`, `Content-Disposition`,
 * `Cache-Control` and tags as `x-<prefix>-tagging`.
 * @example
 * ```ts
 * objectHeaderFields({ metadata: { album: 'x' } }, 'amz'); // { 'x-amz-meta-album': 'x' }
 * ```
 */
export function objectHeaderFields(object: ObjectHeaders | undefined, prefix: 'amz' | 'oss'): Record<string, string> {
  if (!object) return {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-${prefix}-meta-${name}`] = value;
  if (object.contentDisposition) headers['Content-Disposition'] = object.contentDisposition;
  if (object.cacheControl) headers['Cache-Control'] = object.cacheControl;
  if (object.tags) headers[`x-${prefix}-tagging`] = taggingHeader(object.tags);
  return headers;
}
