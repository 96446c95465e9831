/**
 * Present mode shows every card of a lane on a 1920×1080 projector: twelve ideas in one lane,
 * some long, each seen whole inside the screen and inside its lane at once; thirty, each seen whole
 * on one of the pages the lane turns by itself (nobody scrolls a projector). Its tab is named
 * without a gap while the workshop's details are on their way.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { cardById, seedCards } from './facilitation-support.ts';
import { openProjector } from './room-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

/** Test runs keep their shots with the artifacts; `PLENARY_SCREENSHOTS_DIR=docs/screenshots` refreshes the docs. */
const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));
const SCREEN = { width: 1920, height: 1080 };

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const IDEAS = [
  'Night markets with street food from every sister city',
  'Shared bus lanes for school runs',
  'Repair cafés in every district library, open on Saturdays, with volunteers from the technical college',
  '共享城市公园管理经验',
  '하천 복원 사례 공유',
  'Dia conjunto de limpeza do rio',
  'แลกเปลี่ยนข้อมูลคุณภาพอากาศแบบเรียลไทม์ระหว่างเมืองพี่เมืองน้อง',
  'Thermal-bath energy reuse for public housing',
  'A youth orchestra exchange every summer',
  'Open data portal for tram and bus timetables, in every language of the partnership',
  'Tree-planting day on the same date in all sixteen cities',
  'Joint tourism card for museums'
];

/** The card is whole inside the screen and inside the visible part of its lane. */
const seenWhole = (page: Page, id: string): Promise<boolean> =>
  cardById(page, id).evaluate((card, screen) => {
    const box = card.getBoundingClientRect();
    const lane = card.closest('.cards')!.getBoundingClientRect();
    const inside = (outer: { top: number; bottom: number; left: number; right: number }) =>
      box.top >= outer.top - 1 && box.bottom <= outer.bottom + 1 && box.left >= outer.left - 1 && box.right <= outer.right + 1;
    return box.height > 0 && inside({ top: 0, left: 0, bottom: screen.height, right: screen.width }) && inside(lane);
  }, SCREEN);

describe('present mode fits the screen', () => {
  test('at 1920×1080 every one of twelve cards in a lane is seen whole', async (ctx) => {
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [projector]);
    const workshop = await createDemoWorkshop(server, 'Present fits');
    const boardId = workshop.boards[0]!.id;
    const ids = await seedCards(
      server,
      workshop,
      boardId,
      IDEAS.map((text) => ({ kind: 'idea' as const, text }))
    );

    projector = await openProjector(browser, server, workshop, boardId, SCREEN);
    await waitFor(async () => (await projector!.getByTestId('present-card').count()) === IDEAS.length, 10_000, 'every card presented');
    await fontsLoaded(projector);
    mkdirSync(OUT, { recursive: true });
    await projector.screenshot({ path: path.join(OUT, 'present-1920x1080-full-lane.png') });

    // Each card is seen whole at some moment: now, or on a later page of its lane.
    const seen = new Set<string>();
    await waitFor(
      async () => {
        for (const id of ids) if (!seen.has(id) && (await seenWhole(projector!, id))) seen.add(id);
        return seen.size === ids.length;
      },
      60_000,
      'every card seen whole',
      250
    );
    expect(seen.size).toBe(IDEAS.length);
  }, 300_000);

  test('a lane with more cards than fit even when shrunk pages through them by itself', async (ctx) => {
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [projector]);
    const workshop = await createDemoWorkshop(server, 'Present pages');
    const boardId = workshop.boards[0]!.id;
    const texts = Array.from({ length: 30 }, (_, i) => `${i + 1}. ${IDEAS[i % IDEAS.length]!}`);
    const ids = await seedCards(
      server,
      workshop,
      boardId,
      texts.map((text) => ({ kind: 'idea' as const, text }))
    );

    projector = await openProjector(browser, server, workshop, boardId, SCREEN);
    await waitFor(async () => (await projector!.getByTestId('present-card').count()) === texts.length, 10_000, 'every card presented');
    const lane = projector.getByTestId('present-lane-ideas').locator('.cards');
    await waitFor(async () => (await lane.getAttribute('data-paged')) === 'true', 10_000, 'the lane pages');
    // A fade at the bottom of a paging lane says there is more to come.
    expect(await lane.evaluate((el) => getComputedStyle(el).maskImage)).toContain('linear-gradient');
    const seen = new Set<string>();
    await waitFor(
      async () => {
        for (const id of ids) if (!seen.has(id) && (await seenWhole(projector!, id))) seen.add(id);
        return seen.size === ids.length;
      },
      120_000,
      'every card seen whole on some page',
      250
    );
    expect(seen.size).toBe(texts.length);
  }, 300_000);

  test('names its tab without a gap before the workshop’s details arrive, then with the theme', async (ctx) => {
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [projector]);
    const workshop = await createDemoWorkshop(server, 'Present tab title');
    const board = workshop.boards[2]!;
    const workshopDetails = /\/api\/workshops\/[^/?]+(\?.*)?$/;
    const { context, page } = await newPerson(browser, server.httpBase);
    projector = page;
    const held: Route[] = [];
    await context.route(workshopDetails, (route) => void held.push(route));
    await page.goto(`/w/${workshop.id}/b/${board.id}/present?token=${encodeURIComponent(workshop.tokens.observer)}`);
    await waitFor(() => held.length > 0, 15_000, "the page to ask for the workshop's details");
    expect(await page.title()).toBe('Present');
    for (const route of held.splice(0)) await route.fallback();
    await context.unroute(workshopDetails);
    await waitFor(async () => (await page.title()) === `${board.theme} · Present`, 10_000, 'the theme in the tab');
    await context.close();
  });
});
