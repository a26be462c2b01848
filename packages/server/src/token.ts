import { ServerError } from './errors.js';
import { fromBase64, hmacKey, toBase64Url, utf8, utf8Length, type WebCryptoKey } from './web-crypto.js';

/** What an upload token binds: the caller, the upload, its object key and the plan the parts are held to. */
export interface UploadClaims {
  /** The caller, as `authorize` named them (empty without an `authorize` hook). */
  readonly user: string;
  /** Object key. */
  readonly key: string;
  /** The store's upload id. */
  readonly uploadId: string;
  /** File size in bytes. */
  readonly size: number;
  /** Size of every part but the last. */
  readonly partSize: number;
  /** Expiry, in seconds since the epoch. */
  readonly exp: number;
}

/**
 * Issues and checks stateless HMAC-SHA256 upload tokens, so any number of signing servers can
 * share the work: each only needs the same secret. WebCrypto computes the MACs, so `issue` and
 * `verify` are asynchronous.
 */
export class UploadTokens {
  private readonly secret: string;
  private key: Promise<WebCryptoKey> | undefined;

  constructor(secret: string) {
    if (utf8Length(secret) < 32) throw new Error('The upload token secret must be at least 32 bytes long.');
    this.secret = secret;
  }

  /** A token for `claims`. */
  async issue(claims: UploadClaims): Promise<string> {
    const payload = toBase64Url(JSON.stringify(claims));
    const mac = await crypto.subtle.sign('HMAC', await this.hmacKey(), utf8(payload));
    return `${payload}.${toBase64Url(mac)}`;
  }

  /**
   * The claims of a valid token for `uploadId` and `key`, issued to `user`.
   * @throws ServerError `token-invalid` when the token is missing, forged, expired, for another upload or another user.
   */
  async verify(
    token: string | null,
    uploadId: string,
    key: string,
    user: string,
    now = Date.now(),
  ): Promise<UploadClaims> {
    const refuse = (why: string): never => {
      throw new ServerError('token-invalid', `The upload token ${why}.`);
    };
    if (!token) return refuse('is missing (send the token from create-multipart)');
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return refuse('is malformed');
    const given = /^[\w-]+$/.test(mac) ? fromBase64(mac) : undefined;
    // Only the one canonical spelling of the MAC (base64 leaves a last character's low bits free),
    // and crypto.subtle.verify compares in constant time.
    if (
      !given ||
      toBase64Url(given) !== mac ||
      !(await crypto.subtle.verify('HMAC', await this.hmacKey(), given, utf8(payload)))
    ) {
      return refuse('is not valid');
    }
    const claims = JSON.parse(new TextDecoder().decode(fromBase64(payload))) as UploadClaims;
    if (claims.exp * 1000 < now) return refuse('has expired');
    if (claims.uploadId !== uploadId || claims.key !== key) return refuse('belongs to another upload');
    if (claims.user !== user) return refuse('belongs to another user');
    return claims;
  }

  private hmacKey(): Promise<WebCryptoKey> {
    this.key ??= hmacKey(this.secret, 'SHA-256');
    return this.key;
  }
}
