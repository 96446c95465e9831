/**
 * Helpers for the facilitation end-to-end tests (`facilitation-*.test.ts`): the facilitator on
 * the wall, a present screen, cards written straight into a board over y-websocket, and reading
 * what a page shows of timers, votes and consent.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { addCard, moveCard, type Lane } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import type { CreatedWorkshop, PlenaryServer } from './utils/app.ts';
import { newPerson, Viewport, type PersonOptions } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { waitForStatus } from './board-support.ts';

const w = (workshop: CreatedWorkshop) => `/w/${encodeURIComponent(workshop.id)}`;

/** The facilitator opens the wall with the facilitator link and says who they are. */
export const openWall = async (browser: Browser, server: PlenaryServer, workshop: CreatedWorkshop, options: PersonOptions = {}): Promise<Page> => {
  const { page } = await newPerson(browser, server.httpBase, options);
  await page.goto(`${w(workshop)}/wall?token=${encodeURIComponent(workshop.tokens.facilitator)}`);
  await enterIdentity(page, { name: 'Pim Srisuk', city: 'Bangkok', lang: 'en' });
  await page.getByTestId('wall').waitFor();
  await waitFor(async () => (await page.getByTestId('wall-board').count()) === workshop.boards.length, 15_000, 'every board on the wall');
  return page;
};

/**
 * A projector opens a board's present screen with the observer link (and the join code).
 * `patienceMs` raises the page's timeouts for a busy machine (a first load can take longer than 30 s).
 */
export const openPresent = async (
  browser: Browser,
  server: PlenaryServer,
  workshop: CreatedWorkshop,
  boardId: string,
  viewport: { width: number; height: number } = Viewport.desktop,
  patienceMs?: number
): Promise<Page> => {
  const { page } = await newPerson(browser, server.httpBase, { viewport });
  if (patienceMs) page.setDefaultTimeout(patienceMs);
  const query = new URLSearchParams({ token: workshop.tokens.observer, code: workshop.joinCode });
  await page.goto(`${w(workshop)}/b/${encodeURIComponent(boardId)}/present?${query}`);
  await page.getByTestId('present').waitFor();
  await waitForStatus(page, 'connected', patienceMs);
  return page;
};

/** The facilitator's own page on a board (same device as the wall, so already named). */
export const openBoardAsFacilitator = async (page: Page, workshop: CreatedWorkshop, boardId: string): Promise<void> => {
  await page.goto(`${w(workshop)}/b/${encodeURIComponent(boardId)}`);
  await page.getByTestId('board').waitFor();
  await waitForStatus(page, 'connected');
};

export interface SeedCard {
  kind: 'idea' | 'action';
  text: string;
  lane?: Lane;
  /** An action's partner cities (its lead city is Porto). */
  partnerCities?: string[];
  /** An action's first and last day (`yyyy-mm-dd`). */
  startDate?: string;
  endDate?: string;
  /** The language the card is written in (English unless given). */
  lang?: string;
}

/** Writes cards into a board as a co-editor would; returns their ids in the order given. */
export const seedCards = async (server: PlenaryServer, workshop: CreatedWorkshop, boardId: string, cards: SeedCard[]): Promise<string[]> => {
  const client = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
  await client.synced();
  const ids = cards.map((card) => {
    const id =
      card.kind === 'idea'
        ? addCard(client.doc, { kind: 'idea', text: card.text, createdBy: 'seed', authorCity: 'Chengdu', lang: card.lang ?? 'en' })
        : addCard(client.doc, {
            kind: 'action',
            title: card.text,
            createdBy: 'seed',
            lang: card.lang ?? 'en',
            leadCity: 'Porto',
            partnerCities: card.partnerCities ?? [],
            startDate: card.startDate,
            endDate: card.endDate
          });
    if (card.lane) moveCard(client.doc, id, { lane: card.lane });
    return id;
  });
  // Give the server the writes before leaving: wait until a second client sees them.
  const check = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
  await check.synced();
  await waitFor(() => ids.every((id) => check.doc.getMap('cards').has(id)), 10_000, 'seeded cards on the server');
  check.destroy();
  client.destroy();
  return ids;
};

/** The card with this id on a board page or present screen. */
export const cardById = (page: Page, id: string): Locator => page.locator(`[data-card-id="${id}"]`);

/** Seconds the first timer on the page shows (null without one). */
export const timerSeconds = async (page: Page): Promise<number | null> => {
  const value = await page
    .getByTestId('timer')
    .first()
    .getAttribute('data-seconds', { timeout: 1_000 })
    .catch(() => null);
  return value === null ? null : Number(value);
};
