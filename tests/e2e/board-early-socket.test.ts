/**
 * A board's link opened on a new device starts its sync socket before the app has loaded (the
 * inline script in web/src/app.html), and the board's connection adopts that socket
 * (web/src/lib/sync/early-socket.ts): the whole board reaches the page once — not once for the
 * early socket and again for the provider's own, nor twice on the adopted one — and edits go both
 * ways, whether the person's name is known on the device already or asked first. (Later sockets,
 * e.g. after the person's own token replaces the link's, ask only for what the page lacks.)
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page, WebSocket as PageSocket } from 'playwright-core';
import { addCard, getCardsMap } from '@plenary/shared/schema';
import { MessageTag, SyncStep } from '@plenary/shared/protocol';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, waitForCardText, waitForStatus } from './board-support.ts';
import { enterIdentity } from './utils/identity.ts';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const CARDS = 40;

/**
 * Counts the whole-board answers on every socket the page opens to `boardId`: an answer is what a
 * socket receives up to and including a sync step 2 (the board's base as an update, then step 2
 * with its latest edits: server/src/sync/whole-state.ts), a whole board one of more than 1,000 bytes.
 */
const countWholeBoards = (page: Page, boardId: string): { sockets: PageSocket[]; wholeBoards: () => number } => {
  const sockets: PageSocket[] = [];
  let count = 0;
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).pathname !== `/sync/${boardId}`) return;
    sockets.push(ws);
    let answerBytes = 0;
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' || payload[0] !== MessageTag.sync) return;
      if (payload[1] === SyncStep.update || payload[1] === SyncStep.step2) answerBytes += payload.length;
      if (payload[1] !== SyncStep.step2) return;
      if (answerBytes > 1000) count++;
      answerBytes = 0;
    });
  });
  return { sockets, wholeBoards: () => count };
};

describe("a board's link on a new device", () => {
  for (const nameKnown of [true, false]) {
    test(`uses the socket opened before the app started: the board received once, edits both ways (name ${nameKnown ? 'known' : 'asked first'})`, async (ctx) => {
      const workshop = await createDemoWorkshop(server, `Early socket ${nameKnown}`);
      const boardId = workshop.boards[0]!.id;
      const seeder = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
      await seeder.synced();
      seeder.doc.transact(() => {
        for (let i = 0; i < CARDS; i++)
          addCard(seeder.doc, { kind: 'idea', text: `Seeded idea ${i} for the river clean-up plan`, createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
      });
      await waitFor(() => getCardsMap(seeder.doc).size === CARDS, 10_000, 'the seeded cards');

      const { context, page } = await newPerson(browser, server.httpBase);
      screenshotOnFailure(ctx, () => [page]);
      if (nameKnown) {
        await context.addInitScript((id) => {
          localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: 'Dara', city: 'Porto', lang: 'en', color: '#1f6feb' }));
        }, workshop.id);
      }
      const { sockets, wholeBoards } = countWholeBoards(page, boardId);
      await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
      if (!nameKnown) await enterIdentity(page, { name: 'Dara', city: 'Porto' });
      await page.getByTestId('board').waitFor();
      await waitForStatus(page, 'connected');
      await waitForCardText(page, `Seeded idea ${CARDS - 1} for the river clean-up plan`);

      // Edits both ways over the adopted socket.
      await addIdea(page, 'Typed on the new device');
      await waitFor(
        () => [...getCardsMap(seeder.doc).values()].some((c) => c.get('text')?.toString() === 'Typed on the new device'),
        10_000,
        "the page's edit at the seeder"
      );
      addCard(seeder.doc, { kind: 'idea', text: 'Added by the seeder afterwards', createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
      await waitForCardText(page, 'Added by the seeder afterwards');

      expect(sockets.length).toBeGreaterThanOrEqual(1);
      expect(wholeBoards()).toBe(1);
      seeder.destroy();
      await context.close();
    });
  }
});
