/**
 * A phone's Wi-Fi drops the way the server does not see: the phone's side of its connection is
 * cut, the server's stays open and silent (tests/utils/wifi-proxy.ts), so when the page reconnects
 * a moment later its old connection is still there, holding its presence. The page goes on: it is
 * connected again, its next card reaches the others, its person stays among those on the board,
 * and the server closed the old connection as `replaced` without refusing anything
 * (server/src/sync/room-presence.ts). It used to close the new connection as a forger
 * (awarenessForged, final), and the board stayed dead on that phone until a reload.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CloseCode } from '@plenary/shared/protocol';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, openBoardAs, waitForCardText, waitForStatus } from './board-support.ts';
import { startWifiProxy } from '../utils/wifi-proxy.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** The server's log lines closing a connection with `code`. */
const closesWith = (code: number): Record<string, unknown>[] =>
  server.jsonLogs().filter((line) => line.msg === 'closing connection' && Number(line.code) === code);

const peopleOn = (page: Page): Promise<string[]> => page.getByTestId('person').evaluateAll((people) => people.map((p) => p.getAttribute('data-name') ?? ''));

describe('a Wi-Fi drop the server does not notice', () => {
  test("the phone reconnects, keeps editing and stays on everyone's screen", async (ctx) => {
    let phone: Page | undefined;
    let laptop: Page | undefined;
    screenshotOnFailure(ctx, () => [phone, laptop]);
    const proxy = await startWifiProxy(server.port);
    try {
      const workshop = await createDemoWorkshop(server, 'Wi-Fi drop');
      const board = workshop.boards[0]!.id;
      ({ page: laptop } = await openBoardAs(browser, server, workshop, board, { name: 'Ana Silva', city: 'Porto' }));

      // The phone reaches the server through the venue's Wi-Fi.
      ({ page: phone } = await newPerson(browser, proxy.through(server.httpBase), { viewport: Viewport.phone }));
      await phone.goto(boardLink(workshop, board, workshop.tokens.delegate));
      await enterIdentity(phone, { name: 'Somchai', city: 'Bangkok' });
      await phone.getByTestId('board').waitFor();
      await waitForStatus(phone, 'connected');
      await addIdea(phone, 'River clean-up week');
      await waitForCardText(laptop, 'River clean-up week');
      await waitFor(async () => (await peopleOn(laptop!)).includes('Somchai'), 10_000, 'the phone among the people on the laptop');
      const forgedBefore = closesWith(CloseCode.awarenessForged).length;

      const dropped = proxy.drop();
      expect(dropped.length).toBeGreaterThan(0);
      await waitFor(async () => closesWith(CloseCode.replaced).length > 0, 15_000, 'the server to let the old connection go');
      await waitForStatus(phone, 'connected');
      await addIdea(phone, 'Night market exchange');
      await waitForCardText(laptop, 'Night market exchange');
      expect(await peopleOn(laptop)).toContain('Somchai');
      expect(await phone.getByTestId('refusal-notice').count()).toBe(0);
      expect(closesWith(CloseCode.awarenessForged).length).toBe(forgedBefore);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
