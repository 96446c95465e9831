/**
 * Bilingual cards: a card keeps the language it was written in; a delegate adds a translation into
 * their own language, live; readers of that language see the translation (the original's language
 * marked), readers of the original's language see just the original. Action titles on the lane
 * follow the same rule.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { addCard, getCardMap, startTranslation } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

describe('bilingual cards', () => {
  test('a translation typed by one delegate is shown to readers of its language, with the original marked', async (ctx) => {
    let somchai: BoardPerson | undefined;
    let ana: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [somchai?.page, ana?.page]);
    const workshop = await createDemoWorkshop(server, 'Bilingual');
    const boardId = workshop.boards[0]!.id;
    const thai = 'ตลาดน้ำปลอดพลาสติก';

    // An action written in Thai, its title already translated into English by someone else.
    const writer = connectClient(server.syncBase, boardId, workshop.tokens.facilitator);
    await writer.synced();
    const actionId = addCard(writer.doc, {
      kind: 'action',
      lane: 'proposed',
      lang: 'th',
      title: 'ลดขยะพลาสติกในตลาดสด',
      createdBy: 'Somchai',
      authorCity: 'Bangkok'
    });
    startTranslation(getCardMap(writer.doc, actionId)!, 'action', 'en').title!.insert(0, 'Plastic-free fresh markets');

    somchai = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok', lang: 'th' });
    ana = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana', city: 'Porto', lang: 'en' });

    // The action: Ana reads the English title, the Thai original marked TH beneath it.
    const anaAction = ana.page.getByTestId('card').filter({ has: ana.page.getByTestId('action-title-translated') });
    await waitFor(
      async () => (await anaAction.getByTestId('action-title-translated').textContent()) === 'Plastic-free fresh markets',
      10_000,
      'the translated title'
    );
    expect(await anaAction.getByTestId('lang-tag').first().textContent()).toContain('TH');
    // Somchai reads his own words, nothing translated in his way.
    await waitFor(
      async () => (await somchai!.page.getByTestId('open-action').textContent())?.includes('ลดขยะพลาสติกในตลาดสด') ?? false,
      10_000,
      'the Thai title'
    );
    expect(await somchai.page.getByTestId('action-title-translated').count()).toBe(0);

    // An idea Somchai writes in Thai; Ana adds the English, character by character.
    const input = somchai.page.getByTestId('lane-ideas').getByTestId('quick-add');
    await input.fill(thai);
    await input.press('Enter');
    await waitForCardText(ana.page, thai);
    // The only idea on the board.
    const anaIdea = ana.page.getByTestId('lane-ideas').getByTestId('card').first();
    await anaIdea.getByTestId('translate-card').click();
    // While translating, the translation is a text field of its own (co-edited like the original).
    const field = anaIdea.getByTestId('translation-text');
    await field.waitFor();
    await field.click();
    await ana.page.keyboard.type('Plastic-free floating market');
    await anaIdea.getByTestId('translate-card').click();
    await waitFor(
      async () => (await anaIdea.getByTestId('translation-text').textContent())?.includes('Plastic-free floating market') ?? false,
      10_000,
      'the translation shown to Ana'
    );
    expect(await anaIdea.getByTestId('lang-tag').first().textContent()).toContain('TH');

    // Somchai's card stays in Thai, without a translation panel (it is his language).
    const somchaiIdea = somchai.page.getByTestId('lane-ideas').getByTestId('card').first();
    expect(await somchaiIdea.getByTestId('card-text').inputValue()).toBe(thai);
    expect(await somchaiIdea.getByTestId('card-translation').count()).toBe(0);

    writer.destroy();
    await somchai.context.close();
    await ana.context.close();
  });
});
