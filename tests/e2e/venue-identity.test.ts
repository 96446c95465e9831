/**
 * The venue flow of who speaks for a city (docs/FACILITATION.md, "Identity and confirmation"):
 * the facilitator creates a seat for Chengdu on the wall's People panel and hands its link to Li
 * Wei, who works in Thai; the link opens the workshop already named, and on a second device it is
 * the same ballot. Somchai joins with the shared link, waits for confirmation, and the facilitator
 * confirms him with one tap; his page turns to confirmed without a reload. Two Bangkok delegates
 * and one Chengdu delegate vote with one city, one voice: Bangkok's two votes weigh one.
 * Screenshots of the People panel and of the waiting notice, at 1280×800 and 390×844.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { boardLink, createDemoWorkshop, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { waitForStatus } from './board-support.ts';
import { cardById, openWall, seedCards } from './facilitation-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

/** Test runs keep their shots with the artifacts; `PLENARY_SCREENSHOTS_DIR=docs/screenshots` refreshes the docs. */
const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** How long a page may take to show something on a busy machine (a bound, not a measurement). */
const PATIENCE_MS = 120_000;
const patient = (page: Page): Page => {
  page.setDefaultTimeout(PATIENCE_MS);
  page.setDefaultNavigationTimeout(PATIENCE_MS);
  return page;
};

const shoot = async (page: Page, name: string) => {
  mkdirSync(OUT, { recursive: true });
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
};

const api = async <T>(workshop: CreatedWorkshop, token: string, method: string, route: string, body?: unknown): Promise<T> => {
  const response = await fetch(`${server.httpBase}/api/workshops/${workshop.id}/${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  });
  expect(response.ok, `${route}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
};

describe('who speaks for a city, at the venue', () => {
  const pages: Page[] = [];

  test('seats and lobby confirmations on the wall; two delegates vote, one in Thai; one city, one voice', async (ctx) => {
    screenshotOnFailure(ctx, () => pages);
    const workshop = await createDemoWorkshop(server, 'Venue identity');
    const boardId = workshop.boards[0]!.id;
    const [bikes, trees] = await seedCards(server, workshop, boardId, [
      { kind: 'idea', text: 'Shared bike lanes' },
      { kind: 'idea', text: 'Street trees' }
    ]);
    const wall = patient(await openWall(browser, server, workshop));
    pages.push(wall);
    const panel = wall.getByTestId('people-panel');
    await panel.waitFor();

    // A seat for Chengdu, for Li Wei: its link and QR code appear on the wall.
    await panel.getByTestId('seat-city').selectOption('Chengdu');
    await panel.getByTestId('seat-name').fill('Li Wei');
    await panel.getByTestId('seat-create').click();
    const seatUrl = (await panel.getByTestId('seat-url').getAttribute('href', { timeout: 60_000 }))!;
    // The QR encoder is fetched the first time a code is shown, so the image can follow the link.
    await panel.getByTestId('seat-link').getByTestId('invite-qr').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('seat-link').getByTestId('invite-qr').count()).toBe(1);

    // Li Wei opens it on a Thai phone: no "who are you" step, straight in as Li Wei of Chengdu.
    const liWei = patient((await newPerson(browser, server.httpBase, { viewport: Viewport.phone, locale: 'th-TH' })).page);
    pages.push(liWei);
    await liWei.goto(seatUrl.replace(/^https?:\/\/[^/]+/, '').replace(/\?/, `/b/${encodeURIComponent(boardId)}?`));
    // The phone layout shows one lane at a time: wait for the lane, not the whole board.
    await liWei.getByTestId('lane-ideas').waitFor();
    await waitForStatus(liWei, 'connected', PATIENCE_MS);
    expect(await liWei.getByTestId('identity-form').count()).toBe(0);
    await waitFor(async () => (await liWei.locator('html').getAttribute('lang'))?.startsWith('th'), 60_000, 'the Thai interface');
    await waitFor(async () => (await liWei.getByTestId('participant-status').getAttribute('data-status')) === 'confirmed', 60_000, 'the seat to be confirmed');

    // Somchai joins with the shared delegate link and waits for the facilitator.
    const somchai = patient((await newPerson(browser, server.httpBase)).page);
    pages.push(somchai);
    await somchai.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await enterIdentity(somchai, { name: 'Somchai', city: 'Bangkok' });
    await somchai.getByTestId('board').waitFor();
    await somchai.getByTestId('participant-waiting').waitFor({ timeout: 60_000 });
    await waitFor(async () => (await panel.getByTestId('people-pending').getByTestId('person').count()) === 1, 60_000, 'the request on the wall');
    await shoot(somchai, 'venue-waiting-1280x800');
    await somchai.setViewportSize(Viewport.phone);
    await shoot(somchai, 'venue-waiting-390x844');
    await somchai.setViewportSize(Viewport.desktop);
    await shoot(wall, 'venue-people-1280x800');
    await wall.setViewportSize(Viewport.phone);
    await panel.scrollIntoViewIfNeeded();
    await shoot(wall, 'venue-people-390x844');
    await wall.setViewportSize(Viewport.desktop);

    // While waiting, voting tells him why it is closed to him.
    const { round } = await api<{ round: { id: string } }>(workshop, workshop.tokens.facilitator, 'POST', 'rounds', {
      boardId,
      lane: 'ideas',
      votesPerDelegate: 1,
      oneCityOneVoice: true
    });
    await somchai.getByTestId('lane-ideas').getByTestId('vote-why-not').waitFor({ timeout: 60_000 });
    expect(await cardById(somchai, bikes!).getByTestId('vote').count()).toBe(0);

    // One tap on the wall; his page turns to confirmed by itself.
    await panel.getByTestId('people-pending').getByTestId('person-confirm').click();
    await somchai.getByTestId('participant-confirmed').waitFor({ timeout: 60_000 });
    const listed = panel.getByTestId('people-list').locator('[data-testid="person"][data-status="confirmed"]');
    await waitFor(async () => (await listed.count()) >= 2, 60_000, 'Li Wei and Somchai listed as confirmed');

    // A second Bangkok delegate (confirmed through the API the way the button does it).
    const nok = await api<{ participantId: string; token: string }>(workshop, workshop.tokens.delegate, 'POST', 'participants', {
      name: 'Nok',
      city: 'Bangkok'
    });
    await api(workshop, workshop.tokens.facilitator, 'POST', `participants/${nok.participantId}/confirm`);
    await api(workshop, nok.token, 'POST', `rounds/${round.id}/votes`, { cardId: bikes });

    await cardById(somchai, bikes!).getByTestId('vote').click();
    await waitFor(async () => (await somchai.getByTestId('lane-ideas').getByTestId('votes-left').getAttribute('data-left')) === '0', 60_000, 'Somchai voted');
    await cardById(liWei, trees!).getByTestId('vote').click();
    await waitFor(async () => (await liWei.getByTestId('lane-ideas').getByTestId('votes-left').getAttribute('data-left')) === '0', 60_000, 'Li Wei voted');

    // Li Wei's second device, same seat link: the same ballot, no vote left.
    const second = patient((await newPerson(browser, server.httpBase)).page);
    pages.push(second);
    await second.goto(seatUrl.replace(/^https?:\/\/[^/]+/, '').replace(/\?/, `/b/${encodeURIComponent(boardId)}?`));
    await second.getByTestId('board').waitFor();
    await waitFor(
      async () => (await second.getByTestId('lane-ideas').getByTestId('votes-left').getAttribute('data-left')) === '0',
      60_000,
      'the shared ballot'
    );
    expect(await cardById(second, trees!).getByTestId('my-votes').getAttribute('data-count')).toBe('1');

    await api(workshop, workshop.tokens.facilitator, 'POST', `rounds/${round.id}/close`);
    const { tallies } = await api<{ tallies: Record<string, number> }>(workshop, workshop.tokens.facilitator, 'POST', `rounds/${round.id}/reveal`);
    // Bangkok's two votes weigh one, like Chengdu's one.
    expect(tallies).toEqual({ [bikes!]: 1, [trees!]: 1 });
    for (const page of [somchai, liWei]) {
      await waitFor(async () => (await cardById(page, bikes!).getByTestId('tally').getAttribute('data-tally')) === '1', 60_000, 'the tally on the board');
    }
  }, 900_000);
});
