/**
 * Helpers for the board tests of phones, careful deleting and locking (`board-phone`,
 * `board-delete-confirm`, `board-lock-draft`, `board-room-screenshots`): a phone with a touch
 * screen, a lane's card texts, a card by the text it reads, and the facilitator's lock over HTTP.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { boardLink, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { Viewport } from './utils/browser.ts';
import { enterIdentity, type PersonDetails } from './utils/identity.ts';
import { waitForStatus } from './board-support.ts';

/** A phone: 390×844, touch screen, mobile viewport. */
export const newPhone = async (browser: Browser, server: PlenaryServer): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    baseURL: server.httpBase,
    viewport: Viewport.phone,
    hasTouch: true,
    isMobile: true,
    locale: 'en-GB',
    deviceScaleFactor: 1
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
};

/** A phone opening a board with the delegate link and saying who they are. */
export const openBoardOnPhone = async (
  browser: Browser,
  server: PlenaryServer,
  workshop: CreatedWorkshop,
  boardId: string,
  person: PersonDetails
): Promise<{ context: BrowserContext; page: Page }> => {
  const phone = await newPhone(browser, server);
  await phone.page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
  await enterIdentity(phone.page, person);
  await phone.page.getByTestId('board').waitFor();
  await waitForStatus(phone.page, 'connected');
  return phone;
};

/** The texts of a lane's ideas and practices, top to bottom. */
export const laneTexts = (page: Page, lane: string): Promise<string[]> =>
  page
    .getByTestId(`lane-${lane}`)
    .getByTestId('card-text')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

/** The card whose text field currently reads `text` (a field's value is not its text content). */
export const cardReading = async (page: Page, text: string): Promise<Locator> => {
  const id = await page
    .getByTestId('card')
    .evaluateAll(
      (cards, wanted) =>
        (cards as HTMLElement[]).find((card) => [...card.querySelectorAll<HTMLTextAreaElement>('[data-testid="card-text"]')].some((f) => f.value === wanted))
          ?.dataset.cardId,
      text
    );
  if (!id) throw new Error(`no card reads "${text}"`);
  return page.locator(`[data-card-id="${id}"]`);
};

/** The facilitator locks or unlocks a board, as the wall does: over HTTP with the facilitator link's token. */
export const setLock = async (server: PlenaryServer, workshop: CreatedWorkshop, boardId: string, locked: boolean): Promise<void> => {
  const response = await fetch(`${server.httpBase}/api/workshops/${encodeURIComponent(workshop.id)}/locks/${encodeURIComponent(boardId)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ locked })
  });
  if (!response.ok) throw new Error(`lock ${locked}: ${response.status} ${await response.text()}`);
};

/** Whether the element's box lies wholly inside the window. */
export const inViewport = (element: Locator): Promise<boolean> =>
  element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
