import type { BrowserLauncher } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { FIREFOX_PATH, MINIBROWSER_PATH } from './engine-paths.js';
import { startWebKitDriver, type WebKitDriver } from './webkit-driver.js';

/** The engines the browser tests run in, each from Debian's packages. */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number];

/**
 * The engine named by `FERRY_BROWSER` (`chromium`, `firefox` or `webkit`); Chromium when unset.
 * One engine per run: the stack's fault proxies are shared, so engines must not run side by side.
 */
export function selectedEngine(value = process.env['FERRY_BROWSER']): Engine {
  const name = value?.trim().toLowerCase() || 'chromium';
  if (!(ENGINES as readonly string[]).includes(name)) {
    throw new Error(`FERRY_BROWSER=${value} is not one of ${ENGINES.join(', ')}.`);
  }
  return name as Engine;
}

/** A @web/test-runner launcher for `engine`. */
export function launcherFor(engine: Engine): BrowserLauncher {
  switch (engine) {
    case 'chromium':
      return playwrightLauncher({
        product: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] },
      });
    case 'firefox': {
      // Playwright cannot drive Firefox ESR (its BiDi path needs commands ESR lacks); puppeteer can.
      // With BiDi network events on, Firefox copies every request body on its main thread: off.
      const launcher = puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, networkEnabled: false },
      });
      launcher.name = 'Firefox';
      return launcher;
    }
    case 'webkit':
      // Its d.ts types a session's coverage as possibly undefined, which exactOptionalPropertyTypes refuses.
      return new WebKitLauncher() as unknown as BrowserLauncher;
  }
}

/**
 * WebKitGTK's MiniBrowser through `WebKitWebDriver` (WebDriver classic), on a private Xvfb
 * display: both are started with the launcher and stopped with it.
 */
class WebKitLauncher extends WebdriverLauncher {
  // The launcher reads these options when it connects, after initialize() has set the port.
  readonly #options: { port: number };
  #driver: WebKitDriver | undefined;

  constructor() {
    const options = {
      hostname: '127.0.0.1',
      port: 0,
      path: '/',
      automationProtocol: 'webdriver' as const,
      capabilities: {
        // Without it webdriverio asks for BiDi, which WebKitWebDriver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      },
    };
    super(options);
    this.#options = options;
  }

  override async initialize(config: Parameters<WebdriverLauncher['initialize']>[0]): Promise<void> {
    this.#driver = await startWebKitDriver();
    this.#options.port = this.#driver.port;
    await super.initialize(config);
    this.name = 'WebKit';
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.#driver?.stop();
    this.#driver = undefined;
  }
}
