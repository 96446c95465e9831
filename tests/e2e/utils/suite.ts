/**
 * What every browser test file needs around its tests: the app's server and Chromium, started
 * once before the file's tests and closed after them, whatever happened.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type PlenaryServer } from './app.ts';
import { launchBrowser } from './browser.ts';

/** Registers the file's hooks; `ready` receives the server and browser once both run. */
export const withAppAndBrowser = (ready: (server: PlenaryServer, browser: Browser) => void): void => {
  let server: PlenaryServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
};
