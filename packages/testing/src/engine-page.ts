import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import type { Browser as WebdriverBrowser } from 'webdriverio';
import { FIREFOX_PATH, MINIBROWSER_PATH } from './engine-paths.js';
import { startWebKitDriver, type WebKitDriver } from './webkit-driver.js';

/**
 * A page in Firefox ESR or WebKitGTK, driven the one way each can be here (puppeteer over BiDi,
 * WebDriver classic), for the end-to-end run and the benchmark beyond Chromium (Playwright's).
 */
export interface EnginePage {
  goto(url: string): Promise<void>;
  /** Sets local files on the file input that `locate` (a JavaScript expression) evaluates to. */
  setInputFiles(locate: string, paths: readonly string[]): Promise<void>;
  /** Runs `fn(arg)` in the page and resolves with its (awaited, JSON-serialisable) result. */
  evaluate<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

/** A running Firefox ESR or WebKitGTK. */
export interface EngineBrowser {
  readonly engine: 'firefox' | 'webkit';
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/**
 * Launches Firefox ESR (puppeteer-core) or WebKitGTK's MiniBrowser (WebKitWebDriver on Xvfb).
 * Firefox runs with BiDi network events off: with them on it copies every request body on its
 * main thread, and uploads crawl.
 */
export async function launchEngine(engine: 'firefox' | 'webkit'): Promise<EngineBrowser> {
  return engine === 'firefox' ? launchFirefox() : launchWebKit();
}

async function launchFirefox(): Promise<EngineBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    networkEnabled: false,
  });
  return {
    engine: 'firefox',
    async newPage() {
      const page: PuppeteerPage = await browser.newPage();
      page.setDefaultTimeout(600_000);
      return {
        goto: async (url) => {
          await page.goto(url);
        },
        async setInputFiles(locate, paths) {
          const input = (
            await page.evaluateHandle(locate)
          ).asElement() as import('puppeteer-core').ElementHandle<HTMLInputElement>;
          await input.uploadFile(...paths);
        },
        // tsc needs the `never` (puppeteer's parameter is `EvaluateFunc<[FlattenHandle<A>]>`):
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the rule is wrong here
        evaluate: <A, T>(fn: (arg: A) => T | Promise<T>, arg: A) => page.evaluate(fn as never, arg) as Promise<T>,
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function launchWebKit(): Promise<EngineBrowser> {
  const { remote } = await import('webdriverio');
  const driver: WebKitDriver = await startWebKitDriver();
  let browser: WebdriverBrowser;
  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port: driver.port,
      path: '/',
      logLevel: 'error',
      // A page script may run for minutes (a benchmark round on a slow link); never retried.
      connectionRetryTimeout: 600_000,
      connectionRetryCount: 0,
      capabilities: {
        // Without it webdriverio asks for BiDi, which WebKitWebDriver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    });
    await browser.setTimeout({ script: 600_000, pageLoad: 60_000 });
  } catch (error) {
    await driver.stop();
    throw error;
  }
  // WebDriver classic drives one window: one page at a time.
  return {
    engine: 'webkit',
    async newPage() {
      return {
        goto: async (url) => {
          await browser.url(url);
        },
        async setInputFiles(locate, paths) {
          const input = await browser.execute<Record<string, string>, []>(`return ${locate};`);
          const id = Object.values(input)[0]!;
          await browser.elementSendKeys(id, paths.join('\n'));
        },
        evaluate: <A, T>(fn: (arg: A) => T | Promise<T>, arg: A) =>
          browser.execute(`return (${fn.toString()})(arguments[0]);`, arg) as Promise<T>,
        close: async () => {
          await browser.url('about:blank');
        },
      };
    },
    async close() {
      await browser.deleteSession().catch(() => undefined);
      await driver.stop();
    },
  };
}
