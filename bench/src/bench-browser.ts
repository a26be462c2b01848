import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@ferry/testing/chromium';
import { launchEngine, type EnginePage } from '@ferry/testing';
import { chromium, type ElementHandle } from '@playwright/test';
import { startCpuMeter, type CpuSeconds } from './cpu-usage.js';
import { MAIN_THREAD_CATEGORIES, mainThreadTasks, type MainThreadTasks } from './main-thread-tasks.js';
import { browserPid, sampleRendererRss } from './renderer-memory.js';

/** The engines the bench runs in (Debian's packages, as the tests). */
export const BENCH_ENGINES = ['chromium', 'firefox', 'webkit'] as const;
/** One of {@link BENCH_ENGINES}. */
export type BenchEngine = (typeof BENCH_ENGINES)[number];

/** A browser the bench drives: pages, and the renderer's memory where the engine lets us see it. */
export interface BenchBrowser {
  readonly engine: BenchEngine;
  newPage(): Promise<EnginePage>;
  /** Starts sampling the page's renderer RSS; `stop` resolves the peak, or undefined where unknown. */
  sampleRss(): Promise<{ stop(): Promise<number | undefined> }>;
  /** Starts measuring the CPU time of the browser's processes and of this one; `stop` resolves undefined where unknown. */
  meterCpu(): Promise<{ stop(): Promise<CpuSeconds | undefined> }>;
  /** Starts tracing the renderers' main threads (Chromium); `stop` resolves their tasks' CPU times, or undefined where unknown. */
  traceMainThread(): Promise<{ stop(): Promise<MainThreadTasks | undefined> }>;
  close(): Promise<void>;
}

/**
 * Launches `engine`. Chromium through Playwright, launched locally so file inputs get paths,
 * with its renderer's RSS and its processes' CPU time sampled; Firefox ESR and WebKitGTK through @ferry/testing's drivers
 * (Firefox with BiDi network events off, which otherwise copy every body on its main thread).
 */
export async function launchBenchBrowser(engine: BenchEngine): Promise<BenchBrowser> {
  if (engine !== 'chromium') {
    const browser = await launchEngine(engine);
    return {
      engine,
      newPage: () => browser.newPage(),
      sampleRss: async () => ({ stop: async () => undefined }),
      meterCpu: async () => ({ stop: async () => undefined }),
      traceMainThread: async () => ({ stop: async () => undefined }),
      close: () => browser.close(),
    };
  }
  const marker = `--ferry-bench=${process.pid}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc', marker],
  });
  const rootPid = await browserPid(marker);
  return {
    engine,
    async newPage() {
      // A context of its own for each run (as a fresh profile would be).
      const context = await browser.newContext();
      const page = await context.newPage();
      return {
        goto: async (url) => {
          await page.goto(url);
        },
        async setInputFiles(locate, paths) {
          // Playwright types the value of an expression as unknown, and so asElement()'s as null.
          const input = (await page.evaluateHandle(locate)).asElement() as ElementHandle | null;
          if (!input) throw new Error(`${locate} is no element`);
          await input.setInputFiles([...paths]);
        },
        // tsc needs the casts (Playwright's parameter is `PageFunction<A, T>`, over `Unboxed<A>`):
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the rule is wrong here
        evaluate: <A, T>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as never, arg) as Promise<T>,
        close: () => context.close(),
      };
    },
    sampleRss: () => sampleRendererRss(rootPid),
    meterCpu: () => startCpuMeter(rootPid),
    async traceMainThread() {
      await browser.startTracing(undefined, { categories: MAIN_THREAD_CATEGORIES });
      return { stop: async () => mainThreadTasks(await browser.stopTracing()) };
    },
    close: () => browser.close(),
  };
}
