/**
 * The server's refusals reach the person as words: a delegate whose link the facilitator re-issues
 * reads that it was replaced and whom to ask (close code 4403); a delegate whose card arrives on a
 * board another device filled to its limit reads that the board is full (deny reason board-full);
 * the join page after ten wrong codes from one network reads how many minutes to wait (429 with
 * Retry-After) instead of "could not be reached". Screenshots at laptop and phone size are kept in
 * tests/artifacts/ (refusal-*.png).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCard, getCardsMap, Limits } from '@plenary/shared/schema';
import { connectClient } from '../utils/clients.ts';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { ARTIFACTS_DIR, screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, connectionStatus, openBoardAs } from './board-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const shoot = async (page: Page, name: string): Promise<void> => {
  await fontsLoaded(page);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
};

const noticeText = async (page: Page): Promise<string> => {
  const notice = page.getByTestId('refusal-notice');
  return (await notice.count()) > 0 ? ((await notice.first().textContent()) ?? '') : '';
};

const waitForNotice = (page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<boolean> =>
  waitFor(async () => pattern.test(await noticeText(page)), timeoutMs, `a notice matching ${pattern}`);

describe('refusals shown to the person', () => {
  test('a delegate whose link the facilitator re-issues reads that it was replaced and whom to ask', async (ctx) => {
    let laptop: Page | undefined;
    let phone: Page | undefined;
    screenshotOnFailure(ctx, () => [laptop, phone]);
    const workshop = await createDemoWorkshop(server, 'Links replaced');
    const boardId = workshop.boards[0]!.id;
    const a = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana Silva', city: 'Porto' });
    const b = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' }, { viewport: Viewport.phone });
    laptop = a.page;
    phone = b.page;
    await addIdea(laptop, 'River clean-up day');

    const response = await fetch(`${server.httpBase}/api/workshops/${encodeURIComponent(workshop.id)}/links/reissue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'delegate' })
    });
    expect(response.status).toBe(200);

    for (const page of [laptop, phone]) {
      await waitForNotice(page, /replaced by the facilitator.*new link/);
      expect(await page.getByTestId('refusal-notice').getAttribute('role')).toBe('alert');
      expect(await connectionStatus(page)).not.toBe('connected');
    }
    await shoot(laptop, 'refusal-link-replaced-laptop');
    await shoot(phone, 'refusal-link-replaced-phone');
    await a.context.close();
    await b.context.close();
  }, 300_000);

  test('a card that arrives on a board another device filled to its limit is taken back, and the person reads that the board is full', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Full board');
    const boardId = workshop.boards[1]!.id;
    const person = await openBoardAs(browser, server, workshop, boardId, { name: 'Nguyen Van An', city: 'Ho Chi Minh City' });
    page = person.page;

    // Offline, the page knows nothing of the cards about to fill the board, so it lets a card be added.
    await person.context.setOffline(true);
    await waitFor(async () => (await connectionStatus(page!)) !== 'connected', 10_000, 'the page notices it is offline');
    await addIdea(page, 'Night market walking tour');

    // Meanwhile another device fills the board to exactly its limit, in bounded batches.
    const filler = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await filler.synced();
    const cards = getCardsMap(filler.doc);
    while (cards.size < Limits.maxCards) {
      filler.doc.transact(() => {
        for (let i = 0; i < 250 && cards.size < Limits.maxCards; i++) {
          addCard(filler.doc, { kind: 'idea', text: `Idea ${cards.size + 1}`, createdBy: 'filler', authorCity: 'Porto', lang: 'en' });
        }
      });
    }
    expect(filler.denied).toEqual([]);
    const checker = connectClient(server.syncBase, boardId, workshop.tokens.delegate);
    await checker.synced();
    await waitFor(() => getCardsMap(checker.doc).size === Limits.maxCards, 60_000, 'the server to hold a full board');

    // Back online: the page's card takes the board past its limit; the server takes it back and says why.
    await person.context.setOffline(false);
    await waitForNotice(page, /board is full \(2,000 cards\).*archive or delete/, 120_000);
    await shoot(page, 'refusal-board-full-laptop');
    // The board still holds exactly its limit, without the refused card.
    expect(getCardsMap(checker.doc).size).toBe(Limits.maxCards);
    expect([...getCardsMap(checker.doc).values()].some((card) => String(card.get('text')) === 'Night market walking tour')).toBe(false);
    filler.destroy();
    checker.destroy();
    await person.context.close();
  }, 400_000);

  test('after ten wrong join codes from one network, the join page says how many minutes to wait', async (ctx) => {
    let laptop: Page | undefined;
    let phone: Page | undefined;
    screenshotOnFailure(ctx, () => [laptop, phone]);
    const workshop = await createDemoWorkshop(server, 'Join lock-out');
    const person = await newPerson(browser, server.httpBase);
    laptop = person.page;
    await laptop.goto('/join');
    // Ten wrong codes from this browser, the way a guesser would send them.
    const statuses = await laptop.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 10; i++) out.push((await fetch(`/api/join/ZZZ-ZZ${'23456789ABCD'[i]}`)).status);
      return out;
    });
    expect(statuses.slice(0, 9).every((s) => s === 404)).toBe(true);

    // Even the right code is refused now, and the page says why and for how long.
    await laptop.getByTestId('join-code').fill(workshop.joinCode);
    await laptop.getByTestId('join-code-submit').click();
    const error = laptop.locator('#join-code-error');
    await waitFor(
      async () => /Too many wrong codes from this network\. Please try again in 1[45] minutes\./.test((await error.textContent()) ?? ''),
      60_000,
      'the lock-out message'
    );
    expect(await error.textContent()).not.toContain('could not be reached');
    await shoot(laptop, 'refusal-join-locked-out-laptop');

    const other = await newPerson(browser, server.httpBase, { viewport: Viewport.phone, locale: 'th-TH' });
    phone = other.page;
    await phone.goto(`/join/${encodeURIComponent(workshop.joinCode)}`);
    await waitFor(async () => /1[45]/.test((await phone!.locator('#join-code-error').textContent()) ?? ''), 60_000, 'the lock-out message on the phone');
    await shoot(phone, 'refusal-join-locked-out-phone');
    await person.context.close();
    await other.context.close();
  }, 300_000);
});
