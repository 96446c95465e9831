/**
 * Helpers shared by the board's end-to-end tests (`board-*.test.ts`): open a board as a person
 * (through the link and the "who are you" step), find cards, read the status, wait for text.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { boardLink, type CreatedWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson, type PersonOptions } from './utils/browser.ts';
import { enterIdentity, type PersonDetails } from './utils/identity.ts';

export interface BoardPerson {
  context: BrowserContext;
  page: Page;
}

/** A new device opening `boardId` with the delegate link and saying who they are. */
export const openBoardAs = async (
  browser: Browser,
  server: PlenaryServer,
  workshop: CreatedWorkshop,
  boardId: string,
  person: PersonDetails,
  options: PersonOptions = {}
): Promise<BoardPerson> => {
  const { context, page } = await newPerson(browser, server.httpBase, options);
  await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
  await enterIdentity(page, person);
  await page.getByTestId('board').waitFor();
  await waitForStatus(page, 'connected');
  return { context, page };
};

export const connectionStatus = (page: Page): Promise<string | null> => page.getByTestId('connection-status').getAttribute('data-status');

export const waitForStatus = (page: Page, status: string, timeoutMs = 15_000): Promise<boolean> =>
  waitFor(async () => (await connectionStatus(page)) === status, timeoutMs, `status ${status}`);

/** The card whose text field (idea, practice) or title (action) contains `text`. */
export const cardWith = (page: Page, text: string): Locator =>
  page.getByTestId('card').filter({ has: page.locator(`textarea:text-is("${text}"), [data-testid="open-action"]:has-text("${text}")`) });

/** Values of every card text field on the page, in document order. */
export const cardTexts = (page: Page): Promise<string[]> =>
  page.getByTestId('card-text').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

/** Waits until some card's text is exactly `text`. */
export const waitForCardText = (page: Page, text: string, timeoutMs = 10_000): Promise<boolean> =>
  waitFor(async () => (await cardTexts(page)).includes(text), timeoutMs, `a card reading "${text}"`);

/** Adds an idea through the quick-add line of the Ideas lane. */
export const addIdea = async (page: Page, text: string): Promise<void> => {
  const input = page.getByTestId('lane-ideas').getByTestId('quick-add');
  await input.fill(text);
  await input.press('Enter');
  await waitForCardText(page, text);
};

/** The text field of the card reading `text` now. */
export const cardField = async (page: Page, text: string): Promise<Locator> => {
  const fields = page.getByTestId('card-text');
  const values = await cardTexts(page);
  const index = values.indexOf(text);
  if (index < 0) throw new Error(`no card reads "${text}"`);
  return fields.nth(index);
};
