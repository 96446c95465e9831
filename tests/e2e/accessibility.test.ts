/**
 * Every page and state a person sees passes axe-core's WCAG 2.0, 2.1 and 2.2 A/AA rules with no
 * serious or critical finding: the landing page, creating and joining a workshop, the "who are
 * you" step, the workshop page and its joint plan menu, the share page, the board (cards in every
 * lane, the consent panel, an action open for editing, the export menu, the history panel,
 * deleting a card, translating one, "Move to…"), the facilitator's wall with its People panel,
 * present mode, and after the seminar the outcomes page (closed workshop, follow-up links, the
 * lead city's progress form). Each is seen in English on a laptop and in Thai on a phone.
 * Best-practice rules and milder impacts are printed, not failed; a failure prints every finding
 * with where it was, the rule, its impact and the elements.
 */
import { expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createDemoWorkshop, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { audit, describeFindings, isBlocking, type Finding } from './utils/axe.ts';
import { seedCards } from './facilitation-support.ts';
import { waitForStatus } from './board-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

interface Reader {
  name: string;
  locale: string;
  lang: string;
  viewport: { width: number; height: number };
  person: string;
  city: string;
}

const READERS = {
  en: { name: 'en laptop', locale: 'en-GB', lang: 'en', viewport: Viewport.desktop, person: 'Ana Costa', city: 'Porto' },
  th: { name: 'th phone', locale: 'th-TH', lang: 'th', viewport: Viewport.phone, person: 'สมชาย ใจดี', city: 'Bangkok' }
} satisfies Record<string, Reader>;

const ACTION = 'Green schools exchange';

const api = async (workshop: CreatedWorkshop, token: string, method: string, route: string, body: unknown = {}) => {
  const res = await fetch(`${server.httpBase}/api/workshops/${workshop.id}/${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status}`);
  return res.json();
};

const w = (workshop: CreatedWorkshop, rest = '') => `/w/${encodeURIComponent(workshop.id)}${rest}`;
const withToken = (path: string, token: string) => `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;

test('no serious or critical accessibility finding on any page, in English on a laptop and Thai on a phone', async (ctx) => {
  const pages: Page[] = [];
  const contexts: BrowserContext[] = [];
  screenshotOnFailure(ctx, () => pages);
  const findings: Finding[] = [];
  const check = async (page: Page, reader: Reader, state: string) => findings.push(...(await audit(page, `${state} [${reader.name}]`)));
  const open = async (reader: Reader): Promise<Page> => {
    const { context, page } = await newPerson(browser, server.httpBase, { locale: reader.locale, viewport: reader.viewport });
    contexts.push(context);
    pages.push(page);
    return page;
  };
  const identify = async (page: Page, reader: Reader, person = reader.person) => {
    await page.getByTestId('identity-name').fill(person);
    await page.getByTestId('identity-city').selectOption(reader.city);
    await page.getByTestId('identity-lang').selectOption(reader.lang);
    await page.getByTestId('identity-submit').click();
  };

  const workshop = await createDemoWorkshop(server, 'Accessible workshop');
  const board = workshop.boards[0]!.id;
  const fac = workshop.tokens.facilitator;
  const [, , , agreed] = await seedCards(server, workshop, board, [
    { kind: 'idea', text: 'Shared bike lanes in every district' },
    { kind: 'idea', text: 'Street trees on school routes' },
    { kind: 'action', text: 'Air-quality sensor network', lane: 'proposed' },
    { kind: 'action', text: ACTION, lane: 'agreed', partnerCities: ['Bangkok'] }
  ]);
  await api(workshop, fac, 'PUT', 'consent', { boardId: board, actionId: agreed, answer: 'endorse', city: 'Porto' });
  // Someone waiting in the lobby, for the People panel.
  await api(workshop, workshop.tokens.delegate, 'POST', 'participants', { name: 'Li Wei', city: 'Chengdu' });

  /** Landing, create, join by code; then a delegate: the identity step, the workshop page, the board and its panels. */
  const delegateTour = async (reader: Reader) => {
    const page = await open(reader);
    await page.goto('/');
    await page.getByTestId('landing-create').waitFor();
    await check(page, reader, 'home');
    await page.goto('/new');
    await page.getByTestId('create-form').waitFor();
    await check(page, reader, 'create workshop');
    await page.goto('/join');
    await page.getByTestId('join-code-form').waitFor();
    await check(page, reader, 'join');
    await page.goto(`/join/${workshop.joinCode}`);
    await page.getByTestId('join-workshop-title').waitFor();
    await check(page, reader, 'join with a code');

    await page.goto(withToken(w(workshop), workshop.tokens.delegate));
    await page.getByTestId('identity-form').waitFor();
    await check(page, reader, 'identity form');
    await identify(page, reader);
    await waitFor(async () => (await page.getByTestId('board-tile').count()) === workshop.boards.length, 15_000, 'every tile');
    await check(page, reader, 'workshop page');
    await page.getByTestId('joint-plan-open').click();
    await page.getByTestId('export-menu').waitFor();
    await check(page, reader, 'workshop page, joint plan menu');
    await page.keyboard.press('Escape');

    await page.goto(w(workshop, `/b/${board}`));
    await page.getByTestId('card').nth(3).waitFor();
    await waitForStatus(page, 'connected');
    await check(page, reader, 'board');

    const action = page.getByTestId('card').filter({ hasText: ACTION });
    await action.getByTestId('consent').locator('summary').click();
    await action.getByTestId('consent-record').first().waitFor();
    await check(page, reader, 'board, consent panel');

    await action.getByTestId('open-action').click();
    await page.getByTestId('action-editor').waitFor();
    await check(page, reader, 'board, action editor');
    await page.getByTestId('close-action').click();

    // On a phone the board's tools sit behind the ⋯ button.
    const tools = async () => {
      if (!(await page.getByTestId('history-open').isVisible())) await page.getByTestId('board-tools-toggle').click();
    };
    await tools();
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-menu').waitFor();
    await check(page, reader, 'board, export menu');
    await page.keyboard.press('Escape');
    await tools();
    await page.getByTestId('history-open').click();
    await page.getByTestId('history-panel').waitFor();
    await check(page, reader, 'board, history panel');
    await page.getByTestId('history-close').click();

    const idea = page.getByTestId('card').first();
    await idea.getByTestId('delete-card').click();
    await page.getByTestId('delete-confirm').waitFor();
    await check(page, reader, 'board, delete a card');
    await page.getByTestId('delete-confirm-no').click();
    if (reader.lang !== 'en') {
      // Cards written in English offer a translation into the reader's language.
      await idea.getByTestId('translate-card').click();
      await idea.getByTestId('translation-text').first().waitFor();
      await check(page, reader, 'board, translating a card');
    }

    await idea.getByTestId('move-handle').click();
    await page.getByTestId('move-menu').waitFor();
    await check(page, reader, 'board, move menu');
    await page.keyboard.press('Escape');
  };

  /** The facilitator's wall with the People panel, the share page and the outcomes page; the projector's present mode. */
  const facilitatorTour = async (reader: Reader) => {
    const page = await open(reader);
    await page.goto(withToken(w(workshop, '/wall'), fac));
    await page.getByTestId('identity-form').waitFor();
    await identify(page, reader, reader.lang === 'th' ? 'พิมพ์ ศรีสุข' : 'Pim Srisuk');
    await page.getByTestId('people-panel').getByTestId('people-pending').waitFor();
    await waitFor(async () => (await page.getByTestId('wall-board').count()) === workshop.boards.length, 15_000, 'every board on the wall');
    await check(page, reader, 'wall with People panel');
    await page.goto(w(workshop, '/share'));
    await page.getByTestId('share-panel').waitFor();
    await check(page, reader, 'share page');
    await page.goto(w(workshop, '/outcomes'));
    await page.getByTestId('outcomes-empty').waitFor();
    await check(page, reader, 'outcomes before closing');

    const projector = await open(reader);
    await projector.goto(withToken(w(workshop, `/b/${board}/present?code=${workshop.joinCode}`), workshop.tokens.observer));
    await projector.getByTestId('present-card').first().waitFor();
    await check(projector, reader, 'present mode');
    return page;
  };

  // The two readers go round at once: one server, one browser, two sets of devices.
  const tour = async (reader: Reader) => {
    await delegateTour(reader);
    return facilitatorTour(reader);
  };
  const [enFacilitator] = await Promise.all([tour(READERS.en), tour(READERS.th)]);

  // After the seminar: the agreed action is a commitment; the facilitator hands out follow-up
  // links (laptop, English) and the lead city opens its progress form (phone, Thai).
  await api(workshop, fac, 'PUT', 'consent', { boardId: board, actionId: agreed, answer: 'endorse', city: 'Bangkok' });
  await api(workshop, fac, 'POST', 'follow-up/close');
  const { path: leadPath } = (await api(workshop, fac, 'POST', 'follow-up/links', { role: 'city', city: 'Porto' })) as { path: string };
  const afterwards = async () => {
    await enFacilitator.reload();
    await enFacilitator.getByTestId('commitment').first().waitFor();
    await enFacilitator.getByTestId('follow-up-admin').locator('details summary').click();
    await enFacilitator.getByTestId('link-outcomes').click();
    await enFacilitator.getByTestId('link-value-outcomes').waitFor();
    await check(enFacilitator, READERS.en, 'outcomes, closed, follow-up links');
  };
  const lead = async () => {
    const page = await open(READERS.th);
    await page.goto(leadPath);
    const form = page.getByTestId('commitment').filter({ hasText: ACTION }).getByTestId('progress-form');
    await form.locator('summary').click();
    await form.getByTestId('progress-submit').waitFor();
    await check(page, READERS.th, "outcomes, the lead city's progress form");
  };
  await Promise.all([afterwards(), lead()]);
  await Promise.all(contexts.map((c) => c.close()));

  for (const f of findings.filter((f) => !isBlocking(f))) console.log(`[axe, not failing] ${describeFindings([f])}`);
  const blocking = findings.filter(isBlocking);
  expect(blocking, `serious or critical accessibility findings:\n${describeFindings(blocking)}`).toEqual([]);
});
