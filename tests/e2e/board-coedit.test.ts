/**
 * Two delegates on one board, each in their own browser: each sees the other's new card, their
 * typing in the same card character by character, and who is on the board and on which card.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('board co-editing', () => {
  test('two people see each other’s cards, typing and presence', async (ctx) => {
    let somchai: BoardPerson | undefined;
    let liWei: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [somchai?.page, liWei?.page]);
    const workshop = await createDemoWorkshop(server, 'Co-editing');
    const boardId = workshop.boards[0]!.id;

    somchai = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok' });
    liWei = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' });

    // Presence: each sees both people.
    for (const person of [somchai, liWei]) {
      await waitFor(async () => (await person.page.getByTestId('person').count()) === 2, 10_000, 'two people on the board');
    }
    expect(await somchai.page.getByTestId('person').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toContain('Li Wei');

    // A new card appears on the other screen.
    await addIdea(somchai.page, 'ลดขยะพลาสติกในตลาดสด');
    await waitForCardText(liWei.page, 'ลดขยะพลาสติกในตลาดสด');
    const card = liWei.page.getByTestId('card').first();
    expect(await card.getAttribute('lang')).toBe('en');
    await addIdea(liWei.page, '共享公园管理经验 🌳');
    await waitForCardText(somchai.page, '共享公园管理经验 🌳');

    // Li Wei types into Somchai's card; Somchai sees it, and sees Li Wei's marker on that card.
    const field = await cardField(liWei.page, 'ลดขยะพลาสติกในตลาดสด');
    await field.click();
    await field.press('Control+End');
    await field.pressSequentially(' — 成都也想参加', { delay: 20 });
    await waitForCardText(somchai.page, 'ลดขยะพลาสติกในตลาดสด — 成都也想参加');
    const marker = somchai.page.getByTestId('card-editors');
    await marker.waitFor();
    expect(await marker.textContent()).toContain('Li Wei');

    // Both type in the same field at once: both edits survive on both screens.
    const mine = await cardField(somchai.page, 'ลดขยะพลาสติกในตลาดสด — 成都也想参加');
    await mine.click();
    await mine.press('Control+Home');
    await Promise.all([mine.pressSequentially('Bangkok: ', { delay: 15 }), field.pressSequentially(' (2026)', { delay: 15 })]);
    const merged = 'Bangkok: ลดขยะพลาสติกในตลาดสด — 成都也想参加 (2026)';
    await waitForCardText(somchai.page, merged);
    await waitForCardText(liWei.page, merged);

    // Li Wei leaves: Somchai sees one person within seconds.
    await liWei.context.close();
    liWei = undefined;
    await waitFor(async () => (await somchai!.page.getByTestId('person').count()) === 1, 10_000, 'Li Wei gone from presence');
    await somchai.context.close();
  });
});
