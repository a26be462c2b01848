/** A bucket CORS rule, as S3's PutBucketCors takes it. */
export interface CorsRule {
  /** Origins allowed to call the store. @default ['*'] */
  readonly allowedOrigins?: readonly string[];
  /** Methods allowed. @default ['GET', 'HEAD', 'PUT', 'POST'] (POST: form uploads) */
  readonly allowedMethods?: readonly string[];
  /** Request headers allowed. @default ['*'] */
  readonly allowedHeaders?: readonly string[];
  /** Response headers JavaScript may read; Ferry needs `ETag`. @default ['ETag'] */
  readonly exposeHeaders?: readonly string[];
}

const escapeXml = (value: string): string => value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** The `<CORSConfiguration>` document for one rule. */
export function corsConfigurationXml(rule: CorsRule = {}): string {
  const lines = (tag: string, values: readonly string[]): string =>
    values.map((value) => `<${tag}>${escapeXml(value)}</${tag}>`).join('');
  return (
    '<CORSConfiguration><CORSRule>' +
    lines('AllowedOrigin', rule.allowedOrigins ?? ['*']) +
    lines('AllowedMethod', rule.allowedMethods ?? ['GET', 'HEAD', 'PUT', 'POST']) +
    lines('AllowedHeader', rule.allowedHeaders ?? ['*']) +
    lines('ExposeHeader', rule.exposeHeaders ?? ['ETag']) +
    '<MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>'
  );
}
