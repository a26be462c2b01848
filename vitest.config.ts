import { defineConfig } from 'vitest/config';

// Node-side unit and integration tests. The element's tests run in Chromium under
// @web/test-runner, and end-to-end tests under Playwright.
export default defineConfig({
  test: {
    include: ['packages/{core,server,local-store,testing,conformance}/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
