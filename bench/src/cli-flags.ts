// What the bench's command lines share: numbers checked the same way, and one answer to --help
// and to a flag no entry knows. Each entry keeps its own usage text and defaults.

/** `value` as a whole number ≥ 1; otherwise says so, with `usage`, and exits with status 2. */
export function wholeNumber(value: string | undefined, flag: string, usage: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    console.error(`${flag} needs a whole number ≥ 1\n${usage}`);
    process.exit(2);
  }
  return parsed;
}

/** A flag the entry does not know: `--help` prints `usage` and exits 0; anything else exits 2. */
export function unknownFlag(flag: string | undefined, usage: string): never {
  console.error(flag === '--help' ? usage : `unknown option ${flag}\n${usage}`);
  process.exit(flag === '--help' ? 0 : 2);
}
