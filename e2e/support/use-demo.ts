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
 * object's fields can be read once the suite's tests run.
 *
 * @example
 * const local = useDemo(test, { dataDirPrefix: 'ferry-e2e-' });
 * test('uploads', async ({ page }) => {
 *   await page.goto(local.demo.url);
 * });
 */
export function useDemo(hooks: SuiteHooks, options: UseDemoOptions): DemoUnderTest {
  let dataDir: string | undefined;
  let demo: Demo | undefined;
  let store: StoreInspector | undefined;

  hooks.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), options.dataDirPrefix));
    demo = await startDemo({
      port: 0,
      storePort: 0,
      dataDir,
      ...(options.app === undefined ? {} : { app: options.app }),
      env: { FERRY_PROVIDER: 'local', ...options.env },
    });
    store = inspectStore(demo.store!);
  });

  hooks.afterAll(async () => {
    store?.close();
    await demo?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  /** A field's value once `beforeAll` has run, so that a misplaced read fails with a clear message. */
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useDemo: the demo starts in beforeAll; read it inside a test');
    return value;
  };
  return {
    get demo() {
      return started(demo);
    },
    get store() {
      return started(store);
    },
    get dataDir() {
      return started(dataDir);
    },
  };
}
