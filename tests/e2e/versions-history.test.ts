/**
 * Versions in the browser: a facilitator saves a named version, the board changes, "Compare with
 * now" shows the new card as added, Restore (after confirming) takes the board back for everyone
 * on it, and "Undo restore" brings the change back. The Export menu flags an incomplete agreed
 * action before offering the six formats.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enterIdentity } from './utils/identity.ts';
import { addIdea, cardTexts, openBoardAs, waitForCardText, waitForStatus, type BoardPerson } from './board-support.ts';
import { EXPORT_FORMATS } from '@plenary/shared/export';
import { addCard, readBoard } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('board versions', () => {
  test('save a version, change the board, compare, restore for everyone, undo the restore', async (ctx) => {
    let facilitator: BoardPerson | undefined;
    let delegate: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [facilitator?.page, delegate?.page]);
    const workshop = await createDemoWorkshop(server, 'Versions');
    const boardId = workshop.boards[0]!.id;
    facilitator = await newPerson(browser, server.httpBase);
    const page = facilitator.page;
    await page.goto(boardLink(workshop, boardId, workshop.tokens.facilitator));
    await enterIdentity(page, { name: 'Chair Somchai', city: 'Bangkok' });
    await page.getByTestId('board').waitFor();
    await waitForStatus(page, 'connected');
    delegate = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' });

    await addIdea(page, 'ตลาดสีเขียว Green market');
    await waitForCardText(delegate.page, 'ตลาดสีเขียว Green market');

    // Save a named version.
    await page.getByTestId('history-open').click();
    await page.getByTestId('version-label').fill('ก่อนพัก Before the break');
    await page.getByTestId('version-save').click();
    const row = page.getByTestId('version-row').first();
    await row.getByText('ก่อนพัก Before the break').waitFor();
    expect(await row.textContent()).toContain('Chair Somchai');
    await page.getByTestId('history-close').click();

    // The delegate changes the board.
    await addIdea(delegate.page, '夜间公交 Night bus');
    await waitForCardText(page, '夜间公交 Night bus');

    // Compare with now: the new card is marked as added, on the "now" side only.
    await page.getByTestId('history-open').click();
    await page.getByTestId('version-row').first().getByTestId('version-compare-open').click();
    const added = page.getByTestId('compare-now').locator('[data-diff~="added"]');
    await added.waitFor();
    expect(await added.textContent()).toContain('夜间公交 Night bus');
    expect(await page.getByTestId('compare-then').textContent()).not.toContain('Night bus');
    expect(await page.getByTestId('compare-summary').textContent()).toContain('1 card added');
    await page.getByTestId('history-back').click();

    // Restore, after confirming: both people see the board go back.
    await page.getByTestId('version-row').filter({ hasText: 'Before the break' }).getByTestId('version-restore').click();
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('undo-restore').waitFor();
    for (const p of [page, delegate.page]) {
      await waitFor(async () => !(await cardTexts(p)).includes('夜间公交 Night bus'), 15_000, 'the restore to reach everyone');
      expect(await cardTexts(p)).toContain('ตลาดสีเขียว Green market');
    }
    // The history now starts with the automatic "before restore" version. The panel asks for the
    // list again once the restore is answered (its Undo shows at once), so the row is waited for.
    await page.getByTestId('version-row').first().getByTestId('version-title').filter({ hasText: 'Saved before a restore' }).waitFor();

    // Undo the restore: the delegate's card is back for both.
    await page.getByTestId('undo-restore').click();
    await page.getByTestId('history-notice').getByText('The restore was undone.').waitFor();
    await waitForCardText(page, '夜间公交 Night bus', 15_000);
    await waitForCardText(delegate.page, '夜间公交 Night bus', 15_000);
    await facilitator.context.close();
    await delegate.context.close();
  });

  test('the Export menu flags agreed actions missing details and offers the six formats', async (ctx) => {
    let person: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [person?.page]);
    const workshop = await createDemoWorkshop(server, 'Export menu');
    const boardId = workshop.boards[1]!.id;
    person = await openBoardAs(browser, server, workshop, boardId, { name: 'Anna', city: 'Moscow' });
    const { page } = person;
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-complete').waitFor();
    const formats = await page
      .getByTestId('export-menu')
      .locator('a[download]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(formats).toEqual(EXPORT_FORMATS.map((f) => `/api/boards/${boardId}/export.${f}`));
    const csvHref = (await page.getByTestId('export-csv').getAttribute('href')) ?? '';
    const csv = await page.evaluate(async (href) => (await fetch(href)).status, csvHref);
    expect(csv).toBe(200);
    await page.getByTestId('export-open').click();

    // Someone agrees an action with no lead city, dates or indicators: the menu names what is missing.
    const client = connectClient(server.syncBase, boardId, workshop.tokens.facilitator);
    try {
      await client.synced();
      addCard(client.doc, { kind: 'action', lane: 'agreed', createdBy: 'Anna', authorCity: 'Moscow', lang: 'ru', title: 'Обмен студентами' });
      await waitFor(async () => (await page.getByTestId('lane-agreed').textContent())?.includes('Обмен студентами'), 15_000, 'the action on the board');
      expect(readBoard(client.doc).cards).toHaveLength(1);
    } finally {
      client.destroy();
    }
    await page.getByTestId('export-open').click();
    const warnings = page.getByTestId('export-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('Обмен студентами: missing lead city, dates, indicators');
    await person.context.close();
  });
});
