/**
 * The facilitator wall shows each board's latest changes: the newest cards as soon as it opens,
 * then every card added or edited while it watches, newest first.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCard } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openWall, seedCards } from './facilitation-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('facilitator wall', () => {
  test('lists the newest cards when it opens, then each card added while it watches', async (ctx) => {
    let wall: Page | undefined;
    screenshotOnFailure(ctx, () => [wall]);
    const workshop = await createDemoWorkshop(server, 'Wall changes');
    const boardId = workshop.boards[1]!.id;
    await seedCards(server, workshop, boardId, [
      { kind: 'idea', text: 'Temple fair exchange' },
      { kind: 'idea', text: 'Shared heritage trail' }
    ]);

    wall = await openWall(browser, server, workshop);
    const changes = wall.locator(`[data-board-id="${boardId}"] [data-testid="wall-changes"] li`);
    await waitFor(async () => (await changes.count()) === 2, 10_000, 'the newest cards on the wall');
    // Seeded in the same instant, so in either order.
    const seeded = (await changes.allTextContents()).join(' | ');
    for (const text of ['Shared heritage trail', 'Temple fair exchange']) expect(seeded).toContain(text);

    const delegate = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await delegate.synced();
    addCard(delegate.doc, { kind: 'idea', text: 'Night market twinning', createdBy: 'Ana', authorCity: 'Porto', lang: 'en' });
    await waitFor(async () => (await changes.first().textContent())?.includes('Night market twinning') ?? false, 10_000, 'the new card first');
    expect(await changes.count()).toBe(3);
    delegate.destroy();
  });
});
