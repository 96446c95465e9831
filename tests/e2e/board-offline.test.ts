/**
 * Local-first: a delegate whose Wi-Fi drops keeps editing; the status says changes are waiting;
 * a reload while offline keeps the edits (IndexedDB); on reconnect both screens converge.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, cardTexts, connectionStatus, openBoardAs, waitForCardText, waitForStatus, type BoardPerson } from './board-support.ts';
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
});
