import type { Page } from 'playwright-core';

/**
 * Resolves once every face the page will use is in: the faces a first view does without have been
 * added (`<html data-fonts="all">`, web/src/lib/fonts/load.ts: on a device's first visit they wait
 * until the board has synced) and the browser has finished loading the faces its text needs. Call it
 * before comparing glyphs or taking a screenshot.
 */
export const fontsLoaded = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => document.documentElement.dataset.fonts === 'all', undefined, { timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
};
