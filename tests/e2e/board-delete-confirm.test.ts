/**
 * Deleting with care: one's own card goes in one click (Undo brings it back); a card someone else
 * wrote asks first — Cancel keeps it, confirming deletes it for everyone, Undo restores it.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardTexts, openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';
import { cardReading } from './phone-board-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('deleting cards', () => {
  test("one's own card goes at once; someone else's asks, Cancel keeps it, confirm deletes, Undo restores", async (ctx) => {
    let ana: BoardPerson | undefined;
    let li: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [ana?.page, li?.page]);
    const workshop = await createDemoWorkshop(server, 'Delete');
    const boardId = workshop.boards[0]!.id;
    ana = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana', city: 'Porto' });
    li = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' });
    await addIdea(ana.page, 'Ana writes this');
    await addIdea(li.page, 'Li Wei writes this');
    await waitForCardText(ana.page, 'Li Wei writes this');

    // Her own card: one click, no question.
    await (await cardReading(ana.page, 'Ana writes this')).getByTestId('delete-card').click();
    await waitFor(async () => !(await cardTexts(ana!.page)).includes('Ana writes this'), 5_000, 'her own card deleted');
    expect(await ana.page.getByTestId('delete-confirm').count()).toBe(0);
    await waitFor(async () => !(await cardTexts(li!.page)).includes('Ana writes this'), 10_000, 'Li Wei sees it go');

    // Li Wei's card: asked first, naming him; Cancel keeps it.
    const theirs = await cardReading(ana.page, 'Li Wei writes this');
    await theirs.getByTestId('delete-card').click();
    const confirm = theirs.getByTestId('delete-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Li Wei');
    await confirm.getByTestId('delete-confirm-no').click();
    await waitFor(async () => (await ana!.page.getByTestId('delete-confirm').count()) === 0, 5_000, 'the question closed');
    expect(await cardTexts(ana.page)).toContain('Li Wei writes this');

    // Asked again and confirmed: gone for both.
    await theirs.getByTestId('delete-card').click();
    await theirs.getByTestId('delete-confirm-yes').click();
    await waitFor(async () => !(await cardTexts(ana!.page)).includes('Li Wei writes this'), 5_000, 'deleted after confirming');
    await waitFor(async () => !(await cardTexts(li!.page)).includes('Li Wei writes this'), 10_000, 'Li Wei sees it go');

    // Undo brings it back, for both.
    await ana.page.getByTestId('undo-toast').getByRole('button').click();
    await waitForCardText(ana.page, 'Li Wei writes this');
    await waitForCardText(li.page, 'Li Wei writes this', 10_000);
    await ana.context.close();
    await li.context.close();
  });
});
