/**
 * The Export menu while a file is being prepared, in real Chromium against a real server with one
 * render slot and no queue (EXPORT_CONCURRENCY=1, EXPORT_QUEUE=0):
 *  - a chosen format shows "Preparing Spreadsheet (.csv)…" with a spinner, every format waits (a second click asks
 *    nothing of the server), and the file arrives as a download under the server's name. The
 *    request is held in the browser until the menu has been looked at, then goes to the server;
 *  - while a large workshop export really holds the server's slot, a format answers the server's
 *    503 with "try again in N seconds".
 * Screenshots of the menu while preparing, at laptop and phone size, are kept in tests/artifacts/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { readBoard } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { writeRawCards } from '../export/raw-cards.ts';
import { openBoardAs } from './board-support.ts';
import { WEB_BUILD } from './utils/app.ts';
import { ARTIFACTS_DIR, screenshotOnFailure } from './utils/artifacts.ts';
import { launchBrowser, Viewport } from './utils/browser.ts';
import { fontsLoaded } from './utils/fonts.ts';

const shoot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
};

describe('Export menu progress', () => {
  let server: PlenaryServer;
  let browser: Browser;
  let workshop: CreatedWorkshop;
  let boardId: string;

  beforeAll(async () => {
    if (!existsSync(WEB_BUILD)) throw new Error('web/build is missing: run `pnpm build` first');
    server = await startServer({ env: { EXPORT_CONCURRENCY: '1', EXPORT_QUEUE: '0' } });
    browser = await launchBrowser();
    workshop = await server.createWorkshop({
      title: 'Closing session',
      themes: ['Environment', 'Culture'],
      cities: [
        { en: 'Moscow', native: 'Москва' },
        { en: 'Hanoi', native: 'Hà Nội' }
      ]
    });
    boardId = workshop.boards[1]!.id;
    // The first board is large, so its export holds the server's one slot for a while.
    const big = workshop.boards[0]!.id;
    const writer = connectClient(server.syncBase, big, workshop.tokens.facilitator);
    const reader = connectClient(server.syncBase, big, workshop.tokens.facilitator);
    try {
      await writer.synced(60_000);
      for (let i = 0; i < 2_000; i += 500) writeRawCards(writer.doc, 500, i);
      await reader.synced(60_000);
      await waitFor(() => readBoard(reader.doc).cards.length === 2_000, 60_000, 'the server to hold the large board');
    } finally {
      writer.destroy();
      reader.destroy();
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [size, viewport] of Object.entries(Viewport)) {
    it(`shows the format being prepared and waits for it (${size})`, { timeout: 240_000 }, async (ctx) => {
      let page: Page | undefined;
      screenshotOnFailure(ctx, () => [page]);
      const person = await openBoardAs(browser, server, workshop, boardId, { name: 'Anna', city: 'Moscow' }, { viewport });
      page = person.page;
      // Hold the export in the browser until the menu has been looked at; then it goes to the server.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const asked: string[] = [];
      await page.route('**/export.*', async (route: Route) => {
        asked.push(route.request().url());
        await held;
        await route.continue();
      });
      // On a phone the board's tools sit behind the ⋯ button.
      if (size === 'phone') await page.getByTestId('board-tools-toggle').click();
      await page.getByTestId('export-open').click();
      const downloaded = page.waitForEvent('download', { timeout: 120_000 });
      // Awaited below; a test that fails before then closes the page, and that rejection is not news.
      downloaded.catch(() => undefined);
      await page.getByTestId('export-csv').click();
      const status = page.getByTestId('export-preparing');
      await status.waitFor();
      expect(await status.textContent()).toContain('Preparing Spreadsheet (.csv)…');
      const disabled = await page
        .getByTestId('export-menu')
        .locator('a[download]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('aria-disabled')));
      expect(disabled).toEqual(Array(6).fill('true'));
      // A repeat click while one is being prepared asks nothing more of the server.
      await page.getByTestId('export-pdf').click({ force: true });
      await shoot(page, `export-menu-preparing-${size}`);
      // The menu says "Preparing" as it asks; the request reaches this test's route a moment later.
      await waitFor(() => asked.length > 0, 10_000, 'the export request');
      expect(asked).toHaveLength(1);
      release();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      await waitFor(async () => !(await page!.getByTestId('export-preparing').isVisible()), 30_000, 'the menu to finish');
      expect(asked).toHaveLength(1);
      await person.context.close();
    });
  }

  it('says when to try again when the server is busy with another export (503)', { timeout: 240_000 }, async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const person = await openBoardAs(browser, server, workshop, boardId, { name: 'Anna', city: 'Moscow' });
    page = person.page;
    const big = server.fetch(`/api/workshops/${workshop.id}/export.docx`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
    await waitFor(
      async () => ((await (await server.fetch('/api/exports/queue')).json()) as { running: number }).running === 1,
      60_000,
      'the large export to hold the slot'
    );
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-csv').click();
    const failure = page.getByTestId('export-failure');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.textContent()).toMatch(/The server is busy preparing other exports\. Try again in \d+ seconds?\./);
    await shoot(page, 'export-menu-busy-desktop');
    expect((await big).status).toBe(200);
    await person.context.close();
  });
});
