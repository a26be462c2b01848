import { isKitUsageError, parseKitArgs, USAGE } from './kit-options.js';
import { formatReport } from './report-table.js';
import { RuleOutcome } from './rule-runner.js';
import { runConformance } from './run-conformance.js';

/** Where the command writes: stdout and stderr, or a test's buffers. */
export interface CliOutput {
  out(text: string): void;
  error(text: string): void;
}

/**
 * The `ferry-conformance` command: reads the command line, runs the kit, prints the table.
 * Resolves to the exit code: 0 when no rule failed (rules that do not apply are no failure), 1 when
 * one failed, 2 for a bad command line.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput = { out: (text) => console.log(text), error: (text) => console.error(text) },
): Promise<number> {
  let options;
  try {
    options = parseKitArgs(argv);
  } catch (error) {
    if (!isKitUsageError(error)) throw error;
    output.error(`ferry-conformance: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    output.out(USAGE);
    return 0;
  }
  const { store } = options;
  output.out(
    `ferry-conformance: ${options.backend} (store ${store.endpoint ?? 'AWS S3'}, bucket ${store.bucket}, profile ${options.profile})\n`,
  );
  const results = await runConformance(options);
  output.out(formatReport(results));
  // A rule that does not apply (an optional feature the backend does not have) is no failure.
  return results.some((result) => result.outcome === RuleOutcome.Fail) ? 1 : 0;
}
