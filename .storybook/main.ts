import type { StorybookConfig } from '@storybook/web-components-vite';

// Stories sit beside the element; `storybook build` runs in scripts/test.sh and e2e/storybook.spec.ts
// opens every built story in Chromium (no console error, no axe violation).
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/element/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
};

export default config;
