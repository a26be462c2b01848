import { RuleOutcome, type RuleResult } from './rule-runner.js';

const LABEL: Record<RuleOutcome, string> = { pass: 'PASS', fail: 'FAIL', 'n/a': 'n/a' };

/**
 * The kit's results as a plain-text table: one row per rule (PASS, FAIL or n/a, its id, what it
 * checks), the reason under each failed row, why it does not apply beside each n/a row (an
 * optional feature the backend does not have: not a failure), and a count at the end.
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
    const notApplicable = result.outcome === RuleOutcome.NotApplicable;
    const row = `${LABEL[result.outcome].padEnd(6)}  ${result.id.padEnd(width)}  ${result.title}`;
    lines.push(notApplicable ? `${row} — n/a (${result.reason ?? 'not offered'})` : row);
    if (result.outcome === RuleOutcome.Fail && result.reason)
      lines.push(`${' '.repeat(8 + width + 2)}why: ${result.reason}`);
  }
  const count = (outcome: RuleOutcome) => results.filter((result) => result.outcome === outcome).length;
  const skipped = count(RuleOutcome.NotApplicable);
  lines.push(
    '',
    `${results.length} rules: ${count(RuleOutcome.Pass)} passed, ${count(RuleOutcome.Fail)} failed` +
      (skipped > 0 ? `, ${skipped} not applicable` : ''),
  );
  return lines.join('\n');
}
