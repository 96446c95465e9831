/**
 * Helpers for the in-the-room tests (follow across boards, present mode fitting, quiet logs): a
 * projector opening present mode, patient enough for a busy machine (a page's first load there
 * can take longer than Playwright's default 30 s).
 */
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import type { CreatedWorkshop, PlenaryServer } from './utils/app.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { connectionStatus } from './board-support.ts';

export const PATIENCE_MS = 90_000;

/** A projector opens a board's present screen with the observer link (and the join code). */
export const openProjector = async (
  browser: Browser,
  server: PlenaryServer,
  workshop: CreatedWorkshop,
  boardId: string,
  viewport: { width: number; height: number } = Viewport.desktop
): Promise<Page> => {
  const { page } = await newPerson(browser, server.httpBase, { viewport });
  page.setDefaultTimeout(PATIENCE_MS);
  const query = new URLSearchParams({ token: workshop.tokens.observer, code: workshop.joinCode });
  await page.goto(`/w/${encodeURIComponent(workshop.id)}/b/${encodeURIComponent(boardId)}/present?${query}`);
  await page.getByTestId('present').waitFor();
  await waitFor(async () => (await connectionStatus(page)) === 'connected', PATIENCE_MS, 'the present screen connected');
  return page;
};
