/**
 * Screenshots of the facilitator wall and of present mode (for docs/screenshots), at 1280×800 and
 * 1920×1080, with a running timer, a banner, a revealed vote, consent answers and people on the
 * boards. Each shot also checks that what it shows is there.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs } from './board-support.ts';
import { openPresent, openWall, seedCards } from './facilitation-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

/** Test runs keep their shots with the artifacts; `PLENARY_SCREENSHOTS_DIR=docs/screenshots` refreshes the docs. */
const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));
const SIZES = { '1280x800': { width: 1280, height: 800 }, '1920x1080': { width: 1920, height: 1080 } } as const;

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const shoot = async (page: Page, name: string) => {
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
};

const api = async (workshopId: string, token: string, method: string, route: string, body: unknown) => {
  const response = await fetch(`${server.httpBase}/api/workshops/${workshopId}/${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  expect(response.ok, `${route}: ${response.status}`).toBe(true);
  return response.json();
};

test('screenshots of the wall and present mode', async (ctx) => {
  const open: Page[] = [];
  screenshotOnFailure(ctx, () => open);
  mkdirSync(OUT, { recursive: true });
  const workshop = await createDemoWorkshop(server);
  const [board, second] = workshop.boards;
  const [bikes, , , , action] = await seedCards(server, workshop, board!.id, [
    { kind: 'idea', text: 'Shared bike lanes in every district' },
    { kind: 'idea', text: 'Street trees on school routes' },
    { kind: 'idea', text: 'Rainwater gardens in public squares' },
    { kind: 'action', text: 'Air-quality sensor network', lane: 'proposed' },
    { kind: 'action', text: 'Green schools exchange', lane: 'agreed' },
    { kind: 'action', text: 'Joint river clean-up day', lane: 'agreed' }
  ]);
  await seedCards(server, workshop, second!.id, [
    { kind: 'idea', text: 'Night markets as public space' },
    { kind: 'action', text: 'Heritage walking routes', lane: 'proposed' }
  ]);
  const somchai = await openBoardAs(browser, server, workshop, board!.id, { name: 'Somchai', city: 'Bangkok' });
  const ana = await openBoardAs(browser, server, workshop, second!.id, { name: 'Ana Costa', city: 'Porto' });
  open.push(somchai.page, ana.page);

  // A revealed vote and a consent answer, through the API as the buttons would send them.
  const fac = workshop.tokens.facilitator;
  const { round } = await api(workshop.id, fac, 'POST', 'rounds', { boardId: board!.id, lane: 'ideas', votesPerDelegate: 3 });
  const { token: voter, participantId } = await api(workshop.id, workshop.tokens.delegate, 'POST', 'participants', { name: 'Li Wei', city: 'Chengdu' });
  await api(workshop.id, fac, 'POST', `participants/${participantId}/confirm`, {});
  await api(workshop.id, voter, 'POST', `rounds/${round.id}/votes`, { cardId: bikes });
  await api(workshop.id, voter, 'POST', `rounds/${round.id}/votes`, { cardId: bikes });
  await api(workshop.id, fac, 'POST', `rounds/${round.id}/close`, {});
  await api(workshop.id, fac, 'POST', `rounds/${round.id}/reveal`, {});
  // Porto leads the action: the facilitator records its answer on its behalf.
  await api(workshop.id, fac, 'PUT', 'consent', { boardId: board!.id, actionId: action, answer: 'endorse', city: 'Porto' });
  await api(workshop.id, fac, 'PUT', 'banner', { text: 'Ten minutes left: agree your top three actions' });
  await api(workshop.id, fac, 'POST', 'timers', { action: 'start', durationMs: 10 * 60_000 });
  await api(workshop.id, fac, 'PUT', `locks/${workshop.boards[4]!.id}`, { locked: true });

  for (const [size, viewport] of Object.entries(SIZES)) {
    const wall = await openWall(browser, server, workshop, { viewport });
    open.push(wall);
    await waitFor(
      async () => (await wall.locator(`[data-board-id="${board!.id}"] [data-testid="wall-people"]`).getAttribute('data-count')) === '1',
      10_000,
      'a person on the wall'
    );
    await wall.getByTestId('timer').first().waitFor();
    await shoot(wall, `wall-${size}`);

    const present = await openPresent(browser, server, workshop, board!.id, viewport);
    open.push(present);
    await present.getByTestId('present-tally').first().waitFor();
    await present.getByTestId('banner').waitFor();
    await present.getByTestId('invite-qr').waitFor();
    await shoot(present, `present-${size}`);
  }
});
