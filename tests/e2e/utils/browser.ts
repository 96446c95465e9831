/**
 * Debian's Chromium, driven by playwright-core, for end-to-end tests of the built web app served
 * by a real Plenary server. One browser for the test files one after another (suite.ts); one
 * context per person (separate storage, so two contexts are two devices).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../../server/src/exports/pdf-printer.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const Viewport = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 }
} as const;

/**
 * Chromium's flags for every browser the tests and benchmarks start: the server's own (its PDF
 * printer's), and one more that turns off the desktop browser's address-bar popup: headless
 * Chromium builds it in a renderer of its own after every navigation to an address, about 1.2 s of
 * CPU each time (measured with /proc, three navigations: 3.65 s of renderer CPU with it, 0.08 s
 * without), on a machine with two cores beside the server and the page under test. No phone has it,
 * and the printer never navigates to an address. Chromium builds the popup while any of its three
 * features is on (`OmniboxPopupUIConfig::IsWebUIEnabled`): Debian's 156.0.8078.114 turned the
 * third, WebUIOmniboxPopup, on (three navigations: 0.69–0.82 s of the popup's renderer CPU with the
 * first two off, none with all three).
 */
export const CHROMIUM_ARGS = [...CHROMIUM_FLAGS, '--disable-features=WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,WebUIOmniboxPopup'];

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

export interface PersonOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  /** IANA time zone of the device, e.g. 'America/Los_Angeles'. */
  timezoneId?: string;
}

/** A fresh device: its own localStorage, IndexedDB and service worker. */
export const newPerson = async (browser: Browser, baseURL: string, options: PersonOptions = {}): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? Viewport.desktop,
    locale: options.locale ?? 'en-GB',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    deviceScaleFactor: 1
  });
  const page = await context.newPage();
  // Browser console errors and uncaught exceptions end up in the test output.
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
};
