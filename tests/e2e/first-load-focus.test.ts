/**
 * Focus and scroll when a page opens. On the app's first load the browser has already put focus at
 * the start of the document and the page is at its top, so the router leaves focus there and does
 * not read the scroll position (patches/@sveltejs__kit@*.patch): either forced a style and layout
 * pass of the whole page before its first frame, on a phone a tenth of a second or more, and the
 * first frame did that work again. Moving to another page inside the app still moves focus to the
 * new page's start, so a keyboard or screen reader user goes on from there and not from a link that
 * is gone.
 *
 * The router focuses <body> by giving it `tabindex="-1"` for the moment of the call; the page
 * records every such change, and every read of the window's scroll position, from before the app's
 * first script runs.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/**
 * Counts in `window.__bodyFocused` the changes of <body>'s tabindex (the router's focus reset sets
 * and removes it), and in `window.__scrollReads` the reads of the window's scroll position once the
 * app has drawn its page (there is a header): reads before that lay out an empty document, which
 * costs nothing.
 */
const RECORD_BODY_FOCUS = `(() => {
  window.__bodyFocused = 0;
  window.__scrollReads = 0;
  for (const name of ['pageXOffset', 'pageYOffset', 'scrollX', 'scrollY']) {
    const own = Object.getOwnPropertyDescriptor(window, name);
    Object.defineProperty(window, name, { configurable: true, get() { if (document.querySelector('header')) window.__scrollReads++; return own.get.call(window); } });
  }
  // Observes the document itself: at this point it has no element yet.
  new MutationObserver((records) => {
    for (const r of records) if (r.target === document.body) window.__bodyFocused++;
  }).observe(document, { attributes: true, attributeFilter: ['tabindex'], subtree: true });
})()`;

const bodyFocused = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __bodyFocused: number }).__bodyFocused);
const scrollReads = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __scrollReads: number }).__scrollReads);

describe('focus when a page opens', () => {
  test("a board's first load leaves focus where the browser put it and reads no scroll position; moving to the workshop page (All themes) resets it to that page's start", async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'First load focus');
    const board = workshop.boards[0]!;
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    try {
      // A returning delegate: their name is known, so nothing on the board takes focus by itself.
      await context.addInitScript(
        ([id, script]) => {
          localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: 'Dara', city: 'Porto', lang: 'en', color: '#1f6feb' }));
          // biome-ignore lint/security/noGlobalEval: the recorder is a string so no transform touches it
          (0, eval)(script);
        },
        [workshop.id, RECORD_BODY_FOCUS] as const
      );
      await page.goto(boardLink(workshop, board.id, workshop.tokens.delegate));
      await page.getByTestId('lane-ideas').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await bodyFocused(page)).toBe(0);
      expect(await scrollReads(page)).toBe(0);

      // A link inside the app: the router moves focus to the new page's start.
      await page.getByRole('link', { name: /All themes/ }).click();
      await waitFor(() => !page.url().includes('/b/'), 10_000, 'the workshop page');
      await waitFor(async () => (await bodyFocused(page)) > 0, 10_000, 'focus to move to the workshop page');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
