import { uriEncode as ossEncode } from '../uri-encode.js';

/** RFC 3986 encoding as OSS signs it (see `uriEncode`). */
export { ossEncode };

/** Alibaba Cloud credentials: an AccessKey pair, or temporary STS credentials with their token. */
export interface OssCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The STS security token (temporary credentials). */
  readonly securityToken?: string | undefined;
  /** When temporary credentials stop working: no URL is signed to outlive them. */
  readonly expiration?: Date | undefined;
}

/** A request to sign: the method, the bucket and key it targets, its query and its headers. */
export interface OssRequest {
  readonly method: string;
  readonly bucket: string;
  /** The object key, unencoded; `''` for a bucket-level request. */
  readonly key: string;
  /** Query parameters, unencoded (`uploads: ''` for a parameter without a value). */
  readonly query: Readonly<Record<string, string>>;
  /** Headers the request carries (any case). */
  readonly headers: Readonly<Record<string, string>>;
}

/** A query string with keys and values encoded by {@link ossEncode}, in the order given. */
export function ossQueryString(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([key, value]) => (value === '' ? ossEncode(key) : `${ossEncode(key)}=${ossEncode(value)}`))
    .join('&');
}
