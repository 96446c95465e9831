/**
 * The observer link (a projector): the board is shown live, anonymously and read-only — no add
 * buttons, no editable text, and the observer does not appear among the people on the board.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, openBoardAs, waitForCardText, waitForStatus, type BoardPerson } from './board-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('board on a projector', () => {
  test('an observer sees changes live and cannot edit', async (ctx) => {
    let delegate: BoardPerson | undefined;
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [delegate?.page, projector]);
    const workshop = await createDemoWorkshop(server, 'Projector');
    const boardId = workshop.boards[0]!.id;
    delegate = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok' });
    await addIdea(delegate.page, 'Shared bike lanes');

    projector = (await newPerson(browser, server.httpBase, { viewport: Viewport.desktop })).page;
    await projector.goto(boardLink(workshop, boardId, workshop.tokens.observer));
    await projector.getByTestId('board').waitFor();
    await waitForStatus(projector, 'connected');
    await waitForCardText(projector, 'Shared bike lanes');

    expect(await projector.getByTestId('quick-add').count()).toBe(0);
    expect(await projector.getByTestId('new-action').count()).toBe(0);
    expect(await (await cardField(projector, 'Shared bike lanes')).getAttribute('readonly')).not.toBeNull();

    // Live: the delegate's typing shows on the projector; the projector is not counted as a person.
    const field = await cardField(delegate.page, 'Shared bike lanes');
    await field.click();
    await field.press('Control+End');
    await field.pressSequentially(' in every district');
    await waitForCardText(projector, 'Shared bike lanes in every district');
    await waitFor(async () => (await delegate!.page.getByTestId('person').count()) === 1, 5_000, 'one person');
    expect(await projector.getByTestId('person').count()).toBe(1);
    await delegate.context.close();
    await projector.context().close();
  });
});
