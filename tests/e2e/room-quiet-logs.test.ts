/**
 * Normal use is quiet: a delegate goes from the workshop page into a board, adds and edits cards,
 * the facilitator goes from the wall to the board, locks and unlocks it, and a projector opens
 * present mode. None of that may make the server refuse an update or close a connection for
 * misbehaving (4400 malformed, 4409 awareness for another client, 4429 rate limit): such lines
 * mean a client of ours sends what the server must refuse, and they hide real attacks in the log.
 *
 * A reconnect is part of normal use too (a phone's Wi-Fi drops, a tab retries an edit refused as
 * the lock landed): presence used to bounce between the server and every browser on the board
 * after one, hundreds of messages a second, until the rate limit closed them (4429).
 */
import { describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MessageTag } from '@plenary/shared/protocol';
import { waitFor } from '../utils/wait.ts';
import { boardLink, createDemoWorkshop, workshopLink, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, connectionStatus, waitForCardText, waitForStatus } from './board-support.ts';
import { openBoardAsFacilitator, openWall } from './facilitation-support.ts';
import { openProjector, PATIENCE_MS } from './room-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const NOISY_CODES = [4400, 4409, 4429];

/**
 * What a page sends on its sockets (those opened later too) since `reset`: presence frames, and
 * whether a socket to `room` opened since has heard from the server.
 */
const socketWatch = (page: Page, room: string) => {
  let presence = 0;
  let heard = false;
  let generation = 0;
  page.on('websocket', (socket) => {
    const born = generation;
    // A frame's first byte is its message tag (all tags are below 128).
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' && payload[0] === MessageTag.awareness) presence++;
    });
    if (socket.url().includes(room)) socket.on('framereceived', () => (heard ||= born === generation));
  });
  return {
    reset: () => {
      presence = 0;
      heard = false;
      generation++;
    },
    get presence() {
      return presence;
    },
    get reconnected() {
      return heard;
    }
  };
};

/** Log lines that say a client of ours was refused or closed for misbehaving. */
const refusals = (): string[] =>
  server.jsonLogs().flatMap((line) => {
    const msg = String(line.msg ?? '');
    if (msg === 'update refused') return [JSON.stringify(line)];
    if (msg === 'closing connection' && NOISY_CODES.includes(Number(line.code))) return [JSON.stringify(line)];
    return [];
  });

describe('a normal session leaves no refusals in the server log', () => {
  test('workshop page → board, cards, lock and unlock, present mode', async (ctx) => {
    let delegate: Page | undefined;
    let facilitator: Page | undefined;
    let projector: Page | undefined;
    let second: Page | undefined;
    screenshotOnFailure(ctx, () => [delegate, second, facilitator, projector]);
    const workshop = await createDemoWorkshop(server, 'Quiet logs');
    const board = workshop.boards[1]!;

    // A delegate opens the workshop page (one live tile per board), then goes into a board.
    // biome-ignore lint/style/useConst: assigned together with `delegate`, which is declared outside
    let context: BrowserContext;
    ({ page: delegate, context } = await newPerson(browser, server.httpBase));
    delegate.setDefaultTimeout(PATIENCE_MS);
    const delegateSockets = socketWatch(delegate, board.id);
    await delegate.goto(workshopLink(workshop, workshop.tokens.delegate));
    await enterIdentity(delegate, { name: 'Somchai', city: 'Bangkok' });
    await waitFor(async () => (await delegate!.getByTestId('board-tile').count()) === workshop.boards.length, 15_000, 'every tile');
    await waitForStatus(delegate, 'connected');
    await delegate.locator(`[data-board-id="${board.id}"]`).click();
    await delegate.getByTestId('board').waitFor();
    await delegate.getByTestId('lane-ideas').getByTestId('quick-add').waitFor();

    // Cards added and edited.
    await addIdea(delegate, 'Shared bus lanes for school runs');
    await addIdea(delegate, 'Repair cafés in every district');
    const field = await cardField(delegate, 'Repair cafés in every district');
    await field.fill('Repair cafés in every district library');
    await waitForCardText(delegate, 'Repair cafés in every district library');

    // The facilitator goes from the wall to the board, locks it and unlocks it.
    facilitator = await openWall(browser, server, workshop);
    const facilitatorSockets = socketWatch(facilitator, board.id);
    await openBoardAsFacilitator(facilitator, workshop, board.id);
    await waitForCardText(facilitator, 'Repair cafés in every district library');
    await facilitator.getByTestId('toggle-lock').click();
    await delegate.getByTestId('lock-badge').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await delegate!.getByTestId('quick-add').count()) === 0, 10_000, 'read-only while locked');
    await facilitator.getByTestId('toggle-lock').click();
    await waitFor(async () => (await delegate!.getByTestId('lock-badge').count()) === 0, 10_000, 'unlocked');
    await addIdea(delegate, 'Night buses between the sister districts');

    // Quick typing in two cards (every key an update, every caret move a presence).
    for (const [text, more] of [
      ['Shared bus lanes for school runs', ' and back'],
      ['Night buses between the sister districts', ' until 2 am']
    ] as const) {
      const card = await cardField(delegate, text);
      await card.click();
      await card.press('End');
      await card.pressSequentially(more);
      await waitForCardText(facilitator, text + more);
    }

    // The same person has the board open in a second tab.
    second = await context.newPage();
    const secondSockets = socketWatch(second, board.id);
    await second.goto(boardLink(workshop, board.id, workshop.tokens.delegate));
    await second.getByTestId('board').waitFor();
    await waitForStatus(second, 'connected');

    // A half-typed idea when the facilitator locks again; the phone's Wi-Fi drops and comes back
    // while the board is locked; once it opens, the kept draft is added.
    await delegate.getByTestId('lane-ideas').getByTestId('quick-add').fill('Tool library at the market');
    await facilitator.getByTestId('toggle-lock').click();
    await delegate.getByTestId('draft-kept').waitFor({ timeout: 10_000 });
    const watched = { delegate: delegateSockets, second: secondSockets, facilitator: facilitatorSockets };
    Object.values(watched).forEach((w) => w.reset());
    await context.setOffline(true);
    await waitFor(async () => (await connectionStatus(second!)) !== 'connected', 10_000, 'the tabs to notice they are offline');
    await context.setOffline(false);
    await waitForStatus(second, 'connected');
    await waitFor(() => delegateSockets.reconnected, 15_000, 'the first tab to reconnect');
    await facilitator.getByTestId('toggle-lock').click();
    await delegate.getByTestId('add-draft').click();
    await waitForCardText(facilitator, 'Tool library at the market');
    await addIdea(second, 'Evening language cafés');
    await waitForCardText(facilitator, 'Evening language cafés');
    // Coming back announces each tab once and the server's answer is not echoed back: a handful of
    // presence messages, where presence bouncing between server and browsers made hundreds.
    const sent = Object.fromEntries(Object.entries(watched).map(([who, w]) => [who, w.presence]));
    expect(Math.max(...Object.values(sent)), `presence messages sent: ${JSON.stringify(sent)}`).toBeLessThan(20);

    // A projector opens present mode and shows the latest card.
    projector = await openProjector(browser, server, workshop, board.id);
    await waitFor(async () => (await projector!.getByTestId('present-card').count()) === 5, 10_000, 'five cards presented');
    await projector.getByTestId('present-card').filter({ hasText: 'Evening language cafés' }).waitFor();

    expect(refusals()).toEqual([]);
  }, 300_000);
});
