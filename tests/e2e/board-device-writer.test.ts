/**
 * A device writes a board with one Yjs client id from one visit to the next
 * (web/src/lib/sync/device-writer.ts), so a board's ids grow with its devices, not its visits —
 * and never at the cost of an edit: a second tab writes with ids of its own, and an edit the server
 * holds that the device's copy lacks makes the next visit take a fresh id. Read back the way an
 * organiser's export would: from the server, by a client of its own. And the id is the device's
 * alone: the browser presents the device key the app's page gave it, and the server refuses
 * anyone else's edits under its id (server/src/sync/writer-ids.ts).
 */
import { afterAll, describe, expect, test, type TestContext } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { addCard, getCardsMap, getCardText } from '@plenary/shared/schema';
import { boardLink, createDemoWorkshop, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { LEASE_MS } from '../../web/src/lib/sync/writer-lock.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardTexts, connectionStatus, openBoardAs, waitForStatus } from './board-support.ts';
import { DEVICE_COOKIE, DenyReason } from '@plenary/shared/protocol';
import { connectClient, frames, openRaw, syncUrl, updateOf } from '../utils/clients.ts';
import * as Y from 'yjs';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const person = { name: 'Nguyen Van An', city: 'Ho Chi Minh City' };

/** Every card text on the server, with the client ids its characters were written under. */
const writersOnServer = async (workshop: CreatedWorkshop, boardId: string, texts: string[]): Promise<Map<string, Set<number>>> => {
  const reader = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
  try {
    await reader.synced();
    const byText = () => {
      const out = new Map<string, Set<number>>();
      for (const id of getCardsMap(reader.doc).keys()) {
        const text = getCardText(reader.doc, id, 'text');
        const ids = new Set<number>();
        for (let item = text._start; item !== null; item = item.right) if (!item.deleted) ids.add(item.id.client);
        out.set(text.toString(), ids);
      }
      return out;
    };
    await waitFor(() => texts.every((t) => byText().has(t)), 10_000, `the server to hold ${texts.join(', ')}`);
    return byText();
  } finally {
    reader.destroy();
  }
};

/** The board opened again in a new tab of the same browser (same storage, same IndexedDB). */
const openAgain = async (context: BrowserContext, workshop: CreatedWorkshop, boardId: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
  await page.getByTestId('board').waitFor();
  await waitForStatus(page, 'connected');
  return page;
};

/**
 * A new device opens board `boardIndex` of a new workshop and adds its first idea, "Tree planting
 * day", which the server then holds; a failing test keeps a screenshot of the page.
 */
const withFirstIdea = async (ctx: TestContext, title: string, boardIndex: number) => {
  let page: Page | undefined;
  screenshotOnFailure(ctx, () => [page]);
  const workshop = await createDemoWorkshop(server, title);
  const boardId = workshop.boards[boardIndex]!.id;
  const opened = await openBoardAs(browser, server, workshop, boardId, person);
  page = opened.page;
  await addIdea(page, 'Tree planting day');
  await waitForStatus(page, 'connected');
  return { workshop, boardId, opened, page };
};

const recordOf = (page: Page, boardId: string): Promise<string | null> => page.evaluate((key) => localStorage.getItem(key), `plenary.writer.${boardId}`);

/**
 * A second tab opened while `first` holds the board, each adding an idea, then both closed and,
 * after `pauseMs`, a later tab: the first tab's ideas are under one id, the second tab's under
 * another, and the later tab's under the first tab's again.
 */
const twoTabsThenLater = async (
  context: BrowserContext,
  first: Page,
  workshop: CreatedWorkshop,
  boardId: string,
  pages: Page[],
  pauseMs = 0
): Promise<void> => {
  await addIdea(first, 'Festival exchange');
  await waitForStatus(first, 'connected');
  const second = await openAgain(context, workshop, boardId);
  pages.push(second);
  await addIdea(second, 'Food fair');
  await addIdea(first, 'Sister-city marathon');
  await waitForStatus(first, 'connected');
  await waitForStatus(second, 'connected');
  const writers = await writersOnServer(workshop, boardId, ['Festival exchange', 'Food fair', 'Sister-city marathon']);
  const [a] = [...writers.get('Festival exchange')!];
  expect(writers.get('Sister-city marathon')).toEqual(new Set([a]));
  expect(writers.get('Food fair')!.has(a!)).toBe(false);

  await second.close();
  await first.close();
  if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  const later = await openAgain(context, workshop, boardId);
  pages.push(later);
  await addIdea(later, 'Youth orchestra');
  await waitForStatus(later, 'connected');
  const after = await writersOnServer(workshop, boardId, ['Youth orchestra']);
  expect(after.get('Youth orchestra')).toEqual(new Set([a]));
};

describe('one writer id per device', () => {
  test('three visits of one device write their ideas under one client id', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Writer kept');
    const boardId = workshop.boards[0]!.id;
    const opened = await openBoardAs(browser, server, workshop, boardId, person);
    page = opened.page;
    const ideas = ['Tree planting day', 'River clean-up', 'Bike lanes'];
    for (const [i, idea] of ideas.entries()) {
      if (i > 0) {
        await page.reload();
        await page.getByTestId('board').waitFor();
        await waitForStatus(page, 'connected');
      }
      await addIdea(page, idea);
      await waitForStatus(page, 'connected');
    }
    const writers = await writersOnServer(workshop, boardId, ideas);
    const ids = new Set(ideas.flatMap((idea) => [...writers.get(idea)!]));
    expect(ids.size).toBe(1);
    expect(await recordOf(page, boardId)).toMatch(new RegExp(`^${[...ids][0]}:\\d+$`));
    await opened.context.close();
  });

  test('two tabs open at once write under ids of their own; the tab that held the board keeps its id', async (ctx) => {
    const pages: Page[] = [];
    screenshotOnFailure(ctx, () => pages);
    const workshop = await createDemoWorkshop(server, 'Two tabs');
    const boardId = workshop.boards[1]!.id;
    const opened = await openBoardAs(browser, server, workshop, boardId, person);
    pages.push(opened.page);
    await twoTabsThenLater(opened.context, opened.page, workshop, boardId, pages);
    await opened.context.close();
  });

  test('typed offline before the server answered, on a device whose copy lacks an edit the server holds under its id: the idea reaches the server, under a fresh id', async (ctx) => {
    const { workshop, boardId, opened, page } = await withFirstIdea(ctx, 'Copy behind', 2);
    const kept = Number((await recordOf(page, boardId))!.split(':')[0]);
    // The app installs its service worker after the board shows; a reload offline needs it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await opened.context.setOffline(true);
    await waitFor(async () => (await connectionStatus(page)) !== 'connected', 10_000, 'the page notices it is offline');

    // Something the device's copy never got, written under its id (as when the tab closed before
    // IndexedDB stored an edit the server had): a client of the test's own, once synced, presenting
    // the device's key as the tab did (the server refuses the id to anyone else).
    const device = (await opened.context.cookies()).find((c) => c.name === DEVICE_COOKIE)!.value;
    const writer = connectClient(server.syncBase, boardId, workshop.tokens.delegate, { device });
    await writer.synced();
    const own = writer.doc.clientID;
    writer.doc.clientID = kept;
    addCard(writer.doc, { kind: 'idea', text: 'Only on the server', createdBy: person.name, authorCity: person.city, lang: 'en' });
    // y-websocket announces leaving under the document's id, which must be its presence's again.
    writer.doc.clientID = own;
    await writersOnServer(workshop, boardId, ['Only on the server']);
    writer.destroy();

    // A new visit, still offline: the board comes from the device's copy, and the delegate types
    // before the server can say what it holds. Written under the kept id, the idea would take the
    // clocks of the server's edit and be dropped as known.
    await page.reload();
    await page.getByTestId('board').waitFor();
    await addIdea(page, 'Bike lanes');
    await opened.context.setOffline(false);
    await waitForStatus(page, 'connected', 20_000);
    const writers = await writersOnServer(workshop, boardId, ['Tree planting day', 'Only on the server', 'Bike lanes']);
    expect(writers.get('Bike lanes')!.has(kept)).toBe(false);
    await waitFor(async () => (await cardTexts(page)).includes('Only on the server'), 10_000, 'the server’s edit on the device');
    await opened.context.close();
  });
});

/**
 * The app served over plain HTTP, as from a laptop on the venue's Wi-Fi: a host name that is not
 * localhost, so the page is no secure context and the browser offers no Web Locks.
 */
describe('one writer id per device, over plain HTTP', () => {
  let venueBrowser: Browser | undefined;
  afterAll(async () => {
    await venueBrowser?.close();
  });

  test('a lease in IndexedDB stands in for Web Locks: visits one after another write under one id, two tabs at once under two', async (ctx) => {
    const pages: Page[] = [];
    screenshotOnFailure(ctx, () => pages);
    venueBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP venue.test 127.0.0.1'] });
    const venueBase = server.httpBase.replace('127.0.0.1', 'venue.test');
    const workshop = await createDemoWorkshop(server, 'Venue laptop');
    const boardId = workshop.boards[3]!.id;
    const { context, page } = await newPerson(venueBrowser, venueBase);
    pages.push(page);
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, locks: 'locks' in navigator }))).toEqual({ secure: false, locks: false });
    await enterIdentity(page, person);
    await page.getByTestId('board').waitFor();
    await waitForStatus(page, 'connected');
    // Both tabs closed, the later one waits out the lease, in case a closing tab could not give it back.
    await twoTabsThenLater(context, page, workshop, boardId, pages, LEASE_MS + 500);
    await context.close();
  });
});

describe("a device's writer id is its own", () => {
  test("another delegate's edit under the page's id is refused, and the page's next idea reaches the server", async (ctx) => {
    const { workshop, boardId, opened, page } = await withFirstIdea(ctx, 'Writer guarded', 3);
    const [id] = [...(await writersOnServer(workshop, boardId, ['Tree planting day'])).get('Tree planting day')!];
    // The key is the browser's, out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).not.toContain(DEVICE_COOKIE);
    expect((await opened.context.cookies()).find((c) => c.name === DEVICE_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // A delegate's script reads the id off the board and writes under it, at the page's next clocks.
    const raw = await openRaw(syncUrl(server.syncBase, boardId, workshop.tokens.delegate));
    try {
      await raw.handshake();
      const [card] = [...getCardsMap(raw.doc).keys()];
      const forger = new Y.Doc();
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(raw.doc));
      forger.clientID = id!;
      raw.send(frames.update(updateOf((doc) => getCardText(doc, card!, 'text').insert(0, 'Cancelled: '), forger)));
      await waitFor(() => raw.denied.includes(DenyReason.writerTaken), 10_000, "the forgery to be refused as 'writer-taken'");
    } finally {
      raw.destroy();
    }

    await addIdea(page, 'River clean-up');
    await waitForStatus(page, 'connected');
    const writers = await writersOnServer(workshop, boardId, ['Tree planting day', 'River clean-up']);
    expect([...writers.keys()].sort()).toEqual(['River clean-up', 'Tree planting day']);
    expect(writers.get('River clean-up')).toEqual(new Set([id]));
    expect(await cardTexts(page)).toEqual(expect.arrayContaining(['Tree planting day', 'River clean-up']));
    await opened.context.close();
  });

  test('a browser back with a new key and its old storage is told its changes were refused, and its next idea reaches the server under a fresh id', async (ctx) => {
    const { workshop, boardId, opened, page } = await withFirstIdea(ctx, 'Cookie cleared', 4);
    const kept = Number((await recordOf(page, boardId))!.split(':')[0]);
    // Someone else stays on the board, so it stays loaded with the id bound to the first key.
    const other = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    try {
      await other.synced();
      // The cookie cleared and the site's storage kept: the next page gives the browser a new key.
      await opened.context.clearCookies({ name: DEVICE_COOKIE });
      await page.reload();
      await page.getByTestId('board').waitFor();
      await waitForStatus(page, 'connected');
      await addIdea(page, 'River clean-up');
      const notice = page.getByTestId('refusal-notice');
      await notice.waitFor();
      expect(await notice.getAttribute('data-key')).toBe('refusal.deny.writerTaken');

      await addIdea(page, 'Bike lanes');
      await waitForStatus(page, 'connected');
      const writers = await writersOnServer(workshop, boardId, ['Tree planting day', 'Bike lanes']);
      expect(writers.get('Bike lanes')!.has(kept)).toBe(false);
      // The refused idea stays on this screen only; the notice says so until dismissed.
      expect(writers.has('River clean-up')).toBe(false);
      expect(await notice.isVisible()).toBe(true);
    } finally {
      other.destroy();
    }
    await opened.context.close();
  });
});
