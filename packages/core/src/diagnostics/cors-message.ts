/**
 * What a `cors` error says: what the store's refusal most likely means, and the rule to add.
 * A module without imports, loaded only when a store refuses the page, so that every other page
 * does not carry the text.
 */
export function corsRefusalMessage(origin: string, refusals: number): string {
  return (
    `The store refused every PUT from ${origin} before a byte was sent (${refusals} in a row) while the signing ` +
    `endpoint answers: the bucket's CORS rule most likely leaves this page out. Add a rule with AllowedOrigin ${origin}, ` +
    'AllowedMethod PUT, AllowedHeader *, and ExposeHeader ETag (or check that this browser can reach the store).'
  );
}
