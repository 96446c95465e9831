/**
 * A facilitated session in Chromium: a facilitator (wall and board), two delegates and a present
 * screen. A timer started on the wall reads the same second everywhere; a dot vote is opened,
 * cast, taken back, closed and revealed; cities answer on an agreed action; locking a board makes
 * a delegate's board read-only and unlocking restores it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDemoWorkshop, startAppServer, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { launchBrowser } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs, type BoardPerson } from './board-support.ts';
import { confirmByName } from './utils/identity.ts';
import { cardById, openBoardAsFacilitator, openPresent, openWall, seedCards, timerSeconds } from './facilitation-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
let workshop: CreatedWorkshop;
let boardId: string;
let wall: Page;
let present: Page;
let ana: BoardPerson;
let somchai: BoardPerson;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
  workshop = await createDemoWorkshop(server, 'Facilitated session');
  boardId = workshop.boards[0]!.id;
  wall = await openWall(browser, server, workshop);
  somchai = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok' });
  ana = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Costa', city: 'Porto' });
  // Their cities are granted on the wall (a lobby request each), before any vote or consent.
  for (const name of ['Somchai', 'Ana Costa']) await confirmByName(server.httpBase, workshop.id, workshop.tokens.facilitator, name);
  present = await openPresent(browser, server, workshop, boardId);
  // Four browsers and a server: on a busy shared machine this takes longer than the default hook time.
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = () => [wall, somchai?.page, ana?.page, present];

describe('facilitation', () => {
  test('a timer started on the wall shows the same second on the present screen and a delegate board', async (ctx) => {
    screenshotOnFailure(ctx, pages);
    await wall.getByTestId('all-minutes').fill('5');
    await wall.getByTestId('all-timer-start').click();
    for (const page of [present, somchai.page, wall]) {
      await waitFor(async () => ((await timerSeconds(page)) ?? 0) > 290, 10_000, 'timer shown');
    }
    // Several readings, taken at the same moment on both screens.
    for (let i = 0; i < 5; i++) {
      const [a, b] = await Promise.all([timerSeconds(present), timerSeconds(somchai.page)]);
      expect(a).not.toBeNull();
      expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1);
      await present.waitForTimeout(300);
    }
    // Pause: every screen stops at the same second.
    await wall.getByTestId('all-timer-pause').click();
    await waitFor(async () => (await present.getByTestId('timer').getAttribute('data-state')) === 'paused', 10_000, 'paused on the present screen');
    await waitFor(async () => (await somchai.page.getByTestId('timer').getAttribute('data-state')) === 'paused', 10_000, 'paused on the board');
    expect(await timerSeconds(present)).toBe(await timerSeconds(somchai.page));
  });

  test('a dot vote: votes left, taking one back, closing and revealing tallies', async (ctx) => {
    screenshotOnFailure(ctx, pages);
    const [bikes, trees] = await seedCards(server, workshop, boardId, [
      { kind: 'idea', text: 'Shared bike lanes' },
      { kind: 'idea', text: 'Street trees' }
    ]);
    // The facilitator's second tab: same device (same stored token and name) as the wall.
    const fac = await (await browser.newContext({ baseURL: server.httpBase, storageState: await wall.context().storageState() })).newPage();
    await openBoardAsFacilitator(fac, workshop, boardId);
    await fac.getByTestId('lane-ideas').getByTestId('open-round').click();
    await fac.getByTestId('votes-per-delegate').fill('2');
    await fac.getByTestId('open-round-submit').click();

    const left = (page: Page) => page.getByTestId('lane-ideas').getByTestId('votes-left').getAttribute('data-left');
    for (const person of [somchai, ana]) await waitFor(async () => (await left(person.page)) === '2', 10_000, 'two votes to give');

    await cardById(somchai.page, bikes!).getByTestId('vote').click();
    await waitFor(async () => (await left(somchai.page)) === '1', 10_000, 'one vote left');
    await cardById(somchai.page, bikes!).getByTestId('vote').click();
    await waitFor(async () => (await left(somchai.page)) === '0', 10_000, 'no votes left');
    expect(await cardById(somchai.page, trees!).getByTestId('vote').isDisabled()).toBe(true);
    // Taking one back frees it for another card.
    await cardById(somchai.page, bikes!).getByTestId('unvote').click();
    await waitFor(async () => (await left(somchai.page)) === '1', 10_000, 'a vote back');
    await cardById(somchai.page, trees!).getByTestId('vote').click();
    await waitFor(async () => (await left(somchai.page)) === '0', 10_000, 'all votes given');

    await cardById(ana.page, bikes!).getByTestId('vote').click();
    await waitFor(async () => (await left(ana.page)) === '1', 10_000, 'Ana voted');
    // Before the reveal nobody sees a tally.
    expect(await present.getByTestId('present-tally').count()).toBe(0);

    await fac.getByTestId('close-round').click();
    await fac.getByTestId('reveal-round').click();
    const tally = (page: Page, id: string, testid: string) => cardById(page, id).getByTestId(testid).getAttribute('data-tally', { timeout: 10_000 });
    for (const page of [somchai.page, ana.page]) {
      await waitFor(async () => (await tally(page, bikes!, 'tally')) === '2', 10_000, 'bikes tally');
      expect(await tally(page, trees!, 'tally')).toBe('1');
    }
    await waitFor(async () => (await tally(present, bikes!, 'present-tally')) === '2', 10_000, 'tally on the present screen');
    await fac.context().close();
  });

  test('consent on an agreed action: tally per answer and the cities asked that have not answered', async (ctx) => {
    screenshotOnFailure(ctx, pages);
    const [actionId] = await seedCards(server, workshop, boardId, [
      { kind: 'action', text: 'Green schools exchange', lane: 'agreed', partnerCities: ['Bangkok', 'Seoul', 'Chengdu'] }
    ]);
    const answer = async (page: Page, option: 'endorse' | 'object', note?: string) => {
      const consent = cardById(page, actionId!).getByTestId('consent');
      await consent.locator('summary').click();
      await consent.getByTestId('consent-answer').click();
      await consent.getByTestId(`consent-${option}`).check();
      if (note) await consent.getByTestId('consent-note').fill(note);
      await consent.getByTestId('consent-submit').click();
    };
    await answer(somchai.page, 'endorse');
    await answer(ana.page, 'object', 'Porto cannot fund a second exchange this year');

    const tally = cardById(somchai.page, actionId!).getByTestId('consent-tally');
    await waitFor(async () => (await tally.getAttribute('data-endorse')) === '1' && (await tally.getAttribute('data-object')) === '1', 10_000, 'both answers');
    const consent = cardById(somchai.page, actionId!).getByTestId('consent');
    expect(await consent.getAttribute('data-verdict')).toBe('objected');
    // The cities the action involves (lead Porto; Bangkok, Seoul, Chengdu) but the two that answered.
    expect(Number(await consent.getAttribute('data-missing'))).toBe(2);
    const missingText = (await cardById(somchai.page, actionId!).getByTestId('consent-missing').textContent()) ?? '';
    expect(missingText).not.toContain('Bangkok');
    expect(missingText).not.toContain('Porto');
    await waitFor(
      async () => ((await cardById(present, actionId!).getByTestId('present-consent').textContent()) ?? '').includes('✗ 1'),
      10_000,
      'consent on the present screen'
    );

    // The facilitator records, on its behalf, the answer Seoul sent by email.
    await openBoardAsFacilitator(wall, workshop, boardId);
    const onBehalf = cardById(wall, actionId!).getByTestId('consent');
    await onBehalf.locator('summary').click();
    await onBehalf.getByTestId('consent-answer').click();
    await onBehalf.getByTestId('consent-city').selectOption('Seoul');
    await onBehalf.getByTestId('consent-endorse').check();
    await onBehalf.getByTestId('consent-submit').click();
    await waitFor(async () => (await tally.getAttribute('data-endorse')) === '2', 10_000, "Seoul's answer on a delegate's board");
    expect(await cardById(somchai.page, actionId!).locator('[data-testid="consent-record"][data-city="Seoul"]').count()).toBe(1);
    await wall.goto(`${server.httpBase}/w/${encodeURIComponent(workshop.id)}/wall`);
    await wall.getByTestId('wall').waitFor();
  });

  test('locking a board makes a delegate board read-only; unlocking restores editing', async (ctx) => {
    screenshotOnFailure(ctx, pages);
    const tile = wall.locator(`[data-board-id="${boardId}"]`);
    await tile.getByTestId('wall-lock').click();
    await somchai.page.getByTestId('lock-badge').waitFor({ timeout: 10_000 });
    await present.getByTestId('lock-badge').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await somchai.page.getByTestId('quick-add').count()) === 0, 10_000, 'no quick add while locked');
    expect(await somchai.page.getByTestId('card-text').first().getAttribute('readonly')).not.toBeNull();

    await tile.getByTestId('wall-lock').click();
    await waitFor(async () => (await somchai.page.getByTestId('lock-badge').count()) === 0, 10_000, 'unlocked');
    await waitFor(async () => (await somchai.page.getByTestId('quick-add').count()) > 0, 10_000, 'quick add back');
    expect(await somchai.page.getByTestId('card-text').first().getAttribute('readonly')).toBeNull();
  });
});
