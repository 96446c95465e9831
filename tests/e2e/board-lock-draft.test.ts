/**
 * Locking keeps work: a delegate is typing an idea when the facilitator locks the board. The
 * half-typed idea stays as their draft (shown with a notice that the board is locked, kept across
 * a reload); once the board is open again "Add your draft" puts it on the board for everyone.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs, waitForStatus, type BoardPerson } from './board-support.ts';
import { setLock } from './phone-board-support.ts';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe("locking keeps a delegate's draft", () => {
  test('a half-typed idea survives a lock and is added after unlock; another client sees it', async (ctx) => {
    let somchai: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [somchai?.page]);
    const workshop = await createDemoWorkshop(server, 'Lock draft');
    const boardId = workshop.boards[0]!.id;
    somchai = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok' });
    const page = somchai.page;
    const draft = 'Shared air-quality sensors on school roofs';
    await page.getByTestId('lane-ideas').getByTestId('quick-add').fill(draft);

    await setLock(server, workshop, boardId, true);
    await page.getByTestId('lock-badge').waitFor({ timeout: 10_000 });
    const kept = page.getByTestId('draft-kept');
    await kept.waitFor({ timeout: 10_000 });
    expect(await kept.getByTestId('draft-text').textContent()).toBe(draft);
    expect(await kept.textContent()).toContain('locked');

    // The draft is kept on the device, not only on the open page.
    await page.reload();
    await page.getByTestId('board').waitFor();
    await waitForStatus(page, 'connected');
    await page.getByTestId('draft-kept').waitFor({ timeout: 10_000 });

    await setLock(server, workshop, boardId, false);
    const addDraft = page.getByTestId('add-draft');
    await addDraft.waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('lane-ideas').getByTestId('quick-add').inputValue()).toBe(draft);
    await addDraft.click();
    await waitFor(
      async () => (await page.getByTestId('card-text').evaluateAll((f) => f.map((e) => (e as HTMLTextAreaElement).value))).includes(draft),
      5_000,
      'the draft on the board'
    );
    await waitFor(async () => (await page.getByTestId('add-draft').count()) === 0, 5_000, 'the offer gone');
    expect(await page.getByTestId('lane-ideas').getByTestId('quick-add').inputValue()).toBe('');

    // A second client (a plain y-websocket client) sees the card.
    const other = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    try {
      await other.synced();
      const texts = () => [...other.doc.getMap<import('yjs').Map<unknown>>('cards').values()].map((c) => String(c.get('text') ?? ''));
      await waitFor(() => texts().includes(draft), 10_000, 'the card on another client');
    } finally {
      other.destroy();
    }
    await somchai.context.close();
  });
});
