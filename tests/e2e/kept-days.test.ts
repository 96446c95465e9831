/**
 * A returning device writes the days on its action cards from its own copy (web/src/lib/i18n/
 * kept-days.ts) instead of making a date formatter while the board's first screen is drawn: the
 * first `Intl.DateTimeFormat` of a page costs about a tenth of a second on a phone. The page's
 * formatters are counted from the start of the return visit; none may come before the dates are
 * on the screen, and the dates read as they did on the first visit.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { enteredAt, noteWhenEntered } from './utils/entered.ts';
import { seedCards } from './facilitation-support.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('days on action cards', () => {
  test('a returning device draws the action dates it showed before without making a date formatter first', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Kept days');
    const boardId = workshop.boards[0]!.id;
    await seedCards(server, workshop, boardId, [{ kind: 'action', text: 'Joint river clean-up week', startDate: '2027-06-01', endDate: '2027-06-07' }]);
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    try {
      await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
      await enterIdentity(page, { name: 'Ana', city: 'Porto' });
      const dates = page.getByTestId('action-dates');
      await dates.waitFor({ timeout: 30_000 });
      const firstVisit = await dates.textContent();
      expect(firstVisit).toMatch(/2027/);
      // The days are kept a moment after they are first written.
      await waitFor(async () => (await page.evaluate(() => localStorage.getItem('plenary.days'))) !== null, 10_000, 'the days kept on the device');

      // Back later: every date formatter the page makes is noted with the moment it was made.
      await context.addInitScript(() => {
        const made: number[] = [];
        (window as unknown as { __formattersMade: number[] }).__formattersMade = made;
        const Real = Intl.DateTimeFormat;
        const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          made.push(performance.now());
          return new Real(...args);
        } as unknown as typeof Intl.DateTimeFormat;
        Object.defineProperty(Counting, 'supportedLocalesOf', { value: Real.supportedLocalesOf });
        Object.defineProperty(Counting, 'prototype', { value: Real.prototype });
        Intl.DateTimeFormat = Counting;
      });
      await noteWhenEntered(context, { dates: '[data-testid="action-dates"]' });
      await page.reload();
      await dates.waitFor();
      const entered = await enteredAt(page);
      const made = await page.evaluate(() => (window as unknown as { __formattersMade: number[] }).__formattersMade);
      expect(entered.dates).toBeDefined();
      expect(
        made.filter((at) => at <= entered.dates!),
        'date formatters made before the dates were drawn'
      ).toEqual([]);
      expect(await dates.textContent()).toBe(firstVisit);
    } finally {
      await context.close();
    }
  });
});
