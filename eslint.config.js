// ESLint for the whole workspace. `pnpm lint` runs it, then `pnpm lint:templates`.
//
// TypeScript: the workspace compiles with `typescript` 7.0.2, the native compiler, which has no
// JavaScript compiler API. typescript-eslint needs that API, so .pnpmfile.cjs gives it (and
// ts-api-utils) TypeScript 6.0, the last JavaScript compiler: same language and checker as 7.0.
// Type information therefore comes from 6.0 while `tsc` stays 7.0.2. (typescript-eslint's own
// TypeScript 7 backend is experimental and wants a 7.1 build; switch when it is stable.)
//
// Lit templates: `pnpm lint:templates` runs lit-analyzer 2.0 over packages/element/src (the only
// Lit code), in strict mode and with TypeScript ~5.2 (.pnpmfile.cjs says why). Two of its rules
// are off there, because everything they report is wrong here:
// - no-invalid-css: its CSS data (vscode-css-languageservice 4.3, 2020) knows neither
//   `color-scheme` nor container queries.
// - no-unknown-attribute: its element analyzer (web-component-analyzer 2.0) reads Lit properties
//   from `@property` decorators and `static get properties()`, not from the `static properties`
//   field the element uses, so it knows none of <ferry-uploader>'s attributes; and its HTML data
//   lacks `capture` and `webkitdirectory` on <input>.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// Files whose nearest tsconfig.json is not the one that type-checks them: the project service
// only ever opens tsconfig.json, so these name their tsconfig the way `pnpm typecheck` does.
const byTsconfig = [
  // Tests run with node and mocha types, which the shipped code's tsconfig leaves out.
  {
    files: ['packages/core/src/**/*.test.ts', 'packages/core/src/test-fixtures/**'],
    project: 'packages/core/tsconfig.test.json',
  },
  { files: ['packages/element/src/**/*.test.ts'], project: 'packages/element/tsconfig.test.json' },
  // Browser pages beside Node code.
  { files: ['apps/demo/src/**'], project: 'apps/demo/tsconfig.page.json' },
  { files: ['bench/page/**'], project: 'bench/tsconfig.page.json' },
  { files: ['playwright.config.ts'], project: 'e2e/tsconfig.json' },
];

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    'storybook-static/',
    'test-results/',
    'playwright-report/',
    '.ferry-data/',
  ]),
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: {
        projectService: {
          // The root's config files, which no tsconfig.json includes.
          allowDefaultProject: ['*.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: root,
      },
    },
    rules: {
      // With noUncheckedIndexedAccess, `parts[index]!` is how code says an index is in range;
      // no-unnecessary-type-assertion still reports every `!` the compiler does not need.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers read fine in messages and keys (`part ${index}`); other non-strings still report.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => resolve(value)` and `if (!upload) return answer(404, …)` in a function that returns
      // nothing (or a Promise of nothing) are the code's idiom, and the rule reports both. Its other
      // target, a void call inside an expression, is a comma expression here: no-sequences below.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `async` marks what implements a Promise-returning contract (a port, a fake, a stub that
      // throws): it turns a throw into a rejection, as callers expect, with or without an `await`.
      '@typescript-eslint/require-await': 'off',
      // `const { secret: _secret, ...rest } = value` is how the code leaves fields out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Passing on a caught `unknown` or an AbortSignal's `reason` (`any`: a sentinel for a pause)
      // is rethrowing, not making a non-Error, as only-throw-error already allows for `throw`.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // House style: no comma expressions, parenthesised or not.
      'no-sequences': ['error', { allowInParentheses: false }],
      // @open-wc/semantic-dom-diff declares chai's `equal` as returning a Promise (for its async
      // `.dom` diffs), so every synchronous `expect(x).to.equal(y)` in the browser tests would
      // count as a floating promise.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'chai', name: 'Equal' }] },
      ],
    },
  },
  byTsconfig.map(({ files, project }) => ({
    files,
    languageOptions: { parserOptions: { projectService: false, project, tsconfigRootDir: root } },
  })),
  {
    // Lit calls a listener bound in a template (`@click=${this.onPick}`) with the element as
    // `this`, which this rule cannot know.
    files: ['packages/element/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // @ferry/server's handler and providers run in Node, Deno, Bun and Cloudflare Workers: Web APIs
    // only (packages/testing/src/runtimes proves it in each). Node's http belongs to its adapter.
    files: ['packages/server/src/**/*.ts'],
    // Tests and their test-support run in Node only.
    ignores: [
      'packages/server/src/adapters/node.ts',
      'packages/server/src/**/*.test.ts',
      'packages/server/src/test-support/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Use Web APIs: the handler runs outside Node too.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Use Uint8Array and web-crypto.ts: the handler runs outside Node too.' },
        { name: 'process', message: 'Not every runtime has one; read it through globalThis where optional.' },
      ],
    },
  },
  {
    // Chai's property assertions (`expect(button).to.exist`) are expressions by design, in the
    // tests that run in browsers (mocha and chai; the Node tests use vitest's `expect`).
    files: ['packages/element/src/**/*.test.ts', 'packages/core/src/**/*.browser.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // Scripts and tool configs in plain JavaScript: no types to check them with. The consumer
    // app is a template that scripts/consumer-test.mjs installs outside the workspace, against the
    // packed tarballs (and type-checks there): inside the workspace its imports do not resolve.
    files: ['**/*.{js,mjs,cjs}', 'scripts/consumer-app/**'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Lit templates and custom elements. The rules act only on `html` templates and element
    // classes, so they run over every TypeScript file.
    files: ['**/*.{ts,tsx}'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // From the plugin's `all` set, the rules about correctness. Left out: its style rules (no
      // arrow functions or .map in templates, @query decorators: the element uses no decorators),
      // no-classfield-shadowing (the element compiles with useDefineForClassFields: false, so its
      // fields do not shadow Lit's accessors), and no-this-assign-in-render, which also reports
      // assignments in event handlers defined inside a template.
      'lit/lifecycle-super': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/no-value-attribute': 'error',
    },
  },
);
