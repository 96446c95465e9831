/**
 * Helpers for the in-the-room tests (follow across boards, present mode fitting, quiet logs): a
 * projector opening present mode, patient enough for a busy machine (a page's first load there
 * can take longer than Playwright's default 30 s).
 */
import type { Browser, Page } from 'playwright-core';
import type { CreatedWorkshop, PlenaryServer } from './utils/app.ts';
import { Viewport } from './utils/browser.ts';
import { openPresent } from './facilitation-support.ts';

export const PATIENCE_MS = 90_000;

/** A projector opens a board's present screen, patient enough for a busy machine. */
export const openProjector = (
  browser: Browser,
  server: PlenaryServer,
  workshop: CreatedWorkshop,
  boardId: string,
  viewport: { width: number; height: number } = Viewport.desktop
): Promise<Page> => openPresent(browser, server, workshop, boardId, viewport, PATIENCE_MS);
