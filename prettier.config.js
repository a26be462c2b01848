// Prettier formats the workspace (`pnpm format`; `pnpm format:check` in scripts/test.sh).
//
// Prettier rather than Biome: ESLint already lints (typescript-eslint's type-aware rules,
// eslint-plugin-lit, eslint-plugin-wc, none of which Biome has), so only a formatter is wanted,
// and Prettier formats every kind of file here (TypeScript, the Vue single-file component, HTML,
// CSS, JSON, YAML), Vue's template included. It takes about 7 s over the workspace.
//
// The options match the code as it was written: single quotes, semicolons, trailing commas,
// 2-space indentation, and lines up to 120 characters (STYLE.md), which Prettier now enforces
// by wrapping code; long strings and comments it leaves as they are.

/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  // JSON with comments (knip.jsonc): trailing commas are not JSON, and not every reader takes them.
  overrides: [{ files: '*.jsonc', options: { trailingComma: 'none' } }],
};
