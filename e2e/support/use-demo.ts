import { startDemo, type Demo } from '@ferry/demo';
import { inspectStore, type StoreInspector } from '@ferry/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The demo a suite runs against: its page, its own embedded store and the folder the store keeps objects in. */
export interface DemoUnderTest {
  /** The running demo (page URL, the raw store, the form's saved files). */
  readonly demo: Demo;
  /** Reads back what the demo's store holds. */
  readonly store: StoreInspector;
  /** A fresh temporary folder: the store's objects, and room for the suite's files on disk. */
  readonly dataDir: string;
}

/**
 * The suite hooks of the test runner: Playwright's `test` or vitest's `{ beforeAll, afterAll }`.
 * Both run `afterAll` when `beforeAll` failed, which is why the cleanup stops only what started.
 */
export interface SuiteHooks {
  beforeAll(hook: () => Promise<void>): void;
  afterAll(hook: () => Promise<void>): void;
}

/** Options of {@link useDemo}. */
export interface UseDemoOptions {
  /** Start of the temporary folder's name, which says which suite left it behind. */
  readonly dataDirPrefix: string;
  /** Folder of the Vite app to serve instead of the demo page. @default the demo's plain page */
  readonly app?: string;
  /** Signing settings beside `FERRY_PROVIDER=local`. @default {} */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the demo with its embedded local store (on free ports, in a fresh temporary folder) before
 * the suite's tests and stops it and removes the folder after them.
 *
 * Call it where the runner collects hooks (a spec's top level or a `describe`); the returned
 * object's fields are set in `beforeAll`, so read them in tests and later hooks.
 *
 * @example
 * const local = useDemo(test, { dataDirPrefix: 'ferry-e2e-' });
 * test('uploads', async ({ page }) => {
 *   await page.goto(local.demo.url);
 * });
 */
export function useDemo(hooks: SuiteHooks, options: UseDemoOptions): DemoUnderTest {
  const started: { -readonly [Field in keyof DemoUnderTest]?: DemoUnderTest[Field] } = {};

  hooks.beforeAll(async () => {
    started.dataDir = await mkdtemp(join(tmpdir(), options.dataDirPrefix));
    started.demo = await startDemo({
      port: 0,
      storePort: 0,
      dataDir: started.dataDir,
      ...(options.app === undefined ? {} : { app: options.app }),
      env: { FERRY_PROVIDER: 'local', ...options.env },
    });
    started.store = inspectStore(started.demo.store!);
  });

  hooks.afterAll(async () => {
    started.store?.close();
    await started.demo?.close();
    if (started.dataDir !== undefined) await rm(started.dataDir, { recursive: true, force: true });
  });

  // Complete once beforeAll has run, which is before any test reads it.
  return started as DemoUnderTest;
}
