import { createHmac, timingSafeEqual } from 'node:crypto';
import { ServerError } from './errors.js';

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

const encode = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Issues and checks stateless HMAC-SHA256 upload tokens, so any number of signing servers can
 * share the work: each only needs the same secret.
 */
export class UploadTokens {
  private readonly secret: Buffer;

  constructor(secret: string) {
    if (Buffer.byteLength(secret) < 32) throw new Error('The upload token secret must be at least 32 bytes long.');
    this.secret = Buffer.from(secret);
  }

  /** A token for `claims`. */
  issue(claims: UploadClaims): string {
    const payload = encode(JSON.stringify(claims));
    return `${payload}.${this.mac(payload)}`;
  }

  /**
   * The claims of a valid token for `uploadId` and `key`, issued to `user`.
   * @throws ServerError `token-invalid` when the token is missing, forged, expired, for another upload or another user.
   */
  verify(token: string | null, uploadId: string, key: string, user: string, now = Date.now()): UploadClaims {
    const refuse = (why: string): never => {
      throw new ServerError('token-invalid', `The upload token ${why}.`);
    };
    if (!token) return refuse('is missing (send the token from create-multipart)');
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return refuse('is malformed');
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return refuse('is not valid');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as UploadClaims;
    if (claims.exp * 1000 < now) return refuse('has expired');
    if (claims.uploadId !== uploadId || claims.key !== key) return refuse('belongs to another upload');
    if (claims.user !== user) return refuse('belongs to another user');
    return claims;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
