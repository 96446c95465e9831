/**
 * A new version reaches an open page: the service worker is asked for again (never cached), the
 * new one takes over, and the page says "A new version of Plenary is ready" with a Reload button
 * — instead of swapping code under someone's typing, or never updating at all. The server serves
 * a copy of the built app, whose service worker the test changes as a new build would.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, startServer, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { launchBrowser, newPerson } from './utils/browser.ts';

describe('app update notice', () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'plenary-web-'));
  let server: PlenaryServer;
  let browser: Browser;
  beforeAll(async () => {
    cpSync(path.join(REPO_ROOT, 'web/build'), webDir, { recursive: true });
    server = await startServer({ env: { WEB_DIR: webDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  test('an open page offers a reload once a new version is installed, and not before', async (ctx) => {
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    await page.goto('/');
    // The first version installs and takes control of the page: no notice for that.
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), 60_000, 'the service worker to control the page');
    expect(await page.getByTestId('update-notice').count()).toBe(0);

    // A new build: its service worker differs (and its compressed copies are gone with the old build).
    const worker = path.join(webDir, 'service-worker.js');
    writeFileSync(worker, `${readFileSync(worker, 'utf8')}\n// the next version\n`);
    rmSync(`${worker}.br`, { force: true });
    rmSync(`${worker}.gz`, { force: true });
    // What the page does every half hour (and browsers on every navigation).
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    const notice = page.getByTestId('update-notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('A new version of Plenary is ready.');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('heading').first().waitFor();
    expect(await page.getByTestId('update-notice').count()).toBe(0);
    await context.close();
  }, 180_000);
});
