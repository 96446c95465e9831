/**
 * When elements first enter a page's document, on the page's own clock: for tests that check what
 * a page draws before what (a notice with the first card, a stylesheet after it). Set up before the
 * page loads; read after.
 */
import type { BrowserContext, Page } from 'playwright-core';

type Selectors = Record<string, string>;

/** From the next page load on, notes `performance.now()` when an element matching each selector first appears. */
export const noteWhenEntered = async (context: BrowserContext, selectors: Selectors): Promise<void> => {
  await context.addInitScript((watched: Selectors) => {
    const seen: Record<string, number> = {};
    (window as unknown as { __entered: Record<string, number> }).__entered = seen;
    new MutationObserver(() => {
      const now = performance.now();
      for (const [name, selector] of Object.entries(watched)) if (!seen[name] && document.querySelector(selector)) seen[name] = now;
    }).observe(document, { childList: true, subtree: true });
  }, selectors);
};

/** What `noteWhenEntered` noted so far: name → ms since the page's navigation started (absent: not yet). */
export const enteredAt = (page: Page): Promise<Record<string, number>> =>
  page.evaluate(() => (window as unknown as { __entered?: Record<string, number> }).__entered ?? {});
