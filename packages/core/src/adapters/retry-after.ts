/**
 * Parses `Retry-After` (seconds or an HTTP date) into milliseconds from `now`. A module of its own:
 * the signing endpoint's answers need it up front, while the store's error reading loads only on
 * the first refusal.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
