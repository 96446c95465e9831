/**
 * The join page is every delegate's first page (the code scanned at the venue, on a phone on the
 * hotel's Wi-Fi), so it carries only what it draws:
 *  - its scripts are the `app` chunk the board shares with it, not the board's own code or Yjs
 *    (web/vite.config.ts): 56.5 KiB as received instead of 117.5, when the board's code was the
 *    chunk the layout imported from;
 *  - what the page defers (the later font faces: 60 KiB of CJK rules among them) waits for the
 *    code's answer, which the person is waiting on (JoinFlow.svelte holds deferred work back);
 *  - while the person says who they are, the workshop page's code (with Yjs) is made ready, once
 *    the offline shell's service worker holds the build, so "Enter" does not wait for it.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page, Response, Route } from 'playwright-core';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** A line of Yjs that minifying keeps (its warning when two copies are loaded). */
const YJS = 'Yjs was already imported';
const LATER_FACES = /fonts-(later|cjk)\.[\w-]+\.css$/;

/** Every script the page receives from now on: its address and its text. */
const scriptsOf = (page: Page): Promise<{ path: string; text: string }>[] => {
  const scripts: Promise<{ path: string; text: string }>[] = [];
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script' || response.request().serviceWorker()) return;
    scripts.push(response.text().then((text) => ({ path: new URL(response.url()).pathname, text })));
  });
  return scripts;
};
const withYjs = (scripts: { path: string; text: string }[]): string[] => scripts.filter((s) => s.text.includes(YJS)).map((s) => s.path);

describe("the join page, a delegate's first page", () => {
  test('runs without the board’s code and Yjs, which a board’s page runs with', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Join page scripts');
    const pages: Page[] = [];
    screenshotOnFailure(ctx, () => pages);

    const joining = await newPerson(browser, server.httpBase);
    pages.push(joining.page);
    const joinScripts = scriptsOf(joining.page);
    await joining.page.goto(`/join/${workshop.joinCode}`);
    await joining.page.getByTestId('identity-name').waitFor();
    const joinTexts = await Promise.all(joinScripts);
    expect(joinTexts.length).toBeGreaterThan(2);
    expect(withYjs(joinTexts)).toEqual([]);

    // The same check finds Yjs where it is: the board's page syncs with it.
    const onBoard = await newPerson(browser, server.httpBase);
    pages.push(onBoard.page);
    await onBoard.context.addInitScript((id) => {
      localStorage.setItem(`plenary.identity.${id}`, JSON.stringify({ name: 'Ana Silva', city: 'Porto', lang: 'en', color: '#1f6feb' }));
    }, workshop.id);
    const boardScripts = scriptsOf(onBoard.page);
    await onBoard.page.goto(boardLink(workshop, workshop.boards[0]!.id, workshop.tokens.delegate));
    await onBoard.page.getByTestId('lane-ideas').waitFor();
    const boardTexts = await Promise.all(boardScripts);
    expect(withYjs(boardTexts)).toHaveLength(1);
    await joining.context.close();
    await onBoard.context.close();
  });

  test('asks for the later font faces only once the code is answered', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Join page fonts');
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    const facesAsked: number[] = [];
    page.on('request', (request) => {
      // The offline shell's service worker fetches every build file once, on its own schedule.
      if (!request.serviceWorker() && LATER_FACES.test(new URL(request.url()).pathname)) facesAsked.push(Date.now());
    });
    const held: Route[] = [];
    await page.route(/\/api\/join\//, (route) => {
      held.push(route);
    });
    await page.goto(`/join/${workshop.joinCode}`);
    await waitFor(() => held.length > 0, 10_000, 'the code looked up');
    // Longer than deferred work ever waits for an idle moment (IDLE_TIMEOUT_MS, 2 s): without the
    // hold, the faces would have been asked for by now, while the person waits on the answer.
    await page.waitForTimeout(3000);
    expect(facesAsked).toEqual([]);

    const answered = Date.now();
    for (const route of held) await route.continue();
    await page.getByTestId('identity-name').waitFor();
    await waitFor(() => facesAsked.length >= 2, 10_000, 'the later font faces asked for after the answer');
    expect(Math.min(...facesAsked)).toBeGreaterThanOrEqual(answered);
    await context.close();
  });

  test('makes the workshop page’s code ready while the person says who they are, once the offline shell is installed', async (ctx) => {
    const workshop = await createDemoWorkshop(server, 'Join page preload');
    const { context, page } = await newPerson(browser, server.httpBase);
    screenshotOnFailure(ctx, () => [page]);
    const scripts = scriptsOf(page);
    await page.goto(`/join/${workshop.joinCode}`);
    await page.getByTestId('identity-name').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // Nobody has pressed "Enter": the page fetches the workshop page's code on its own.
    await waitFor(async () => withYjs(await Promise.all(scripts)).length > 0, 15_000, 'the workshop page’s code made ready');
    await page.getByTestId('identity-name').fill('Ana Silva');
    await page.getByTestId('identity-city').selectOption({ index: 1 });
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('board-tile').first().waitFor();
    await context.close();
  });
});
