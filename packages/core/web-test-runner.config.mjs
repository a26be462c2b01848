// The engine in Debian's Chromium (page and Worker) against the real local store and signing server.
import { ferryTestRunnerConfig } from '@ferry/testing/web-test-runner';

export default ferryTestRunnerConfig({
  files: 'src/**/*.browser.test.ts',
  tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
});
