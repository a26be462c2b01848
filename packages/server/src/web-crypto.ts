// Hashes, HMACs and byte encodings on Web APIs only (crypto.subtle, TextEncoder, btoa/atob), so
// the handler and its signers run unchanged in Node, Deno, Bun and Cloudflare Workers.

const encoder = new TextEncoder();

/** The UTF-8 bytes of `text`. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** The length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** Standard base64 (with padding) of `bytes`, or of the UTF-8 bytes of a string. */
export function toBase64(bytes: ArrayBuffer | Uint8Array | string): string {
  const view = typeof bytes === 'string' ? utf8(bytes) : bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  // In slices, so a long input never overflows the argument list.
  for (let start = 0; start < view.length; start += 0x8000) {
    binary += String.fromCharCode(...view.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** URL-safe base64 without padding (RFC 4648 §5). */
export function toBase64Url(bytes: ArrayBuffer | Uint8Array | string): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of standard or URL-safe base64, or `undefined` when `text` is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return Uint8Array.from(atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** A WebCrypto key (the type is spelled this way: Node's types have no global `CryptoKey`). */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A key for HMAC-`hash` signing and verifying. */
export function hmacKey(secret: string | Uint8Array<ArrayBuffer>, hash: 'SHA-256' | 'SHA-1'): Promise<WebCryptoKey> {
  const raw = typeof secret === 'string' ? utf8(secret) : secret;
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash }, false, ['sign', 'verify']);
}

/** HMAC-`hash` of the UTF-8 bytes of `data` under `key`. */
export async function hmac(
  key: string | Uint8Array<ArrayBuffer> | WebCryptoKey,
  data: string,
  hash: 'SHA-256' | 'SHA-1' = 'SHA-256',
): Promise<Uint8Array<ArrayBuffer>> {
  const cryptoKey = typeof key === 'object' && 'algorithm' in key ? key : await hmacKey(key, hash);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8(data)));
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `data`. */
export async function sha256Hex(data: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', utf8(data)));
}
