/**
 * Follow me across boards, in the room: a facilitator who leads ("Follow me") and opens another
 * board takes the projector and the delegates who follow along; "Bring everyone here" on the wall
 * does the same for a board; a delegate who stops following stays where they are and is told
 * where the facilitator is. The projector's (observer) link lands on a page that offers Present,
 * and the present screen it opens joins the facilitator's board.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, workshopLink, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs } from './board-support.ts';
import { openBoardAsFacilitator, openWall } from './facilitation-support.ts';
import { openProjector, PATIENCE_MS } from './room-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const onBoard = (page: Page, boardId: string) => new URL(page.url()).pathname.endsWith(`/b/${boardId}`);
const presenting = (page: Page, boardId: string) => new URL(page.url()).pathname.endsWith(`/b/${boardId}/present`);

describe('follow me across boards', () => {
  test('the projector and a following delegate arrive on the board the facilitator moves to; one who stops stays', async (ctx) => {
    let facilitator: Page | undefined;
    let delegate: Page | undefined;
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [facilitator, delegate, projector]);
    const workshop = await createDemoWorkshop(server, 'Follow across boards');
    const [first, second, third] = workshop.boards.map((b) => b.id);

    projector = await openProjector(browser, server, workshop, first!);
    ({ page: delegate } = await openBoardAs(browser, server, workshop, first!, { name: 'Ana Costa', city: 'Porto' }));
    delegate.setDefaultTimeout(PATIENCE_MS);
    await delegate.getByTestId('follow-facilitator').click();
    await delegate.getByTestId('following').waitFor();

    // The facilitator leads from the first board, then opens the second: everyone comes along.
    facilitator = await openWall(browser, server, workshop);
    facilitator.setDefaultTimeout(PATIENCE_MS);
    await openBoardAsFacilitator(facilitator, workshop, first!);
    await facilitator.getByTestId('follow-me').click();
    await waitFor(async () => (await facilitator!.getByTestId('follow-me').getAttribute('aria-pressed')) === 'true', 5_000, 'leading');
    await openBoardAsFacilitator(facilitator, workshop, second!);
    expect(await facilitator.getByTestId('follow-me').getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => presenting(projector!, second!), 15_000, 'the projector on the second board');
    await waitFor(() => onBoard(delegate!, second!), 15_000, 'the delegate on the second board');
    await delegate.getByTestId('board').waitFor();
    await delegate.getByTestId('following').waitFor();

    // From the wall: "Bring everyone here" on the third board's tile.
    await facilitator.goto(`/w/${encodeURIComponent(workshop.id)}/wall`);
    const tile = facilitator.locator(`[data-testid="wall-board"][data-board-id="${third}"]`);
    await tile.getByTestId('wall-bring-everyone').click();
    await waitFor(
      async () => (await tile.getByTestId('wall-bring-everyone').getAttribute('aria-pressed')) === 'true',
      10_000,
      'the tile shows everyone is there'
    );
    await waitFor(() => presenting(projector!, third!), 15_000, 'the projector on the third board');
    await waitFor(() => onBoard(delegate!, third!), 15_000, 'the delegate on the third board');

    // The delegate stops following: bringing everyone to the first board leaves them where they are.
    await delegate.getByTestId('stop-following').click();
    await delegate.getByTestId('follow-facilitator').waitFor();
    await facilitator.locator(`[data-testid="wall-board"][data-board-id="${first}"]`).getByTestId('wall-bring-everyone').click();
    await waitFor(() => presenting(projector!, first!), 15_000, 'the projector back on the first board');
    await delegate.getByTestId('facilitator-elsewhere').waitFor({ timeout: 10_000 });
    expect(onBoard(delegate, third!)).toBe(true);
  }, 300_000);

  test('the projector link lands on a page offering Present, which joins the facilitator', async (ctx) => {
    let facilitator: Page | undefined;
    let projector: Page | undefined;
    screenshotOnFailure(ctx, () => [facilitator, projector]);
    const workshop = await createDemoWorkshop(server, 'Projector link');
    const second = workshop.boards[1]!.id;

    facilitator = await openWall(browser, server, workshop);
    facilitator.setDefaultTimeout(PATIENCE_MS);
    await openBoardAsFacilitator(facilitator, workshop, second);
    await facilitator.getByTestId('bring-everyone').click();

    ({ page: projector } = await newPerson(browser, server.httpBase, { viewport: { width: 1920, height: 1080 } }));
    projector.setDefaultTimeout(PATIENCE_MS);
    projector.setDefaultNavigationTimeout(PATIENCE_MS);
    await projector.goto(workshopLink(workshop, workshop.tokens.observer));
    const start = projector.getByTestId('present-start');
    await start.waitFor();
    // Offered before the boards, in the first screenful.
    const box = await start.boundingBox();
    expect(box && box.y + box.height <= 1080).toBe(true);
    await start.click();
    await projector.getByTestId('present').waitFor();
    await waitFor(() => presenting(projector!, second), 15_000, 'present mode on the facilitator’s board');
  }, 300_000);
});
