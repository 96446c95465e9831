/**
 * Holding the app's entry script at the network: until it is let through, nothing of the app runs,
 * so what the page does meanwhile is the shell's own (its inline scripts, its preloads, a board's
 * last view). Used to check what happens before the app starts.
 */
import type { Page } from 'playwright-core';

/** The app's entry script (SvelteKit's `start`). */
export const ENTRY = /\/_app\/immutable\/entry\/start\.[^/]+\.js$/;

export interface HeldEntry {
  /** Resolves once the page has asked for the entry. */
  asked: Promise<void>;
  /** Lets the entry through. */
  release: () => void;
}

/** Holds the entry of every page `page` opens from now on, until released. */
export const holdEntry = async (page: Page): Promise<HeldEntry> => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entryAsked!: () => void;
  const asked = new Promise<void>((resolve) => (entryAsked = resolve));
  await page.route(ENTRY, async (route) => {
    entryAsked();
    await released;
    await route.continue();
  });
  return { asked, release };
};
