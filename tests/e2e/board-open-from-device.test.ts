/**
 * A returning device opens a board from its own copy: the board draws from IndexedDB (and the
 * workshop from its cached description) while the server's /api answers and the board's socket
 * are still held back; an edit made then reaches the others once the socket opens; and the socket
 * opens only after the copy is loaded, so the server sends only what the device lacks. The app
 * itself starts from the device's copy too: a server that does not answer at all (a congested
 * uplink) does not keep a returning device from its board.
 */
import { createServer, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import type { Browser, Page, Route, WebSocketRoute } from 'playwright-core';
import { addCard, getCardsMap } from '@plenary/shared/schema';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, cardTexts, connectionStatus, openBoardAs, waitForCardText, waitForStatus, type BoardPerson } from './board-support.ts';
import { connectClient, type TestClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** Enough cards that the whole board is many times the size of one new card. */
const SEEDED_CARDS = 120;

const seedBoard = async (boardId: string, token: string): Promise<TestClient> => {
  const seeder = connectClient(server.syncBase, boardId, token);
  await seeder.synced();
  seeder.doc.transact(() => {
    for (let i = 1; i <= SEEDED_CARDS; i++) {
      addCard(seeder.doc, { kind: 'idea', text: `Seeded idea ${i}: a walking tour of the old market`, createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
    }
  });
  const check = connectClient(server.syncBase, boardId, token);
  await check.synced();
  await waitFor(() => getCardsMap(check.doc).size === SEEDED_CARDS, 20_000, 'the server to hold the seeded cards');
  check.destroy();
  return seeder;
};

/** The number of cards the page shows counts of (every lane's figure, collapsed lanes too). */
const shownCardCount = (page: Page): Promise<number> =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-lane]')].reduce((n, lane) => n + Number(lane.dataset.count), 0));

/** Waits until the device's IndexedDB copy of the board holds stored updates (what a reload reads). */
const waitForStoredCopy = (page: Page, boardId: string): Promise<boolean> =>
  waitFor(
    () =>
      page
        .evaluate(
          (name) =>
            new Promise<number>((resolve) => {
              const open = indexedDB.open(name);
              open.onerror = () => resolve(0);
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('updates')) return resolve(0);
                const count = db.transaction('updates').objectStore('updates').count();
                count.onsuccess = () => resolve(count.result);
                count.onerror = () => resolve(0);
              };
            }),
          `plenary-board-${boardId}`
        )
        .then((count) => count > 0),
    10_000,
    'the board stored on the device'
  );

/** A device that has opened the board once: the seeded cards drawn, and stored on the device. */
const openOnce = async (title: string, opened: (person: BoardPerson) => void) => {
  const workshop = await createDemoWorkshop(server, title);
  const boardId = workshop.boards[0]!.id;
  const seeder = await seedBoard(boardId, workshop.tokens.delegate);
  const person = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Silva', city: 'Porto' });
  opened(person);
  await waitFor(async () => (await shownCardCount(person.page)) === SEEDED_CARDS, 20_000, 'every card on the first open');
  await waitForStoredCopy(person.page, boardId);
  return { workshop, boardId, seeder, person };
};

describe('board opens from the device', () => {
  test('a returning device draws its board while /api and the socket are held back, and an edit made then syncs', async (ctx) => {
    let person: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [person?.page]);
    const first = await openOnce('Open from device', (p) => {
      person = p;
    });
    const { workshop, boardId, seeder } = first;
    person = first.person;

    // Second visit: nothing from the server until released. A held socket is open to the test
    // only (nothing reaches the server, nothing comes back); releasing closes it, and the page's
    // reconnection goes through to the server.
    const heldApi: Route[] = [];
    const heldSockets: WebSocketRoute[] = [];
    let holding = true;
    await person.context.route('**/api/**', (route) => (holding ? void heldApi.push(route) : void route.continue()));
    await person.context.routeWebSocket(/\/sync\//, (socket) => {
      if (holding) heldSockets.push(socket);
      else socket.connectToServer();
    });
    // Nor is the workshop's description on the device (as after clearing the site's storage but
    // not its databases): a person who has said who they are still sees the board at once.
    const title = (await person.page.getByTestId('board-header').locator('h1').textContent()) ?? '';
    expect(title).not.toBe('');
    await person.page.evaluate((id) => localStorage.removeItem(`plenary.workshop.${id}`), workshop.id);
    const page = await person.context.newPage();
    await person.page.close();
    person.page = page;
    await page.goto(`/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(boardId)}`);

    await page.getByTestId('board').waitFor();
    await waitFor(async () => (await shownCardCount(page)) === SEEDED_CARDS, 15_000, 'every card drawn from the device');
    await waitForCardText(page, 'Seeded idea 1: a walking tour of the old market');
    // The board is drawn from the device, not from the server: the socket was asked for and held.
    await waitFor(() => heldSockets.length > 0, 10_000, 'the board socket to be asked for');
    expect(await connectionStatus(page)).not.toBe('connected');
    // The app asks /api too (the workshop's description, the clock), held as well; with the page
    // from the device's own copy that can come after the board is drawn.
    await waitFor(() => heldApi.length > 0, 10_000, 'the app to ask /api');

    // An edit on the board drawn from the device, before any answer from the server.
    const field = await cardField(page, 'Seeded idea 1: a walking tour of the old market');
    expect(await field.getAttribute('readonly')).toBeNull();
    await field.click();
    await field.press('Control+End');
    await field.pressSequentially(' with Ana');

    holding = false;
    for (const route of heldApi.splice(0)) await route.continue();
    for (const socket of heldSockets.splice(0)) await socket.close();
    await waitForStatus(page, 'connected', 20_000);
    // The workshop's description arrives later and names the board.
    await waitFor(async () => (await page.getByTestId('board-header').locator('h1').textContent()) === title, 10_000, 'the board title');
    await waitFor(
      () => [...getCardsMap(seeder.doc).values()].some((card) => String(card.get('text')) === 'Seeded idea 1: a walking tour of the old market with Ana'),
      15_000,
      'the edit made before the socket opened to reach another device'
    );
    seeder.destroy();
    await person.context.close();
  });

  test('a returning device draws its board from its own copy of the app while the server does not answer at all', async (ctx) => {
    let person: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [person?.page]);
    const first = await openOnce('Silent server', (p) => {
      person = p;
    });
    const { workshop, boardId, seeder } = first;
    person = first.person;
    // The app's own copy (its service worker and files) is installed by now.
    await person.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    seeder.destroy();

    // The server's address still takes connections, but nothing ever answers: not the page, not
    // /api, not the socket.
    await server.kill('SIGTERM');
    const silent: Socket[] = [];
    const blackHole = createServer((socket) => void silent.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(server.port, '127.0.0.1', resolve));
    try {
      const page = await person.context.newPage();
      await person.page.close();
      person.page = page;
      await page.goto(`/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(boardId)}`, { waitUntil: 'commit', timeout: 15_000 });
      await page.getByTestId('board').waitFor({ timeout: 15_000 });
      await waitFor(async () => (await shownCardCount(page)) === SEEDED_CARDS, 15_000, 'every card drawn from the device');
      await waitForCardText(page, 'Seeded idea 1: a walking tour of the old market');
      expect(silent.length).toBeGreaterThan(0);
    } finally {
      for (const socket of silent) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
      await person.context.close();
      await server.restart();
    }
  });

  test('a returning device is sent only what it lacks, a new device the whole board', async (ctx) => {
    let person: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [person?.page]);
    const first = await openOnce('Only what it lacks', (p) => {
      person = p;
    });
    const { workshop, boardId, seeder } = first;
    person = first.person;
    const path = `/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(boardId)}`;

    // Without its copy (as a new device), the server sends the whole board.
    const whole = await boardBytesOnOpen(person, path, SEEDED_CARDS, null, true);
    await waitForStoredCopy(person.page, boardId);

    // Meanwhile someone adds one card; the returning device is sent that card, not the board again.
    addCard(seeder.doc, { kind: 'idea', text: 'Added while Ana was away', createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
    const lacking = await boardBytesOnOpen(person, path, SEEDED_CARDS + 1, 'Added while Ana was away');

    const cardsJson = new TextEncoder().encode(JSON.stringify([...getCardsMap(seeder.doc).values()].map((card) => card.toJSON()))).length;
    expect(whole.board).toBeGreaterThan(cardsJson / 4);
    expect(lacking.board).toBeLessThan(whole.board / 10);
    seeder.destroy();
    await person.context.close();
  });
});

/**
 * Opens `path` in a new page of the person's context and sums the bytes the board's socket received
 * until the page is connected and shows `cards` cards (and `text`, when given). `clearCopy` deletes
 * the device's IndexedDB copy of every board first (as a new device).
 */
const boardBytesOnOpen = async (person: BoardPerson, path: string, cards: number, text: string | null, clearCopy = false): Promise<{ board: number }> => {
  const page = await person.context.newPage();
  const cdp = await person.context.newCDPSession(page);
  await cdp.send('Network.enable');
  const boardSockets = new Set<string>();
  let board = 0;
  const boardId = new URL(path, 'http://x').pathname.split('/')[4]!;
  cdp.on('Network.webSocketCreated', (event) => {
    if (new URL(event.url).pathname.endsWith(`/sync/${boardId}`)) boardSockets.add(event.requestId);
  });
  cdp.on('Network.webSocketFrameReceived', (event) => {
    if (!boardSockets.has(event.requestId)) return;
    // Binary frames come base64-encoded: four characters per three bytes.
    board += event.response.opcode === 2 ? Math.floor((event.response.payloadData.length * 3) / 4) : event.response.payloadData.length;
  });
  await person.page.close();
  person.page = page;
  if (clearCopy) {
    await page.goto('/');
    await page.evaluate(async (name) => {
      await new Promise<void>((resolve) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = del.onblocked = () => resolve();
      });
    }, `plenary-board-${boardId}`);
  }
  await page.goto(path);
  await page.getByTestId('board').waitFor();
  await waitForStatus(page, 'connected', 20_000);
  await waitFor(async () => (await shownCardCount(page)) === cards, 15_000, `${cards} cards shown`);
  if (text) await waitForCardText(page, text);
  expect((await cardTexts(page)).length).toBeGreaterThan(0);
  await cdp.detach();
  return { board };
};

describe('board opens without IndexedDB', () => {
  test('when IndexedDB never answers, the board connects after a short wait, draws from the server and edits sync', async (ctx) => {
    let person: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [person?.page]);
    const workshop = await createDemoWorkshop(server, 'No IndexedDB');
    const boardId = workshop.boards[0]!.id;
    const seeder = await seedBoard(boardId, workshop.tokens.delegate);
    // A device that kept a copy of the board (so it waits for that copy before connecting), in a
    // browser whose IndexedDB now hangs (a stuck or blocked store): opening the database never answers.
    person = await newPerson(browser, server.httpBase);
    await person.context.addInitScript({
      content: `(() => {
        localStorage.setItem('plenary.copy.${boardId}', '1');
        const open = IDBFactory.prototype.open;
        IDBFactory.prototype.open = function (name, ...rest) {
          if (String(name).startsWith('plenary-board-')) return {};
          return open.call(this, name, ...rest);
        };
      })()`
    });
    await person.page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
    await enterIdentity(person.page, { name: 'Ana Silva', city: 'Porto' });
    await person.page.getByTestId('board').waitFor();
    await waitForStatus(person.page, 'connected');
    await waitFor(async () => (await shownCardCount(person!.page)) === SEEDED_CARDS, 20_000, 'every card from the server');
    await addIdea(person.page, 'Written without IndexedDB');
    await waitFor(
      () => [...getCardsMap(seeder.doc).values()].some((card) => String(card.get('text')) === 'Written without IndexedDB'),
      15_000,
      'the new card to reach another device'
    );
    seeder.destroy();
    await person.context.close();
  });
});
