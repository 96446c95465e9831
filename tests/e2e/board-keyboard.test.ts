/**
 * Every move by keyboard: a focused card moves with Alt+Arrow keys within its lane and between
 * lanes, keeps focus, and the move is announced to screen readers.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, openBoardAs, type BoardPerson } from './board-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const laneTexts = (page: Page, lane: string): Promise<string[]> =>
  page
    .getByTestId(`lane-${lane}`)
    .getByTestId('card-text')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

describe('board keyboard moves', () => {
  test('Alt+Arrow keys reorder a card and move it to the next lane, announced', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'Keyboard');
    const boardId = workshop.boards[3]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Bat-Erdene', city: 'Ulaanbaatar' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Sophea', city: 'Phnom Penh' });
    for (const text of ['One', 'Two', 'Three']) await addIdea(me.page, text);

    const three = me.page.getByTestId('card').nth(2);
    await three.focus();
    await me.page.keyboard.press('Alt+ArrowUp');
    await waitFor(async () => (await laneTexts(me!.page, 'ideas')).join() === 'One,Three,Two', 5_000, 'Three moved up');
    expect(await me.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cardId)).toBeTruthy();
    expect(await me.page.getByTestId('announcer').textContent()).toContain('Ideas and best practices');

    await me.page.keyboard.press('Alt+ArrowRight');
    await waitFor(async () => (await laneTexts(me!.page, 'proposed')).join() === 'Three', 5_000, 'Three in Proposed actions');
    expect(await laneTexts(me.page, 'ideas')).toEqual(['One', 'Two']);
    expect(await me.page.getByTestId('announcer').textContent()).toContain('Proposed actions');
    // Focus followed the card to its new lane, so the next key press moves it again.
    const focusedLane = await me.page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-lane]')?.dataset.lane);
    expect(focusedLane).toBe('proposed');

    // The other person sees the same order.
    await waitFor(async () => (await laneTexts(other!.page, 'proposed')).join() === 'Three', 10_000, 'move seen by the other person');
    expect(await laneTexts(other.page, 'ideas')).toEqual(['One', 'Two']);
    await me.context.close();
    await other.context.close();
  });
});
