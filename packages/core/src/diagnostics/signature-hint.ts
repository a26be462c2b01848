/** Headers browsers set themselves, which a presigned URL may sign without the page sending them. */
const IMPLICIT = new Set(['host', 'content-length']);

/**
 * Names the header that most likely broke a signature, by comparing the headers a presigned URL
 * says it signed (`X-Amz-SignedHeaders`, OSS's `x-oss-additional-headers`) with those sent.
 */
export function signatureHint(url: string, sent: Readonly<Record<string, string>>): string {
  const query = new URL(url).searchParams;
  const list = query.get('X-Amz-SignedHeaders') ?? query.get('x-oss-additional-headers');
  if (list === null) return 'Check that the signer signed the headers it returned.';
  const signed = new Set(list.toLowerCase().split(';').filter(Boolean));
  const sentNames = new Set(Object.keys(sent).map((name) => name.toLowerCase()));
  const missing = [...signed].filter((name) => !IMPLICIT.has(name) && !sentNames.has(name));
  const unsigned = [...sentNames].filter(
    (name) => !signed.has(name) && (name.startsWith('x-amz-') || name.startsWith('x-oss-')),
  );
  if (missing.length > 0)
    return `The URL signs ${missing.join(', ')}, which the signer's answer did not list, so it was not sent.`;
  if (unsigned.length > 0) return `${unsigned.join(', ')} was sent but is not signed.`;
  if (sentNames.has('content-type') && signed.has('content-type')) {
    return 'Content-Type is signed: the value the signer returned must be the one it signed.';
  }
  return "The signed headers were sent as returned: check the signer's key, secret, region and clock against details.StringToSign.";
}
