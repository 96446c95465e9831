/**
 * What every browser test file needs around its tests: the app's server, started before the file's
 * tests and closed after them whatever happened, and Chromium.
 *
 * One Chromium serves the files one after another: the browser project runs its files in one
 * worker that keeps its modules (tests/vitest.config.ts, `isolate: false`), and launching and
 * closing Chromium for each file was about a second of the lane's critical path per file, 48 files
 * long. Files share nothing through it: each person is a context of their own (own storage,
 * IndexedDB and service worker), and the contexts a file leaves open are closed after it. A browser
 * that crashed or was closed is launched again for the next file.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startAppServer, type PlenaryServer } from './app.ts';
import { launchBrowser } from './browser.ts';

let shared: Promise<Browser> | null = null;

const sharedBrowser = async (): Promise<Browser> => {
  const running = await shared?.catch(() => null);
  if (running?.isConnected()) return running;
  shared = launchBrowser();
  return shared;
};

/** Registers the file's hooks; `ready` receives the server and browser once both run. */
export const withAppAndBrowser = (ready: (server: PlenaryServer, browser: Browser) => void): void => {
  let server: PlenaryServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startAppServer();
    browser = await sharedBrowser();
    ready(server, browser);
  });
  afterAll(async () => {
    await Promise.allSettled((browser?.contexts() ?? []).map((context) => context.close()));
    await server?.close();
  });
};
