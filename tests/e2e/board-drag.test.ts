/**
 * Drag and drop with a pointer: a card dragged by its handle lands between the cards nearest to
 * where it is dropped, in the same lane or another one, and the other person sees the same order.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, openBoardAs, waitForStatus, type BoardPerson } from './board-support.ts';
import { boardLink } from './utils/app.ts';
import { Viewport } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { waitFor } from '../utils/wait.ts';
import { fontsLoaded } from './utils/fonts.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const laneTexts = (page: Page, lane: string): Promise<string[]> =>
  page
    .getByTestId(`lane-${lane}`)
    .getByTestId('card-text')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

/** Presses the card's handle, moves in small steps to (x, y) and releases, as a hand would. */
const dragTo = async (page: Page, card: Locator, x: number, y: number): Promise<void> => {
  const handle = card.getByRole('button', { name: 'Move card' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 12 });
  await page.mouse.up();
};

describe('board drag and drop', () => {
  test('a card dragged by its handle is reordered and moved to another lane', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'Drag');
    const boardId = workshop.boards[1]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana', city: 'Porto' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' });
    for (const text of ['One', 'Two', 'Three']) await addIdea(me.page, text);

    // Three onto the top half of One: it goes first.
    const cards = me.page.getByTestId('lane-ideas').getByTestId('card');
    const oneBox = (await cards.nth(0).boundingBox())!;
    await dragTo(me.page, cards.nth(2), oneBox.x + oneBox.width / 2, oneBox.y + 5);
    await waitFor(async () => (await laneTexts(me!.page, 'ideas')).join() === 'Three,One,Two', 5_000, 'Three dragged to the top');

    // One into the empty Proposed lane (an idea dropped in Agreed becomes an action instead: consent-verdict.test.ts).
    const proposed = (await me.page.getByTestId('lane-proposed').boundingBox())!;
    await dragTo(me.page, cards.nth(1), proposed.x + proposed.width / 2, proposed.y + proposed.height / 2);
    await waitFor(async () => (await laneTexts(me!.page, 'proposed')).join() === 'One', 5_000, 'One dragged to Proposed');
    expect(await laneTexts(me.page, 'ideas')).toEqual(['Three', 'Two']);

    await waitFor(async () => (await laneTexts(other!.page, 'proposed')).join() === 'One', 10_000, 'the other person sees the move');
    expect(await laneTexts(other.page, 'ideas')).toEqual(['Three', 'Two']);
    await me.context.close();
    await other.context.close();
  });

  test('on a touch screen a card is dragged with a finger', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Touch drag');
    const boardId = workshop.boards[2]!.id;
    const context = await browser.newContext({ baseURL: server.httpBase, viewport: Viewport.phone, hasTouch: true, isMobile: true });
    page = await context.newPage();
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await enterIdentity(page, { name: 'Sophea', city: 'Phnom Penh' });
    await page.getByTestId('board').waitFor();
    await waitForStatus(page, 'connected');
    for (const text of ['One', 'Two', 'Three']) await addIdea(page, text);

    const cards = page.getByTestId('lane-ideas').getByTestId('card');
    // Measure once the fonts are in: a late font would move the cards under the finger.
    await fontsLoaded(page);
    // A finger can only touch what is on the screen.
    await cards.nth(2).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const handle = (await cards.nth(0).getByRole('button', { name: 'Move card' }).boundingBox())!;
    const last = (await cards.nth(2).boundingBox())!;
    const touch = await context.newCDPSession(page);
    const at = (x: number, y: number) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
    const start = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    const end = { x: last.x + last.width / 2, y: last.y + last.height - 4 };
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(start.x, start.y) });
    for (let i = 1; i <= 12; i++) {
      const f = i / 12;
      await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(start.x + (end.x - start.x) * f, start.y + (end.y - start.y) * f) });
    }
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await waitFor(async () => (await laneTexts(page!, 'ideas')).join() === 'Two,Three,One', 5_000, 'One dragged to the bottom by touch');
    await context.close();
  });
});
