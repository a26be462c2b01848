// Where Debian's packages put the engines beyond Chromium (see chromium.ts for Chromium).

/** Debian's Firefox ESR (package `firefox-esr`), driven by puppeteer over WebDriver BiDi. */
export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/** WebKitGTK's minimal browser, which WebKitWebDriver automates (package `webkit2gtk-driver`). */
export const MINIBROWSER_PATH =
  process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
