import { defineConfig } from 'vitest/config';

// The demo end to end in Firefox ESR and WebKitGTK (Playwright drives Chromium only here).
export default defineConfig({
  test: {
    include: ['e2e/engines/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    fileParallelism: false,
  },
});
