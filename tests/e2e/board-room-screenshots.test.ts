/**
 * Screenshots of the board in the room: a phone (390×844) with "Move to…" open, and a laptop
 * (1280×800). Test runs keep them with the artifacts; `PLENARY_SCREENSHOTS_DIR=docs/screenshots`
 * refreshes the docs.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../utils/server.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { Viewport } from './utils/browser.ts';
import { openBoardAs } from './board-support.ts';
import { seedCards } from './facilitation-support.ts';
import { cardReading, openBoardOnPhone } from './phone-board-support.ts';
import { waitFor } from '../utils/wait.ts';
import { fontsLoaded } from './utils/fonts.ts';

const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const shoot = async (page: Page, name: string) => {
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
};

test('screenshots of the board on a phone (Move to… open) and on a laptop', async (ctx) => {
  let phonePage: Page | undefined;
  let laptopPage: Page | undefined;
  screenshotOnFailure(ctx, () => [phonePage, laptopPage]);
  mkdirSync(OUT, { recursive: true });
  const workshop = await createDemoWorkshop(server, 'Mekong Urban Resilience Seminar');
  const boardId = workshop.boards[0]!.id;
  await seedCards(server, workshop, boardId, [
    { kind: 'idea', text: 'Shared air-quality sensors on school roofs' },
    { kind: 'idea', text: 'Night market food-waste pilot' },
    { kind: 'idea', text: 'Flood early-warning by SMS in three languages' },
    { kind: 'idea', text: 'Tree-planting weekends with city staff' },
    { kind: 'action', text: 'Green schools exchange', lane: 'proposed' },
    { kind: 'action', text: 'Cool roofs for markets', lane: 'proposed' },
    { kind: 'action', text: 'River clean-up day', lane: 'agreed' }
  ]);

  const phone = await openBoardOnPhone(browser, server, workshop, boardId, { name: 'Sophea', city: 'Phnom Penh' });
  phonePage = phone.page;
  await waitFor(async () => (await phonePage!.getByTestId('card').count()) >= 4, 10_000, 'the cards on the phone');
  await (await cardReading(phonePage, 'Night market food-waste pilot')).getByTestId('move-handle').tap();
  await phonePage.getByTestId('move-menu').waitFor();
  await shoot(phonePage, 'board-phone-move-menu-390x844');
  expect(await phonePage.viewportSize()).toEqual(Viewport.phone);
  await phone.context.close();

  const laptop = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana', city: 'Porto' }, { viewport: Viewport.desktop });
  laptopPage = laptop.page;
  await waitFor(async () => (await laptopPage!.getByTestId('card').count()) >= 7, 10_000, 'the cards on the laptop');
  await shoot(laptopPage, 'board-laptop-1280x800');
  await laptop.context.close();
});
