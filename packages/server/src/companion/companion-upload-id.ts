import { ServerError } from '../errors.js';
import { UploadTokens, type UploadClaims } from '../token.js';

/** Separates the store's upload id from the token; never in a token (base64url and `.`). */
const SEPARATOR = '~';

/**
 * Keeps Ferry's caller binding for clients that never send Ferry's token header: the upload id a
 * Companion client is given is the store's upload id followed by an HMAC token for it, so each
 * call it makes echoes the token in its path. Its tokens come from a secret derived for this mode
 * alone, so one can never pass for a token of Ferry's own routes, whose claims bind the sizes.
 */
export class CompanionUploadIds {
  private readonly tokens: UploadTokens;

  constructor(
    secret: string,
    private readonly lifetimeSeconds: number,
  ) {
    this.tokens = new UploadTokens(`${secret}\u0000ferry-companion-mode`);
  }

  /** The upload id to give the client for the store's `uploadId` of `key`, bound to `user`. */
  async issue(user: string, key: string, uploadId: string): Promise<string> {
    const exp = Math.floor(Date.now() / 1000) + this.lifetimeSeconds;
    // Companion mode binds no sizes at create (Uppy sends none): 0 says "not bound".
    const token = await Promise.resolve(this.tokens.issue({ user, key, uploadId, size: 0, partSize: 0, exp }));
    return `${uploadId}${SEPARATOR}${token}`;
  }

  /**
   * The claims of an upload id this mode issued for `key` to `user`.
   * @throws ServerError `token-invalid` when it carries no token, or a forged, expired or someone else's one.
   */
  async verify(carried: string, key: string, user: string): Promise<UploadClaims> {
    const at = carried.lastIndexOf(SEPARATOR);
    if (at <= 0) {
      throw new ServerError('token-invalid', 'The upload id carries no upload token (it must be the one create gave).');
    }
    return Promise.resolve(this.tokens.verify(carried.slice(at + 1), carried.slice(0, at), key, user));
  }
}
