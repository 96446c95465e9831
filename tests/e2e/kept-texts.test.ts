/**
 * A returning device writes the days on its action cards and the names of the languages its cards
 * are written in from its own copy (web/src/lib/i18n/kept-texts.ts) instead of making a date
 * formatter or a language-name table while the board's first screen is drawn: the first of each
 * costs a page about a tenth of a second on a phone. Every such formatter the return visit makes is
 * noted with its moment; none may come before the dates and the language tag are on the screen,
 * and both read as they did on the first visit.
 *
 * A new device has no copy: the page's inline script (web/src/app.html) has the browser load its
 * date data while the app's scripts download. Checked with the app's entry held at the network, so
 * whatever is made meanwhile is the script's.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enteredAt, noteWhenEntered } from './utils/entered.ts';
import { holdEntry } from './utils/entry.ts';
import { seedCards } from './facilitation-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** The moments the page made each date formatter and language-name table, and how often it asked which locales have date data. */
interface Made {
  dates: number[];
  languageNames: number[];
  dateQuestions: number;
}

/** From the next page `context` opens on: every date formatter and language-name table the page makes is noted (window.__formattersMade). */
const noteIntlMade = (context: BrowserContext) =>
  context.addInitScript(() => {
    const made: Made = { dates: [], languageNames: [], dateQuestions: 0 };
    (window as unknown as { __formattersMade: Made }).__formattersMade = made;
    const counting = <T extends abstract new (...args: never[]) => object>(Real: T, into: number[], asked: () => void): T => {
      // A function, not an arrow: the app calls it with `new`.
      const Counting = function (this: unknown, ...args: ConstructorParameters<T>) {
        into.push(performance.now());
        return Reflect.construct(Real, args);
      } as unknown as T;
      const supported = (Real as unknown as { supportedLocalesOf: (...args: unknown[]) => string[] }).supportedLocalesOf;
      Object.defineProperty(Counting, 'supportedLocalesOf', {
        value: (...args: unknown[]) => {
          asked();
          return supported.apply(Real, args);
        }
      });
      Object.defineProperty(Counting, 'prototype', { value: Real.prototype });
      return Counting;
    };
    // DisplayNames is read-only in TypeScript's Intl; both are plain writable properties in the page.
    Object.defineProperty(Intl, 'DateTimeFormat', { value: counting(Intl.DateTimeFormat, made.dates, () => made.dateQuestions++) });
    Object.defineProperty(Intl, 'DisplayNames', { value: counting(Intl.DisplayNames, made.languageNames, () => undefined) });
  });

const madeSoFar = (page: Page): Promise<Made> => page.evaluate(() => (window as unknown as { __formattersMade: Made }).__formattersMade);

/** Opens `address` with the app's entry held, and returns what the page made once it has been idle (the entry still held) and a release. */
const openWithEntryHeld = async (page: Page, address: string): Promise<{ made: { formatters: number; asked: number }; release: () => void }> => {
  const entry = await holdEntry(page);
  await page.goto(address, { waitUntil: 'domcontentloaded' });
  await entry.asked;
  // Idle callbacks run in the order they were asked for: this one after the inline script's.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve))));
  const made = await madeSoFar(page);
  return { made: { formatters: made.dates.length, asked: made.dateQuestions }, release: entry.release };
};

describe('dates and language names on cards', () => {
  test('a returning device draws the dates and language names it showed before without making their formatters first', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Kept texts');
    const boardId = workshop.boards[0]!.id;
    await seedCards(server, workshop, boardId, [
      { kind: 'action', text: 'ล่องเรือเก็บขยะร่วมกันหนึ่งสัปดาห์', lang: 'th', startDate: '2027-06-01', endDate: '2027-06-07' }
    ]);
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    try {
      await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
      await enterIdentity(page, { name: 'Ana', city: 'Porto' });
      const dates = page.getByTestId('action-dates');
      const language = page.getByTestId('lang-tag').first();
      await dates.waitFor({ timeout: 30_000 });
      const firstDates = await dates.textContent();
      const firstName = await language.getAttribute('title');
      expect(firstDates).toMatch(/2027/);
      expect(firstName).toBe('Thai');
      // The texts are kept a moment after they are first written.
      await waitFor(
        async () => (await page.evaluate(() => localStorage.getItem('plenary.intl-texts')))?.includes('language|') === true,
        10_000,
        'the texts kept on the device'
      );

      // Back later: every date formatter and language-name table the page makes is noted with its moment.
      await noteIntlMade(context);
      await noteWhenEntered(context, { dates: '[data-testid="action-dates"]', language: '[data-testid="lang-tag"]' });
      await page.reload();
      await dates.waitFor();
      await language.waitFor();
      const entered = await enteredAt(page);
      const made = await madeSoFar(page);
      expect(entered.dates).toBeDefined();
      expect(entered.language).toBeDefined();
      expect(
        made.dates.filter((at) => at <= entered.dates!),
        'date formatters made before the dates were drawn'
      ).toEqual([]);
      expect(
        made.languageNames.filter((at) => at <= entered.language!),
        'language-name tables made before the language tag was drawn'
      ).toEqual([]);
      expect(await dates.textContent()).toBe(firstDates);
      expect(await language.getAttribute('title')).toBe(firstName);
    } finally {
      await context.close();
    }
  });

  test("a new device's page loads the date data while the app's scripts download, and a returning device's does not", async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Date data early');
    const boardId = workshop.boards[0]!.id;
    await seedCards(server, workshop, boardId, [
      { kind: 'action', text: 'Joint river clean-up week', lang: 'en', startDate: '2027-06-01', endDate: '2027-06-07' }
    ]);
    const link = boardLink(workshop, boardId, workshop.tokens.delegate);

    const fresh = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [fresh.page]);
    try {
      await noteIntlMade(fresh.context);
      const { made, release } = await openWithEntryHeld(fresh.page, link);
      expect(made.formatters, 'date formatters made before the app ran').toBeGreaterThan(0);
      expect(made.asked, 'questions about date data before the app ran').toBeGreaterThan(0);
      release();
      await enterIdentity(fresh.page, { name: 'Ana', city: 'Porto' });
      await expect.poll(() => fresh.page.getByTestId('action-dates').textContent(), { timeout: 30_000 }).toMatch(/2027/);
    } finally {
      await fresh.context.close();
    }

    // A device holding a copy of the board writes its days from its own copy: nothing is loaded for it.
    const returning = await newPerson(browser, server.httpBase);
    try {
      await noteIntlMade(returning.context);
      await returning.context.addInitScript((id) => localStorage.setItem(`plenary.copy.${id}`, '1'), boardId);
      const { made, release } = await openWithEntryHeld(returning.page, link);
      release();
      expect(made).toEqual({ formatters: 0, asked: 0 });
    } finally {
      await returning.context.close();
    }
  });
});
