/**
 * A long lane is drawn a step at a time after its first screen (web/src/lib/board/progressive.svelte.ts):
 * every card of a 90-card lane ends up drawn, in order, on opening the board and on opening it
 * again from the device's copy; a card someone adds meanwhile is drawn too.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCard, getCardsMap } from '@plenary/shared/schema';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const CARDS = 90;

/** The ideas lane's card texts as drawn, in order. */
const drawnIdeas = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLTextAreaElement>('[data-lane="ideas"] [data-testid="card"] [data-testid="card-text"]')].map((field) => field.value)
  );

const expected = Array.from({ length: CARDS }, (_, i) => `Long lane idea ${String(i + 1).padStart(2, '0')}`);

describe('a long lane', () => {
  test('draws every card, in order, on the first open and from the device copy, with one added meanwhile', async (ctx) => {
    let person: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [person?.page]);
    const workshop = await createDemoWorkshop(server, 'Long lane');
    const boardId = workshop.boards[0]!.id;
    const seeder = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await seeder.synced();
    seeder.doc.transact(() => {
      for (const text of expected) addCard(seeder.doc, { kind: 'idea', text, createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
    });
    await waitFor(() => getCardsMap(seeder.doc).size === CARDS, 10_000, 'the seeded cards');

    person = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Silva', city: 'Porto' });
    await waitFor(async () => (await drawnIdeas(person!.page)).length === CARDS, 20_000, `all ${CARDS} ideas drawn`);
    expect(await drawnIdeas(person.page)).toEqual(expected);

    // Opened again: drawn from the device's copy, a step at a time, while someone adds a card.
    await person.page.reload();
    seeder.doc.transact(() => {
      addCard(seeder.doc, { kind: 'idea', text: 'Added while the lane was drawn', createdBy: 'Seeder', authorCity: 'Porto', lang: 'en' });
    });
    await person.page.getByTestId('board').waitFor();
    await waitForCardText(person.page, 'Added while the lane was drawn', 20_000);
    await waitFor(async () => (await drawnIdeas(person!.page)).length === CARDS + 1, 20_000, `all ${CARDS + 1} ideas drawn`);
    expect((await drawnIdeas(person.page)).filter((t) => t.startsWith('Long lane idea'))).toEqual(expected);
    seeder.destroy();
    await person.context.close();
  });
});
