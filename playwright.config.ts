import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@ferry/testing/chromium';
import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a browser Playwright downloads) against the
// demo app, which each spec starts in-process with its own embedded store.
export default defineConfig({
  testDir: 'e2e',
  // e2e/engines: the demo in Firefox and WebKit, run by vitest (vitest.engines.config.ts).
  testIgnore: 'engines/**',
  workers: 1,
  timeout: 120_000,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
});
