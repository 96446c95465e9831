/**
 * The Thai, Khmer and CJK faces wait for the board on a device's first visit
 * (web/src/lib/fonts/load.ts): on slow Wi-Fi their stylesheet and the subsets it pulls in would
 * otherwise fill the link while the board's own bytes wait behind them. A device that has loaded
 * them before adds them at once, so a returning delegate's text never changes face.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { addCard } from '@plenary/shared/schema';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { connectionStatus, waitForStatus } from './board-support.ts';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const FACES = /fonts-thai-khmer-cjk\.[\w-]+\.css$/;
const facesAdded = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.dataset.fonts === 'all');

describe('Thai, Khmer and CJK faces', () => {
  test('a first visit adds them only once the board has synced; a returning device adds them at once', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Faces after the board');
    const boardId = workshop.boards[0]!.id;
    const seeder = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await seeder.synced();
    addCard(seeder.doc, { kind: 'idea', text: '姐妹城市 แผนปฏิบัติการ ផែនការ 자매도시', createdBy: 'Seeder', authorCity: 'Porto', lang: 'zh' });

    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    // The person has said who they are already (as on any link after the first), so the board is
    // the first view the page draws.
    await context.addInitScript((id) => {
      localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: 'Ana Silva', city: 'Porto', lang: 'en', color: '#1f6feb' }));
    }, workshop.id);
    const facesAsked: number[] = [];
    // The page's own requests: the offline shell's service worker fetches every build file once.
    page.on('request', (request) => {
      if (!request.serviceWorker() && FACES.test(new URL(request.url()).pathname)) facesAsked.push(Date.now());
    });
    let holding = true;
    const held: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/sync\//, (socket) => {
      if (holding) held.push(socket);
      else socket.connectToServer();
    });
    // The server clock is asked for at the page's first idle moment: once it has been, the page
    // has been idle, and only the board's hold keeps the faces back.
    const clockAsked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/time', { timeout: 15_000 });

    const opened = Date.now();
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await page.getByTestId('board').waitFor();
    await clockAsked;
    expect(held.length).toBeGreaterThan(0);
    expect(await connectionStatus(page)).not.toBe('connected');
    expect(facesAsked.map((at) => at - opened)).toEqual([]);
    expect(await facesAdded(page)).toBe(false);

    // Closing the held socket ends the first attempt; the provider reconnects, to the server now.
    const released = Date.now();
    holding = false;
    for (const socket of held.splice(0)) await socket.close();
    await waitForStatus(page, 'connected');
    await waitFor(() => facesAdded(page), 15_000, 'the faces added once the board synced');
    expect(facesAsked.length).toBe(1);
    expect(facesAsked[0]!).toBeGreaterThanOrEqual(released);

    // The same device again, its socket held back: the faces come at once, before any sync.
    holding = true;
    await page.reload();
    await page.getByTestId('board').waitFor();
    await waitFor(() => facesAdded(page), 10_000, 'the faces added at once on a returning device');
    expect(await connectionStatus(page)).not.toBe('connected');

    seeder.destroy();
    await context.close();
  });
});
