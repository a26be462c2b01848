import { ServerError } from './errors.js';
import { fromBase64, toBase64Url } from './web-crypto.js';

/** What a delete token binds: the caller, the one object key it may delete, and until when. */
export interface DeleteClaims {
  /** The caller, as `authorize` named them (empty without an `authorize` hook). */
  readonly user: string;
  /** The object key the token may delete. */
  readonly key: string;
  /** Expiry, in seconds since the epoch. */
  readonly exp: number;
}

// Domain separation: a delete token's MAC covers this label too, so no upload token (MAC'd over
// its payload alone) can ever pass for one, and no delete token for an upload token.
const LABEL = 'ferry-delete-token.v1.';

const encoder = new TextEncoder();

/** The bytes of `text` when it is base64url in its one canonical spelling (a last character's low bits are free otherwise). */
function canonicalBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  const bytes = /^[\w-]+$/.test(text) ? fromBase64(text) : undefined;
  return bytes && toBase64Url(bytes) === text ? bytes : undefined;
}

/**
 * Issues and checks delete tokens: stateless HMAC-SHA256 (WebCrypto) over `{ user, key, exp }`.
 * The handler hands one out when an upload finishes (the complete answer of a multipart upload,
 * the params answer of a single PUT), so the page can delete what it just uploaded for a short
 * while without the application writing an `authorizeDelete` hook. Every signing server with the
 * same secret accepts it.
 *
 * @example
 * ```ts
 * const tokens = new DeleteTokens(process.env.FERRY_SECRET!);
 * const token = await tokens.issue({ user: '', key: 'uploads/a/cat.png', exp: Date.now() / 1000 + 600 });
 * ```
 */
export class DeleteTokens {
  readonly #key: ReturnType<typeof crypto.subtle.importKey>;

  constructor(secret: string) {
    if (encoder.encode(secret).length < 32) throw new Error('The delete token secret must be at least 32 bytes long.');
    this.#key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  /** A token for `claims`. */
  async issue(claims: DeleteClaims): Promise<string> {
    const payload = toBase64Url(JSON.stringify({ user: claims.user, key: claims.key, exp: claims.exp }));
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await this.#key, encoder.encode(LABEL + payload)));
    return `${payload}.${toBase64Url(mac)}`;
  }

  /**
   * The claims of a valid token for `key`, issued to `user`, not yet expired.
   * @throws ServerError `token-invalid` when the token is malformed, forged, expired, for another key or another user.
   */
  async verify(token: string, key: string, user: string, now = Date.now()): Promise<DeleteClaims> {
    const refuse = (why: string): never => {
      throw new ServerError('token-invalid', `The delete token ${why}.`);
    };
    const [payload, mac, extra] = token.split('.');
    // Malformed input is refused, never thrown: atob's DOMException would have been a 500.
    const signature = mac === undefined ? undefined : canonicalBase64Url(mac);
    if (!payload || !signature || extra !== undefined) return refuse('is malformed');
    // WebCrypto's verify compares in constant time.
    const valid = await crypto.subtle.verify('HMAC', await this.#key, signature, encoder.encode(LABEL + payload));
    if (!valid) return refuse('is not valid');
    const claims = JSON.parse(new TextDecoder().decode(fromBase64(payload))) as DeleteClaims;
    if (claims.exp * 1000 < now) return refuse('has expired: its window to delete the upload is over');
    if (claims.key !== key) return refuse('is for another object');
    if (claims.user !== user) return refuse('belongs to another user');
    return claims;
  }
}

const bySecret = new Map<string, DeleteTokens>();

/** The {@link DeleteTokens} of `secret`, made once per secret (its key import is asynchronous). */
export function deleteTokensFor(secret: string): DeleteTokens {
  let tokens = bySecret.get(secret);
  if (!tokens) bySecret.set(secret, (tokens = new DeleteTokens(secret)));
  return tokens;
}
