/**
 * The workshop page: one tile per theme board, whose figures (ideas, proposed, agreed, people on
 * the board) follow what happens on the boards live — here driven by a y-websocket client in Node,
 * the same protocol a delegate's browser speaks.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCard, moveCard } from '@plenary/shared/schema';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, startAppServer, workshopLink, type PlenaryServer } from './utils/app.ts';
import { launchBrowser, newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enterIdentity, tileCount } from './utils/identity.ts';

let server: PlenaryServer;
let browser: Browser;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await browser?.close();
  await server?.close();
});

describe('workshop page', () => {
  test('tiles show live counts that change when cards are added and moved on a board', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Live tiles');
    const [first, second] = workshop.boards;

    // A device west of UTC: the workshop's calendar dates must not slip to the day before.
    page = (await newPerson(browser, server.httpBase, { timezoneId: 'America/Los_Angeles' })).page;
    await page.goto(workshopLink(workshop, workshop.tokens.delegate));
    await enterIdentity(page, { name: 'Somchai', city: 'Bangkok', lang: 'en' });
    await page.getByTestId('board-tile').nth(4).waitFor();
    await page.getByText('Mar 12, 2018 – Mar 16, 2018').waitFor();
    const themes = await page.getByTestId('board-tile').locator('h3').allTextContents();
    expect(themes).toEqual(workshop.boards.map((b) => b.theme));
    await waitFor(async () => (await page!.getByTestId('connection-status').getAttribute('data-status')) === 'connected', 15_000, 'connected status');
    for (const figure of ['ideas', 'proposed', 'agreed', 'people']) expect(await tileCount(page, first!.id, figure)).toBe(0);

    // Someone on the first board, with presence, adds two ideas and an action.
    const writer = connectClient(server.syncBase, first!.id, workshop.tokens.delegate, {
      user: { name: 'Li Wei', city: 'Chengdu', color: '#1f6feb', lang: 'zh' }
    });
    clients.push(writer);
    await writer.synced();
    await waitFor(async () => (await tileCount(page!, first!.id, 'people')) === 1, 10_000, 'one person on the first board');

    addCard(writer.doc, { kind: 'idea', text: '共享公园管理经验', createdBy: 'Li Wei', authorCity: 'Chengdu', lang: 'zh' });
    addCard(writer.doc, { kind: 'idea', text: 'Joint river clean-up day', createdBy: 'Li Wei', authorCity: 'Chengdu', lang: 'en' });
    const action = addCard(writer.doc, { kind: 'action', title: 'Green schools exchange', createdBy: 'Li Wei', lang: 'en' });
    await waitFor(async () => (await tileCount(page!, first!.id, 'ideas')) === 2, 10_000, 'two ideas on the tile');
    await waitFor(async () => (await tileCount(page!, first!.id, 'proposed')) === 1, 10_000, 'one proposed action');
    expect(await tileCount(page, first!.id, 'agreed')).toBe(0);

    moveCard(writer.doc, action, { lane: 'agreed' });
    await waitFor(async () => (await tileCount(page!, first!.id, 'agreed')) === 1, 10_000, 'the action agreed');
    expect(await tileCount(page, first!.id, 'proposed')).toBe(0);

    // Other boards are untouched.
    for (const figure of ['ideas', 'proposed', 'agreed', 'people']) expect(await tileCount(page, second!.id, figure)).toBe(0);

    // Leaving the board: the person count goes back to zero.
    writer.destroy();
    clients.splice(clients.indexOf(writer), 1);
    await waitFor(async () => (await tileCount(page!, first!.id, 'people')) === 0, 40_000, 'nobody left on the first board');

    // The counts are kept on the device: after a reload they show again.
    await page.reload();
    await waitFor(async () => (await tileCount(page!, first!.id, 'ideas')) === 2, 10_000, 'ideas after reload');
  });

  test('the workshop page reopens offline from this device, and reconnects when the Wi-Fi is back', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Offline tiles');
    const board = workshop.boards[2]!;
    const writer = connectClient(server.syncBase, board.id, workshop.tokens.delegate);
    clients.push(writer);
    await writer.synced();
    addCard(writer.doc, { kind: 'idea', text: 'Student exchange week', createdBy: 'Ana', authorCity: 'Porto', lang: 'pt' });

    const person = await newPerson(browser, server.httpBase);
    page = person.page;
    await page.goto(workshopLink(workshop, workshop.tokens.delegate));
    await enterIdentity(page, { name: 'Ana', city: 'Porto', lang: 'pt' });
    await waitFor(async () => (await tileCount(page!, board.id, 'ideas')) === 1, 10_000, 'the idea on the tile');
    // The offline shell is installed once the service worker controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await waitFor(() => page!.evaluate(() => navigator.serviceWorker.controller !== null), 10_000, 'service worker in control');

    await person.context.setOffline(true);
    await page.reload();
    await page.getByTestId('board-tile').nth(4).waitFor();
    await waitFor(async () => (await tileCount(page!, board.id, 'ideas')) === 1, 10_000, 'the idea from IndexedDB');
    await waitFor(async () => (await page!.getByTestId('connection-status').getAttribute('data-status')) === 'offline', 10_000, 'offline status');
    await expect(page.getByTestId('identity-button').textContent()).resolves.toContain('Ana');

    await person.context.setOffline(false);
    await waitFor(async () => (await page!.getByTestId('connection-status').getAttribute('data-status')) === 'connected', 20_000, 'connected again');
    addCard(writer.doc, { kind: 'idea', text: 'Shared museum pass', createdBy: 'Ana', authorCity: 'Porto', lang: 'en' });
    await waitFor(async () => (await tileCount(page!, board.id, 'ideas')) === 2, 10_000, 'live again');
  });
});
