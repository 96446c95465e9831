/**
 * A page's own route files come with the app's first wave of scripts (web/preload-routes.mjs):
 * the shell names them from the address, so SvelteKit's router finds them already on their way
 * instead of asking for them once the app's entry has run — a second wave of requests, a round
 * trip each, on a phone on the venue's Wi-Fi.
 *
 * Checked the way it matters: the app's entry (`start`) is held back at the network, so nothing
 * the app itself runs can ask for anything. Every route file the page then uses until it is shown
 * must have been asked for while the entry was held.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson } from './utils/browser.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { holdEntry } from './utils/entry.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const ROUTE_FILE = /\/_app\/immutable\/nodes\/[^/]+\.js$/;

interface Opened {
  /** Route files asked for while the entry was held. */
  early: string[];
  /** Route files asked for after it was let through. */
  late: string[];
}

/** Opens `address` with the entry held until the shell's own requests are out, then lets the app run until `shown`. */
const openWithEntryHeld = async (page: Page, address: string, shown: (page: Page) => Promise<unknown>): Promise<Opened> => {
  let held = true;
  const early: string[] = [];
  const late: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (ROUTE_FILE.test(pathname)) (held ? early : late).push(pathname);
  });
  const entry = await holdEntry(page);
  await page.goto(address, { waitUntil: 'domcontentloaded' });
  await entry.asked;
  // The shell's inline scripts have run (the document is parsed); one more frame for their requests to go out.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  held = false;
  entry.release();
  await shown(page);
  await page.waitForLoadState('networkidle');
  return { early, late };
};

describe("a page's own route files", () => {
  test('come with the first wave: a board from its link, the wall, the landing page', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Route preloads');
    const pages: Page[] = [];
    screenshotOnFailure(ctx, () => pages);
    const identity = { name: 'Dara', city: 'Porto', lang: 'en', color: '#1f6feb' };
    const cases: { name: string; address: string; shown: (page: Page) => Promise<unknown> }[] = [
      {
        name: 'board',
        address: boardLink(workshop, workshop.boards[0]!.id, workshop.tokens.delegate),
        shown: (page) => page.getByTestId('lane-ideas').waitFor()
      },
      {
        name: 'wall',
        address: `/w/${workshop.id}/wall?token=${encodeURIComponent(workshop.tokens.facilitator)}`,
        shown: (page) => page.getByTestId('wall').waitFor()
      },
      { name: 'landing', address: '/', shown: (page) => page.getByTestId('landing-code').waitFor() }
    ];
    for (const { name, address, shown } of cases) {
      const { context, page } = await newPerson(browser, server.httpBase);
      pages.push(page);
      await context.addInitScript(([id, person]) => localStorage.setItem(`plenary.identity.${id}`, JSON.stringify(person)), [workshop.id, identity] as const);
      const { early, late } = await openWithEntryHeld(page, address, shown);
      // The root layout is in the shell for every page; the page's own node comes with it.
      expect(early.length, `${name}: route files asked for with the entry held`).toBeGreaterThan(1);
      expect(late, `${name}: route files asked for only after the app's entry ran`).toEqual([]);
      await context.close();
    }
  });
});
