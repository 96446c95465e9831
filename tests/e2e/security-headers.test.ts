/**
 * The app runs under its Content-Security-Policy (docs/SECURITY.md, "Response headers"): two
 * people open a board from the delegate link and see each other's cards, the facilitator's share
 * page shows the QR code, fonts load and the service worker registers — and Chromium reports no
 * policy violation on any page. The app shell and the API answer with the policy, no framing and
 * nosniff.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { addIdea, waitForCardText, waitForStatus, type BoardPerson } from './board-support.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { boardLink, createDemoWorkshop, workshopLink, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** Every policy violation a page reports, from the DOM event and from the console. */
const watchViolations = async (page: Page, violations: string[]): Promise<void> => {
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) violations.push(`console: ${text}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
};

describe('security headers in the browser', () => {
  test('a board syncs between two people, the QR code and fonts load, and no policy is violated', async (ctx) => {
    const violations: string[] = [];
    const people: BoardPerson[] = [];
    let share: Page | undefined;
    screenshotOnFailure(ctx, () => [...people.map((p) => p.page), share]);
    const workshop = await createDemoWorkshop(server, 'Under policy');
    const boardId = workshop.boards[0]!.id;

    for (const person of [
      { name: 'Somchai', city: 'Bangkok' },
      { name: 'Li Wei', city: 'Chengdu' }
    ]) {
      const { context, page } = await newPerson(browser, server.httpBase);
      await watchViolations(page, violations);
      const response = await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate));
      const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      await enterIdentity(page, person);
      await page.getByTestId('board').waitFor();
      await waitForStatus(page, 'connected');
      people.push({ context, page });
    }
    const [somchai, liWei] = people as [BoardPerson, BoardPerson];
    await addIdea(somchai.page, 'Shared bus ticket for both cities');
    await waitForCardText(liWei.page, 'Shared bus ticket for both cities');

    // Fonts shipped with the app load; the service worker registers.
    await waitFor(() => somchai.page.evaluate(() => document.fonts.status === 'loaded'), 10_000, 'fonts loaded');
    const loadedFaces = await somchai.page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length);
    expect(loadedFaces).toBeGreaterThan(0);
    await waitFor(() => somchai.page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), 15_000, 'service worker registered');

    // The facilitator's share page: the QR code is a data: image and must render.
    const facilitator = await newPerson(browser, server.httpBase);
    share = facilitator.page;
    await watchViolations(share, violations);
    await share.goto(workshopLink(workshop, workshop.tokens.facilitator).replace(`/w/${workshop.id}`, `/w/${workshop.id}/share`));
    const qr = share.getByTestId('invite-qr').first();
    await qr.waitFor();
    await waitFor(() => qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), 10_000, 'QR code drawn');

    expect(violations).toEqual([]);
    for (const p of [...people, facilitator]) await p.context.close();
  });

  test('the API answers with a policy that runs nothing, no framing and nosniff', async () => {
    const res = await server.fetch('/api/join/OOO-III');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const shell = await server.fetch('/');
    expect(shell.headers.get('x-frame-options')).toBe('DENY');
    expect(shell.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });
});
