/**
 * Bad input on the board: markup and script in any text are shown as text and never run; a
 * 10,000-character field, emoji and mixed scripts arrive intact on another screen; an action whose
 * dates are out of order is flagged and its dates are kept.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('board bad input', () => {
  test('script and markup stay text; long, emoji and mixed-script text arrives intact', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'Bad input');
    const boardId = workshop.boards[4]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: '<b>Mallory</b>', city: 'Wuhan' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Olga', city: 'Moscow' });
    for (const page of [me.page, other.page]) {
      await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
    }

    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> <b>bold?</b>';
    await addIdea(me.page, hostile);
    await waitForCardText(other.page, hostile);
    for (const page of [me.page, other.page]) {
      expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
      expect(await page.getByTestId('board').locator('img[src="x"], b').count()).toBe(0);
    }
    // The author's name is shown as text too.
    expect(await other.page.getByTestId('card').first().textContent()).toContain('<b>Mallory</b>');

    const mixed = 'ลดขยะ 🌏👩🏽‍🔬 共享公园 Thành phố 서울 مرحبا';
    await addIdea(me.page, mixed);
    await waitForCardText(other.page, mixed);

    // 10,000 characters pasted into a card (the limit) reach the other screen whole.
    const long = 'ก'.repeat(2_500) + 'A'.repeat(2_500) + '公'.repeat(2_500) + 'é'.repeat(2_500);
    const field = await cardField(me.page, mixed);
    await field.fill(long);
    await waitForCardText(other.page, long, 20_000);
    await me.context.close();
    await other.context.close();
  });

  test('an action that ends before it starts is flagged and keeps both dates', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'Dates');
    const boardId = workshop.boards[0]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana', city: 'Porto' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Budi', city: 'Jakarta' });

    await me.page.getByTestId('lane-proposed').getByTestId('new-action').click();
    const editor = me.page.getByTestId('action-editor');
    await editor.waitFor();
    await editor.getByTestId('action-title').fill('Heritage walk exchange');
    await editor.getByTestId('action-start').fill('2026-09-30');
    await editor.getByTestId('action-end').fill('2026-09-01');
    await editor.getByTestId('end-before-start').waitFor();
    expect(await editor.getByTestId('action-start').inputValue()).toBe('2026-09-30');
    expect(await editor.getByTestId('action-end').inputValue()).toBe('2026-09-01');
    await editor.getByTestId('close-action').click();

    const card = other.page.getByTestId('lane-proposed').getByTestId('card');
    await waitFor(async () => (await card.textContent())?.includes('Heritage walk exchange'), 10_000, 'the action on the other screen');
    await card.getByTestId('date-problem').waitFor();
    // Both dates kept as written, shown in the reader's date format.
    expect(await card.textContent()).toContain('Sep 30, 2026 – Sep 1, 2026');
    await me.context.close();
    await other.context.close();
  });
});
