/**
 * Normal use is quiet: a delegate goes from the workshop page into a board, adds and edits cards,
 * the facilitator goes from the wall to the board, locks and unlocks it, and a projector opens
 * present mode. None of that may make the server refuse an update or close a connection for
 * misbehaving (4400 malformed, 4409 awareness for another client, 4429 rate limit): such lines
 * mean a client of ours sends what the server must refuse, and they hide real attacks in the log.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, workshopLink, type PlenaryServer } from './utils/app.ts';
import { newPerson } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, waitForCardText, waitForStatus } from './board-support.ts';
import { openBoardAsFacilitator, openWall } from './facilitation-support.ts';
import { openProjector, PATIENCE_MS } from './room-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const NOISY_CODES = [4400, 4409, 4429];

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
    screenshotOnFailure(ctx, () => [delegate, facilitator, projector]);
    const workshop = await createDemoWorkshop(server, 'Quiet logs');
    const board = workshop.boards[1]!;

    // A delegate opens the workshop page (one live tile per board), then goes into a board.
    ({ page: delegate } = await newPerson(browser, server.httpBase));
    delegate.setDefaultTimeout(PATIENCE_MS);
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
    await openBoardAsFacilitator(facilitator, workshop, board.id);
    await waitForCardText(facilitator, 'Repair cafés in every district library');
    await facilitator.getByTestId('toggle-lock').click();
    await delegate.getByTestId('lock-badge').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await delegate!.getByTestId('quick-add').count()) === 0, 10_000, 'read-only while locked');
    await facilitator.getByTestId('toggle-lock').click();
    await waitFor(async () => (await delegate!.getByTestId('lock-badge').count()) === 0, 10_000, 'unlocked');
    await addIdea(delegate, 'Night buses between the sister districts');

    // A projector opens present mode and shows the latest card.
    projector = await openProjector(browser, server, workshop, board.id);
    await waitFor(async () => (await projector!.getByTestId('present-card').count()) === 3, 10_000, 'three cards presented');
    await projector.getByTestId('present-card').filter({ hasText: 'Night buses between the sister districts' }).waitFor();

    expect(refusals()).toEqual([]);
  }, 300_000);
});
