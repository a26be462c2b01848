// Component tests in Debian's Chromium against the real local store and signing server.
import { ferryTestRunnerConfig } from '@ferry/testing/web-test-runner';

export default ferryTestRunnerConfig({
  files: 'src/**/*.test.ts',
  tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
});
