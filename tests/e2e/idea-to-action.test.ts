/**
 * Ideas become actions (docs/SCHEMA.md): "Turn into action" on an idea makes an action with its
 * text in Proposed, and the idea names it; an idea moved into the agreed lane (here with Alt+Arrow,
 * the same move as a drop) becomes an action there instead, and a notice on the idea says why.
 * The new action has no lead city, so its verdict says it cannot be agreed.
 */
import { expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, openBoardAs } from './board-support.ts';
import { cardById } from './facilitation-support.ts';

/** The card whose text field reads `text` (by its id, so it stays found when it moves). */
const ideaCard = async (page: Page, text: string) => {
  const ids = await page.locator('[data-card-id]').evaluateAll(
    (cards, wanted) =>
      cards
        .filter((c) => {
          const field = c.querySelector<HTMLTextAreaElement>('[data-testid="card-text"]');
          return (field?.value ?? field?.textContent ?? '').trim() === wanted;
        })
        .map((c) => (c as HTMLElement).dataset.cardId),
    text
  );
  if (!ids[0]) throw new Error(`no card reads "${text}"`);
  return cardById(page, ids[0]);
};

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

test('ideas become actions: "Turn into action", and an idea moved into the agreed lane becomes an action there', async (ctx) => {
  const open: Page[] = [];
  screenshotOnFailure(ctx, () => open);
  const workshop = await createDemoWorkshop(server, 'Ideas become actions');
  const boardId = workshop.boards[0]!.id;
  const ana = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Costa', city: 'Porto' });
  open.push(ana.page);
  ana.page.setDefaultTimeout(15_000);
  await addIdea(ana.page, 'Night buses between the ports');
  await addIdea(ana.page, 'Shared bike data');

  // The button: an action in Proposed with the idea's text; the idea names it.
  const bikes = await ideaCard(ana.page, 'Shared bike data');
  await bikes.getByTestId('turn-into-action').click();
  await waitFor(async () => ((await bikes.getByTestId('became-action').textContent()) ?? '').includes('Shared bike data'), 10_000, 'the idea names its action');
  const bikeAction = (await bikes.getByTestId('became-action').getAttribute('data-action-id'))!;
  expect(await ana.page.getByTestId('lane-proposed').locator(`[data-card-id="${bikeAction}"]`).count()).toBe(1);

  // Alt+Arrow to the right twice: Proposed, then the agreed lane, where an action is made instead.
  const buses = await ideaCard(ana.page, 'Night buses between the ports');
  await buses.focus();
  await ana.page.keyboard.press('Alt+ArrowRight');
  await waitFor(async () => (await ana.page.getByTestId('lane-proposed').getByTestId('card-text').count()) === 1, 10_000, 'the idea in Proposed');
  await buses.focus();
  await ana.page.keyboard.press('Alt+ArrowRight');
  const idea = buses;
  await idea.getByTestId('idea-notice').waitFor();
  const busAction = (await idea.getByTestId('became-action').getAttribute('data-action-id'))!;
  const inAgreed = ana.page.getByTestId('lane-agreed').locator(`[data-card-id="${busAction}"]`);
  await inAgreed.waitFor();
  // The new action has no lead city yet: it cannot be agreed, and says so.
  expect(await inAgreed.getByTestId('consent-verdict').getAttribute('data-verdict')).toBe('no-lead');
  expect(await ana.page.getByTestId('lane-agreed').getByTestId('card-text').count()).toBe(0);
}, 120_000);
