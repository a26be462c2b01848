import type { RuleResult } from './rule-runner.js';

/**
 * The kit's results as a plain-text table: one row per rule (PASS or FAIL, its id, what it
 * checks), the reason under each failed row, and a count at the end.
 *
 * @example
 * ```ts
 * console.log(formatReport(await runConformance(options)));
 * ```
 */
export function formatReport(results: readonly RuleResult[]): string {
  const width = Math.max(4, ...results.map((result) => result.id.length));
  const lines = [`result  ${'rule'.padEnd(width)}  checks`, `------  ${'-'.repeat(width)}  ------`];
  for (const result of results) {
    lines.push(`${result.passed ? 'PASS  ' : 'FAIL  '}  ${result.id.padEnd(width)}  ${result.title}`);
    if (result.reason) lines.push(`${' '.repeat(8 + width + 2)}why: ${result.reason}`);
  }
  const failed = results.filter((result) => !result.passed).length;
  lines.push('', `${results.length} rules: ${results.length - failed} passed, ${failed} failed`);
  return lines.join('\n');
}
