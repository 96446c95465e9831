/**
 * Undo takes back only your own changes: a co-editor's typing in the same card stays. Deleting a
 * card offers an undo toast that brings it back for everyone.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, cardTexts, openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('board undo', () => {
  test('Ctrl+Z undoes my typing and leaves a co-editor’s typing in the same card', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'Undo');
    const boardId = workshop.boards[2]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Kim Min-jun', city: 'Seoul' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Olga', city: 'Moscow' });

    await addIdea(me.page, 'Youth camp');
    await waitForCardText(other.page, 'Youth camp');

    const mine = await cardField(me.page, 'Youth camp');
    await mine.click();
    await mine.press('Control+End');
    await mine.pressSequentially(' in summer');
    await waitForCardText(other.page, 'Youth camp in summer');

    const theirs = await cardField(other.page, 'Youth camp in summer');
    await theirs.click();
    await theirs.press('Control+Home');
    await theirs.pressSequentially('Joint ');
    await waitForCardText(me.page, 'Joint Youth camp in summer');

    await mine.press('Control+z');
    await waitForCardText(me.page, 'Joint Youth camp');
    await waitForCardText(other.page, 'Joint Youth camp');

    // Redo puts it back, the button as well as the keys.
    await me.page.getByTestId('redo').click();
    await waitForCardText(other.page, 'Joint Youth camp in summer');
    await me.context.close();
    await other.context.close();
  });

  test('a deleted card comes back with the toast’s Undo', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'Undo delete');
    const boardId = workshop.boards[0]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Budi', city: 'Jakarta' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Tanaka', city: 'Fukuoka Prefecture' });

    await addIdea(me.page, 'Flood early-warning app');
    await waitForCardText(other.page, 'Flood early-warning app');
    await me.page.getByTestId('card').first().getByRole('button', { name: 'Delete card' }).click();
    await waitFor(async () => (await cardTexts(other!.page)).length === 0, 10_000, 'card gone for the other person');

    await me.page.getByTestId('undo-toast').getByRole('button').click();
    await waitForCardText(me.page, 'Flood early-warning app');
    await waitForCardText(other.page, 'Flood early-warning app');
    expect(await me.page.getByTestId('undo-toast').count()).toBe(0);
    await me.context.close();
    await other.context.close();
  });
});
