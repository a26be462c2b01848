/**
 * RFC 3986 percent-encoding of the UTF-8 bytes of `value`: every byte but the unreserved
 * characters (A–Z a–z 0–9 - . _ ~), and `/` when `keepSlash` (an object key as a URL path). This
 * is the encoding S3 and OSS sign, which `encodeURIComponent` is not (it keeps `!'()*`).
 */
export function uriEncode(value: string, keepSlash = false): string {
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    const c = String.fromCharCode(byte);
    out +=
      /[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')
        ? c
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
