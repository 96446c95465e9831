/**
 * One verdict everywhere (docs/FACILITATION.md, "The agreement rule"): a facilitator and two
 * delegates of the cities involved (Bangkok, reading the app in Thai, and Porto) answer on three
 * actions of the agreed lane in Chromium — one left awaiting, one objected with a reason, one
 * agreed with a reservation. The board (in English and in Thai), the wall, present mode and the
 * Markdown, JSON and Word exports all say the same. Screenshots of the consent panel and the board
 * at 1280×800 and 390×844 (kept with the test artifacts, or in docs/screenshots with
 * PLENARY_SCREENSHOTS_DIR=docs/screenshots).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCard } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { Viewport } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs, type BoardPerson } from './board-support.ts';
import { cardById, openBoardAsFacilitator, openPresent, openWall } from './facilitation-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));
const REASON = 'Porto has no ferry budget before 2028';
const RESERVATION = 'Only during school terms';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** The three actions, each with the lead and partners that decide who is asked. */
const seedActions = async (workshop: CreatedWorkshop, boardId: string) => {
  const client = connectClient(server.syncBase, boardId, workshop.tokens.facilitator);
  await client.synced();
  const action = (title: string, leadCity: string, partnerCities: string[]) =>
    addCard(client.doc, {
      kind: 'action',
      lane: 'agreed',
      lang: 'en',
      title,
      createdBy: 'Pim',
      authorCity: 'Bangkok',
      leadCity,
      partnerCities,
      status: 'agreed'
    });
  const ids = {
    awaiting: action('Cycle lanes pact', 'Porto', ['Bangkok', 'Seoul']),
    objected: action('Harbour ferry link', 'Porto', ['Bangkok']),
    agreed: action('Green schools exchange', 'Bangkok', ['Porto'])
  };
  const check = connectClient(server.syncBase, boardId, workshop.tokens.observer);
  await check.synced();
  await waitFor(() => Object.values(ids).every((id) => check.doc.getMap('cards').has(id)), 10_000, 'the actions on the server');
  check.destroy();
  client.destroy();
  return ids;
};

/**
 * A facilitator confirms every city claim waiting in the lobby (as the wall's People panel would),
 * once the `people` who opened the board have made theirs (a page claims its city as deferred
 * work, after the board's first sync).
 */
const confirmEveryone = async (workshop: CreatedWorkshop, people: number) => {
  const headers = { authorization: `Bearer ${workshop.tokens.facilitator}` };
  const base = `${server.httpBase}/api/workshops/${workshop.id}/participants`;
  type Listed = { participants?: { id: string; status?: string }[] };
  let list: Listed = {};
  await waitFor(
    async () => {
      list = (await (await fetch(base, { headers })).json()) as Listed;
      return (list.participants ?? []).filter((p) => p.status === 'pending').length >= people;
    },
    15_000,
    `${people} city claims in the lobby`
  );
  for (const p of list.participants ?? []) {
    if (p.status === 'pending') expect((await fetch(`${base}/${p.id}/confirm`, { method: 'POST', headers })).status).toBe(200);
  }
};

/** A delegate answers for their city through the card's consent panel. */
const answer = async (page: Page, actionId: string, option: 'endorse' | 'reservation' | 'object', note?: string) => {
  const consent = cardById(page, actionId).getByTestId('consent');
  if ((await consent.getAttribute('open')) === null) await consent.locator('summary').click();
  await consent.getByTestId('consent-answer').click();
  await consent.getByTestId(`consent-${option}`).check();
  if (note) await consent.getByTestId('consent-note').fill(note);
  await consent.getByTestId('consent-submit').click();
  await consent.getByTestId('consent-answer').waitFor();
};

const verdictOf = (page: Page, actionId: string, testid: string) => cardById(page, actionId).getByTestId(testid);
const states = async (page: Page, ids: Record<string, string>, testid: string) =>
  Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, await verdictOf(page, id, testid).getAttribute('data-verdict')])));

const EXPECTED_STATES = { awaiting: 'awaiting', objected: 'objected', agreed: 'agreed' };
const EXPECTED_EN = { awaiting: 'Awaiting answers (2): Porto, Seoul', objected: 'Objected by Porto', agreed: 'Agreed by every city asked' };
const EXPECTED_TH = { awaiting: 'รอคำตอบ (2): Porto, Seoul', objected: 'คัดค้านโดย Porto', agreed: 'ทุกเมืองที่ถูกถามเห็นชอบแล้ว' };

/** What the first test leaves for the screenshots. */
let shared: { workshop: CreatedWorkshop; boardId: string; ids: { awaiting: string; objected: string; agreed: string }; wall: Page } | null = null;

test('the board, the wall, present mode and the exports give each action the same verdict, in English and Thai', async (ctx) => {
  const open: Page[] = [];
  screenshotOnFailure(ctx, () => open);
  const workshop = await createDemoWorkshop(server, 'Consent verdicts');
  const boardId = workshop.boards[0]!.id;
  const ids = await seedActions(workshop, boardId);

  const wall = await openWall(browser, server, workshop);
  shared = { workshop, boardId, ids, wall };
  const somchai: BoardPerson = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok', lang: 'th' });
  const ana: BoardPerson = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Costa', city: 'Porto' });
  open.push(wall, somchai.page, ana.page);
  await confirmEveryone(workshop, 2);

  // Before any answer nothing is agreed: the action Bangkok leads awaits both cities.
  await waitFor(
    async () => (await verdictOf(ana.page, ids.agreed, 'consent-verdict').getAttribute('data-verdict')) === 'awaiting',
    10_000,
    'awaiting at first'
  );

  await answer(ana.page, ids.objected, 'object', REASON);
  await answer(somchai.page, ids.objected, 'endorse');
  await answer(somchai.page, ids.agreed, 'reservation', RESERVATION);
  await answer(ana.page, ids.agreed, 'endorse');
  await answer(somchai.page, ids.awaiting, 'endorse');

  // The board, in English and in Thai: verdict text and the status the action shows.
  await waitFor(
    async () => JSON.stringify(await states(ana.page, ids, 'consent-verdict')) === JSON.stringify(EXPECTED_STATES),
    10_000,
    'verdicts on the board'
  );
  for (const [key, id] of Object.entries(ids) as [keyof typeof ids, string][]) {
    expect(await verdictOf(ana.page, id, 'consent-verdict').textContent()).toBe(EXPECTED_EN[key]);
    await waitFor(async () => (await verdictOf(somchai.page, id, 'consent-verdict').textContent()) === EXPECTED_TH[key], 10_000, `Thai verdict ${key}`);
  }
  const status = (page: Page, id: string) => cardById(page, id).getByTestId('action-status').getAttribute('data-status');
  expect([await status(ana.page, ids.awaiting), await status(ana.page, ids.objected), await status(ana.page, ids.agreed)]).toEqual([
    'awaiting-consent',
    'objected',
    'agreed'
  ]);
  expect(await cardById(somchai.page, ids.objected).getByTestId('action-status').textContent()).toBe('ถูกคัดค้าน');

  // The wall (the facilitator's) and present mode.
  await waitFor(async () => JSON.stringify(await states(wall, ids, 'wall-verdict')) === JSON.stringify(EXPECTED_STATES), 10_000, 'verdicts on the wall');
  expect(await verdictOf(wall, ids.awaiting, 'wall-verdict').textContent()).toBe(EXPECTED_EN.awaiting);
  const present = await openPresent(browser, server, workshop, boardId);
  open.push(present);
  await waitFor(
    async () => JSON.stringify(await states(present, ids, 'present-verdict')) === JSON.stringify(EXPECTED_STATES),
    10_000,
    'verdicts in present mode'
  );
  expect(await verdictOf(present, ids.objected, 'present-verdict').textContent()).toBe(EXPECTED_EN.objected);

  // The exports, read as an observer would download them.
  const download = (format: string, lang = 'en') =>
    fetch(`${server.httpBase}/api/boards/${boardId}/export.${format}?lang=${lang}`, { headers: { authorization: `Bearer ${workshop.tokens.observer}` } });
  const md = (await (await download('md')).text()).replace(/\\/g, '');
  for (const text of [
    'objected by Porto',
    `Porto: ${REASON}`,
    'awaiting answers (2): Porto, Seoul',
    'agreed by every city asked',
    `Bangkok: ${RESERVATION}`,
    '**Not answered:** Porto, Seoul'
  ]) {
    expect(md).toContain(text);
  }
  const mdTh = (await (await download('md', 'th')).text()).replace(/\\/g, '');
  for (const text of ['คัดค้านโดย Porto', 'รอคำตอบ (2): Porto, Seoul', 'ทุกเมืองที่ถูกถามเห็นชอบแล้ว']) expect(mdTh).toContain(text);
  const json = (await (await download('json')).json()) as { boards: { verdicts: Record<string, { state: string; objections: unknown[] }> }[] };
  const verdicts = json.boards[0]!.verdicts;
  expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, verdicts[id]?.state]))).toEqual(EXPECTED_STATES);
  expect(verdicts[ids.objected]!.objections).toEqual([{ city: 'Porto', note: REASON }]);
  const docx = strFromU8(unzipSync(new Uint8Array(await (await download('docx')).arrayBuffer()))['word/document.xml']!);
  const docxText = [...docx.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
  for (const text of ['objected by Porto', `Porto: ${REASON}`, 'awaiting answers (2): Porto, Seoul', 'agreed by every city asked'])
    expect(docxText).toContain(text);
}, 240_000);

test('screenshots of the consent panel and the board, on a laptop and a phone', async (ctx) => {
  const open: Page[] = [];
  screenshotOnFailure(ctx, () => open);
  if (!shared) throw new Error('the first test did not get far enough');
  const { workshop, boardId, ids, wall } = shared;
  mkdirSync(OUT, { recursive: true });
  for (const [size, viewport] of Object.entries({ '1280x800': Viewport.desktop, '390x844': Viewport.phone })) {
    const page = await (await browser.newContext({ baseURL: server.httpBase, viewport, storageState: await wall.context().storageState() })).newPage();
    open.push(page);
    page.setDefaultTimeout(15_000);
    await openBoardAsFacilitator(page, workshop, boardId);
    const card = cardById(page, ids.objected);
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('consent').locator('summary').click();
    await card.getByTestId('consent-record').first().waitFor();
    await fontsLoaded(page);
    await card.screenshot({ path: path.join(OUT, `consent-panel-${size}.png`) });
    await page.screenshot({ path: path.join(OUT, `board-consent-${size}.png`) });
  }
}, 120_000);
