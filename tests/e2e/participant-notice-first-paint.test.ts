/**
 * A returning delegate whose city is not confirmed yet sees "waiting for confirmation" with the
 * board's first paint (web/src/lib/session/participant-cache.ts), not when the fresh record comes
 * from the server at the page's first idle moment: arriving later, the notice pushed the board
 * down by its own height while the person was about to tap a card. The server's answer is held
 * back on the return visit, so the page can only have drawn the notice from the device's copy.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Route } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enteredAt, noteWhenEntered } from './utils/entered.ts';
import { seedCards } from './facilitation-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** The person's own record, and registering it (both answer with the person's status). */
const PARTICIPANT_API = /\/api\/workshops\/[^/]+\/participants(\/me)?(\?.*)?$/;

describe("the person's confirmation notice", () => {
  test('a returning delegate waiting for confirmation sees the notice with the first card, and the board does not move when the server answers', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Notice at first paint');
    const boardId = workshop.boards[0]!.id;
    await seedCards(server, workshop, boardId, [{ kind: 'idea', text: 'Shared river clean-up day' }]);
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    try {
      await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
      await enterIdentity(page, { name: 'Somchai', city: 'Bangkok' });
      await page.getByTestId('participant-waiting').waitFor({ timeout: 30_000 });
      await page.getByTestId('card').first().waitFor();

      // Back later: the server's answers about the person wait until the board is drawn.
      const held: Route[] = [];
      let answered = 0;
      await context.route(PARTICIPANT_API, (route) => void held.push(route));
      await noteWhenEntered(context, { card: '[data-testid="card"]', notice: '[data-testid="participant-waiting"]' });
      await page.reload();
      await page.getByTestId('card').first().waitFor();
      const entered = await enteredAt(page);
      expect(entered.notice, 'the notice drawn before the server answered').toBeDefined();
      expect(entered.notice!).toBeLessThanOrEqual(entered.card!);
      const boardTop = async () => (await page.getByTestId('board').boundingBox())!.y;
      const topAtFirstPaint = await boardTop();

      // The page asks once it is idle; its answer (still pending) changes nothing on the screen.
      await waitFor(() => held.length > 0, 15_000, "the page to ask for the person's record");
      for (const route of held.splice(0)) await route.fallback().then(() => answered++);
      await context.unroute(PARTICIPANT_API);
      expect(answered).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      expect(await page.getByTestId('participant-waiting').count()).toBe(1);
      expect(await boardTop()).toBe(topAtFirstPaint);
    } finally {
      await context.close();
    }
  });
});
