/**
 * Local-first: a delegate whose Wi-Fi drops keeps editing; the status says changes are waiting;
 * a reload while offline keeps the edits (IndexedDB); on reconnect both screens converge. And a new
 * device keeps everything it is sent, the board's latest edits included, which arrive before the
 * rest of the board (web/src/lib/sync/board-connection.svelte.ts stores the server's bytes as they
 * come).
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { addCard, getCardsMap, getCardText } from '@plenary/shared/schema';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, cardTexts, connectionStatus, openBoardAs, waitForCardText, waitForStatus, type BoardPerson } from './board-support.ts';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('board offline', () => {
  test('edits made offline survive a reload and merge with others’ edits on reconnect', async (ctx) => {
    let offline: BoardPerson | undefined;
    let online: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [offline?.page, online?.page]);
    const workshop = await createDemoWorkshop(server, 'Offline');
    const boardId = workshop.boards[1]!.id;

    offline = await openBoardAs(browser, server, workshop, boardId, { name: 'Nguyen Van An', city: 'Ho Chi Minh City' });
    online = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Silva', city: 'Porto' });
    await addIdea(online.page, 'Festival exchange');
    await waitForCardText(offline.page, 'Festival exchange');

    // The app installs its service worker after the board shows; a reload offline needs it installed.
    await offline.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await offline.context.setOffline(true);
    await waitFor(async () => (await connectionStatus(offline!.page)) !== 'connected', 10_000, 'the page notices it is offline');

    // Offline: a new card and an edit to an existing one.
    await addIdea(offline.page, 'Phố đi bộ cuối tuần');
    const field = await cardField(offline.page, 'Festival exchange');
    await field.click();
    await field.press('Control+End');
    await field.pressSequentially(' + áo dài');
    await waitForStatus(offline.page, 'syncing');

    // Meanwhile the other person keeps working.
    await addIdea(online.page, 'São João street food');

    // A reload while still offline keeps everything (IndexedDB), and still says changes wait.
    await offline.page.reload();
    await offline.page.getByTestId('board').waitFor();
    await waitForCardText(offline.page, 'Phố đi bộ cuối tuần');
    await waitForCardText(offline.page, 'Festival exchange + áo dài');
    expect(await connectionStatus(offline.page)).not.toBe('connected');

    // Back online: both screens hold the same three cards.
    await offline.context.setOffline(false);
    await waitForStatus(offline.page, 'connected', 20_000);
    const expected = ['Festival exchange + áo dài', 'Phố đi bộ cuối tuần', 'São João street food'];
    for (const person of [offline, online]) {
      await waitFor(async () => JSON.stringify((await cardTexts(person.page)).sort()) === JSON.stringify(expected), 15_000, 'converged cards');
    }
    await offline.context.close();
    await online.context.close();
  });

  test('a new device keeps the whole board it is sent, its latest edits included, and shows it again offline', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Latest edits kept');
    const boardId = workshop.boards[2]!.id;
    const token = workshop.tokens.delegate;
    const seeder = connectClient(server.syncBase, boardId, token);
    await seeder.synced();
    const ids = ['Tree planting day', 'River clean-up'].map((text) =>
      addCard(seeder.doc, { kind: 'idea', text, createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' })
    );
    // A newcomer is sent the board as one base, which the server keeps for the next newcomers…
    const first = connectClient(server.syncBase, boardId, token);
    await first.synced();
    await waitFor(() => getCardsMap(first.doc).size === 2, 10_000, 'the first newcomer to hold both cards');
    first.destroy();
    // …and the edits made after it go to the next newcomer first, before the base they build on:
    // its Yjs holds them back and integrates them with the base.
    for (const id of ids) {
      const text = getCardText(seeder.doc, id, 'text');
      text.insert(text.length, ' with schools');
    }
    const check = connectClient(server.syncBase, boardId, token);
    await check.synced();
    await waitFor(() => ids.every((id) => getCardText(check.doc, id, 'text').toString().endsWith(' with schools')), 10_000, 'the server to hold the edits');
    check.destroy();

    // A new device on slow Wi-Fi: the board's answer comes once the device's copy is open.
    const person = await newPerson(browser, server.httpBase);
    page = person.page;
    let holding = true;
    const held: WebSocketRoute[] = [];
    await person.context.routeWebSocket(/\/sync\//, (socket) => {
      if (holding) held.push(socket);
      else socket.connectToServer();
    });
    await page.goto(boardLink(workshop, boardId, token));
    await enterIdentity(page, { name: 'Ana Silva', city: 'Porto' });
    await page.getByTestId('board').waitFor();
    holding = false;
    for (const socket of held.splice(0)) await socket.close();
    await waitForStatus(page, 'connected', 20_000);
    const expected = ['River clean-up with schools', 'Tree planting day with schools'];
    await waitFor(async () => JSON.stringify((await cardTexts(page!)).sort()) === JSON.stringify(expected), 15_000, 'both edited cards');

    // Offline, a reload draws the board from the device's copy alone. (The copy is written as the
    // bytes arrive; IndexedDB is given a moment to commit.)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForTimeout(1000);
    await person.context.setOffline(true);
    await page.reload();
    await page.getByTestId('board').waitFor();
    await waitFor(async () => JSON.stringify((await cardTexts(page!)).sort()) === JSON.stringify(expected), 10_000, 'both edited cards from the copy');
    expect(await connectionStatus(page)).not.toBe('connected');
    seeder.destroy();
    await person.context.close();
  });
});
