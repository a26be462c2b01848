/**
 * Production stand-in for the development-only signature hint: no hint, so the bundle stays
 * small; the error still carries the store's StringToSign and CanonicalRequest.
 */
export const signatureHint: (url: string, sent: Readonly<Record<string, string>>) => string = () => '';
