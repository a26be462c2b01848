import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (never a browser Playwright downloads) against the
// demo app, which each spec starts in-process with its own embedded store.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 120_000,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
