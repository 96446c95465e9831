/**
 * "Follow me": the facilitator presses Follow me on a board; the projector (present mode, opened on
 * another board) switches to that board, and the card the facilitator then focuses is highlighted
 * on the projector. Stopping leaves the projector where it is.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { cardById, openBoardAsFacilitator, openPresent, openWall, seedCards } from './facilitation-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('follow me', () => {
  test('the projector follows the facilitator to another board and highlights the focused card', async (ctx) => {
    let facilitator: Page | undefined;
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [facilitator, projector]);
    const workshop = await createDemoWorkshop(server, 'Follow me');
    const [first, second] = workshop.boards;
    const [cardId] = await seedCards(server, workshop, second!.id, [{ kind: 'idea', text: 'Night markets with street food from every sister city' }]);

    projector = await openPresent(browser, server, workshop, first!.id);
    facilitator = await openWall(browser, server, workshop);
    await openBoardAsFacilitator(facilitator, workshop, second!.id);

    await facilitator.getByTestId('follow-me').click();
    await waitFor(() => projector!.url().includes(`/b/${second!.id}/present`), 10_000, 'the projector on the followed board');
    await cardById(projector, cardId!).waitFor();

    await cardById(facilitator, cardId!).getByTestId('card-text').click();
    await waitFor(
      async () => (await cardById(projector!, cardId!).getAttribute('data-followed')) === 'true',
      10_000,
      'the focused card highlighted on the projector'
    );

    await facilitator.getByTestId('follow-me').click();
    await waitFor(async () => (await cardById(projector!, cardId!).getAttribute('data-followed')) === null, 10_000, 'the highlight gone');
    expect(projector.url()).toContain(`/b/${second!.id}/present`);
  });
});
