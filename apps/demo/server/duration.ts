const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Milliseconds in a duration written `90s`, `30m`, `24h`, `7d` or `500ms`.
 * @throws Error for anything else.
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration: write it as 90s, 30m, 24h or 7d.`);
  return Number(match[1]) * UNITS[match[2] as keyof typeof UNITS];
}
