/**
 * Screenshots of the board for docs/screenshots/board-*.png: the demo seminar with realistic cards
 * in Thai, Chinese and English, two people on the board, on a laptop (1280×800) and a phone
 * (390×844), plus the action form. Needs `pnpm build`. Run:
 *   node --import tsx tests/bench/web-board-screenshots.ts
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/utils/browser.ts';
import { workshopSeed } from '@plenary/shared/seed';
import { connectClient } from '../utils/clients.ts';
import { REPO_ROOT, startServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { addRealisticCards } from '../utils/realistic-cards.ts';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

const person = async (
  browser: Browser,
  base: string,
  workshopId: string,
  who: { name: string; city: string; lang: string; color: string },
  viewport: { width: number; height: number }
) => {
  const context = await browser.newContext({ baseURL: base, viewport, deviceScaleFactor: 1, locale: who.lang === 'th' ? 'th-TH' : 'en-GB' });
  await context.addInitScript(
    ([id, identity, lang]) => {
      localStorage.setItem(`plenary.identity.${id}`, identity);
      localStorage.setItem('plenary.locale', lang);
    },
    [workshopId, JSON.stringify(who), who.lang === 'th' ? 'th' : 'en'] as const
  );
  return context.newPage();
};

const server = await startServer({ env: { LOG_LEVEL: 'info' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS
});
try {
  const host = workshopSeed.workshop.host;
  const workshop = await server.createWorkshop({
    title: workshopSeed.workshop.title,
    themes: workshopSeed.themes.map((t) => t.en),
    hostCity: { en: host.city, native: host.native, country: host.country, lang: host.lang },
    cities: workshopSeed.cities
  });
  const board = workshop.boards[0]!;
  const seeder = connectClient(server.syncBase, board.id, workshop.tokens.delegate);
  await seeder.synced();
  addRealisticCards(seeder.doc);
  await new Promise((r) => setTimeout(r, 500));
  seeder.destroy();
  const link = `/w/${workshop.id}/b/${board.id}?token=${workshop.tokens.delegate}`;

  const liWei = await person(
    browser,
    server.httpBase,
    workshop.id,
    { name: 'Li Wei', city: 'Chengdu', lang: 'zh', color: '#b3261e' },
    { width: 1280, height: 800 }
  );
  await liWei.goto(link);
  await liWei.getByTestId('board').waitFor();
  await liWei.getByTestId('card-text').nth(1).click();

  for (const [name, viewport, lang] of [
    ['board-desktop', { width: 1280, height: 800 }, 'en'],
    ['board-phone', { width: 390, height: 844 }, 'en'],
    ['board-desktop-th', { width: 1280, height: 800 }, 'th']
  ] as const) {
    const page = await person(browser, server.httpBase, workshop.id, { name: 'Somchai', city: 'Bangkok', lang, color: '#1f6feb' }, viewport);
    await page.goto(link);
    await page.getByTestId('board').waitFor();
    await waitFor(async () => (await page.getByTestId('card-editors').count()) > 0, 10_000, 'Li Wei’s marker');
    // The board draws before the workshop's details arrive (its title, the workshop's name) and
    // before the version tools load: the screenshot shows the page once they are there, as a
    // person sees it a moment after opening it.
    await waitFor(async () => ((await page.getByTestId('board-header').locator('h1').textContent()) ?? '').trim() !== '', 10_000, 'the theme title');
    if (viewport.width > 760) await page.getByTestId('history-open').waitFor();
    await page.screenshot({ path: path.join(OUT, `${name}.png`) });
    if (name === 'board-desktop') {
      await page.getByTestId('open-action').first().click();
      await page.getByTestId('action-editor').waitFor();
      await page.screenshot({ path: path.join(OUT, 'board-action-form.png') });
    }
    await page.context().close();
  }
  console.log(`screenshots written to ${path.relative(REPO_ROOT, OUT)}`);
} finally {
  await browser.close();
  await server.close();
}
