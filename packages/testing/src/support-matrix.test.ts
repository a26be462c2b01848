import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's browser support matrix (Chrome/Edge 111, Firefox 115, Safari 16.4): browser code
// uses only what those engines have, or goes through the small fallback named here.
const NEWER_THAN_THE_MATRIX: readonly { pattern: RegExp; what: string; allowedIn?: string }[] = [
  {
    pattern: /AbortSignal\.any\(/,
    what: 'AbortSignal.any (Safari 17.4, Firefox 124): use anySignal()',
    allowedIn: 'any-signal.ts',
  },
  { pattern: /AbortSignal\.timeout\(/, what: 'AbortSignal.timeout (WebKit dropped its timer): use a timer' },
  { pattern: /light-dark\(/, what: 'CSS light-dark() (Safari 17.5, Firefox 120)' },
  { pattern: /:has\(/, what: 'CSS :has() (Firefox 121)' },
  { pattern: /:state\(|\.states\.add\(/, what: 'custom states (Safari 17.4, Firefox 126)' },
  {
    pattern: /Promise\.withResolvers|Object\.groupBy|Map\.groupBy|Array\.fromAsync/,
    what: 'ES2024 built-ins (Safari 17.4)',
  },
  { pattern: /requestIdleCallback|scheduler\.yield|Intl\.Segmenter/, what: 'APIs Safari or Firefox 115 lack' },
];

async function browserSources(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries
    .filter(
      (entry) =>
        entry.endsWith('.ts') &&
        !entry.endsWith('.test.ts') &&
        !entry.includes('.node.') &&
        !entry.startsWith('stories'),
    )
    .map((entry) => join(folder, entry));
}

describe('browser code stays inside the support matrix', () => {
  it('uses nothing newer than Chrome 111, Firefox 115 and Safari 16.4 without its fallback', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const files = [
      ...(await browserSources(join(root, 'core/src'))),
      ...(await browserSources(join(root, 'element/src'))),
    ];
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const { pattern, what, allowedIn } of NEWER_THAN_THE_MATRIX) {
        if (pattern.test(text) && !(allowedIn && file.endsWith(allowedIn)))
          found.push(`${file.slice(root.length)}: ${what}`);
      }
    }
    expect(found).toEqual([]);
  });
});
