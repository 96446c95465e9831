/**
 * Deferred work waits for the board's first sync (web/src/lib/app/idle.ts): on slow Wi-Fi the
 * deferred requests (the server's clock, the History and Export tools, …) and the font faces a
 * first view does without (web/src/lib/fonts/load.ts: semi-bold and bold, Thai, Khmer, CJK) would
 * otherwise share the link while the board's own bytes wait behind them. A device that has loaded
 * those faces before adds semi-bold, bold, Thai and Khmer at once, so a returning delegate's text in
 * them never changes face, and the 337 CJK rules once the board's first cards are drawn (their
 * set-up and first layout would delay the first screen), without waiting for the sync.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { addCard } from '@plenary/shared/schema';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enteredAt, noteWhenEntered } from './utils/entered.ts';
import { connectionStatus, waitForStatus } from './board-support.ts';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const FACES = /fonts-later\.[\w-]+\.css$/;
const CJK_FACES = /fonts-cjk\.[\w-]+\.css$/;
/** The History and Export tools' styles, loaded with their code as deferred work (BoardHeader). */
const TOOLS = /VersionTools\.[\w-]+\.css$/;
const facesAdded = (page: Page) => page.evaluate(() => document.documentElement.dataset.fonts === 'all');

describe('deferred work and later font faces', () => {
  test('a first visit asks for them only once the board has synced; a returning device adds semi-bold, bold, Thai and Khmer at once and CJK once its first cards are drawn', async (ctx) => {
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
    // The page's own requests: the offline shell's service worker fetches every build file once.
    const facesAsked: number[] = [];
    const cjkAsked: number[] = [];
    const toolsAsked: number[] = [];
    const clockAsked: number[] = [];
    page.on('request', (request) => {
      if (request.serviceWorker()) return;
      const path = new URL(request.url()).pathname;
      if (FACES.test(path)) facesAsked.push(Date.now());
      if (CJK_FACES.test(path)) cjkAsked.push(Date.now());
      if (TOOLS.test(path)) toolsAsked.push(Date.now());
      if (path === '/api/time') clockAsked.push(Date.now());
    });
    let holding = true;
    const held: WebSocketRoute[] = [];
    await context.routeWebSocket(/\/sync\//, (socket) => {
      if (holding) held.push(socket);
      else socket.connectToServer();
    });
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await page.getByTestId('board').waitFor();
    // Longer than deferred work ever waits for an idle moment (IDLE_TIMEOUT_MS, 2 s): without the
    // board's hold, the clock, the tools and the faces would have been asked for by now.
    await page.waitForTimeout(3000);
    expect(held.length).toBeGreaterThan(0);
    expect(await connectionStatus(page)).not.toBe('connected');
    expect(toolsAsked).toEqual([]);
    expect(clockAsked).toEqual([]);
    expect(facesAsked).toEqual([]);
    expect(cjkAsked).toEqual([]);
    expect(await facesAdded(page)).toBe(false);

    // Closing the held socket ends the first attempt; the provider reconnects, to the server now.
    const released = Date.now();
    holding = false;
    for (const socket of held.splice(0)) await socket.close();
    await waitForStatus(page, 'connected');
    await waitFor(() => facesAdded(page), 15_000, 'the faces added once the board synced');
    await waitFor(() => toolsAsked.length > 0, 15_000, 'the tools asked for once the board synced');
    expect(facesAsked.length).toBe(1);
    expect(facesAsked[0]!).toBeGreaterThanOrEqual(released);
    expect(cjkAsked.length).toBe(1);
    expect(cjkAsked[0]!).toBeGreaterThanOrEqual(released);
    expect(toolsAsked[0]!).toBeGreaterThanOrEqual(released);
    await waitFor(() => clockAsked.length > 0, 15_000, 'the server clock asked for once the board synced');
    expect(clockAsked[0]!).toBeGreaterThanOrEqual(released);

    // The same device again, its socket held back: the faces come before any sync — CJK only
    // once the first cards are drawn. The page notes when each stylesheet and the first card
    // enter the document.
    holding = true;
    facesAsked.length = 0;
    cjkAsked.length = 0;
    await noteWhenEntered(context, { card: '[data-testid="card"]', later: 'link[href*="fonts-later"]', cjk: 'link[href*="fonts-cjk"]' });
    await page.reload();
    await page.getByTestId('board').waitFor();
    await waitFor(() => facesAdded(page), 10_000, 'the faces added on a returning device without a sync');
    expect(await connectionStatus(page)).not.toBe('connected');
    const entered = await enteredAt(page);
    expect(entered.card, 'the first card drawn').toBeGreaterThan(0);
    expect(entered.later, 'semi-bold, bold, Thai and Khmer added').toBeGreaterThan(0);
    expect(entered.cjk, 'CJK faces added after the first card').toBeGreaterThan(entered.card!);

    seeder.destroy();
    await context.close();
  });
});
