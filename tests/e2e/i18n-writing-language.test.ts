/**
 * A card's language is the language its author writes in. Switching the interface to another
 * language offers, without blocking anything, to write new cards in it too: "Keep" leaves new
 * cards in the language the person writes in, "Yes" tags the next new card with the new one.
 */
import { describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '../utils/wait.ts';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, openBoardAs } from './board-support.ts';
import { cardReading } from './phone-board-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

const switchTo = async (page: Page, locale: string) => {
  await page.getByTestId('language-switch').selectOption(locale);
  await waitFor(async () => (await page.evaluate(() => document.documentElement.lang)) === locale, 10_000, `the interface in ${locale}`);
};

const cardLang = async (page: Page, text: string) => (await cardReading(page, text)).getAttribute('lang');

describe('writing language', () => {
  test('switching the interface language offers to write new cards in it; Yes tags the next card with it', async (ctx) => {
    let page: Page | undefined;
    screenshotOnFailure(ctx, () => [page]);
    const workshop = await createDemoWorkshop(server, 'Writing language');
    const person = await openBoardAs(browser, server, workshop, workshop.boards[0]!.id, { name: 'Sophea', city: 'Phnom Penh', lang: 'en' });
    page = person.page;
    await expect(page.getByTestId('writing-offer').count()).resolves.toBe(0);

    // To Thai, and keep writing English: the offer goes, new cards stay English.
    await switchTo(page, 'th');
    const offer = page.getByTestId('writing-offer');
    await offer.waitFor();
    expect(await offer.getAttribute('data-lang')).toBe('th');
    await page.getByTestId('writing-keep').click();
    await offer.waitFor({ state: 'detached' });
    await addIdea(page, 'Night market food-waste pilot');
    expect(await cardLang(page, 'Night market food-waste pilot')).toBe('en');

    // To Khmer, in Khmer words, and yes: the next card is Khmer.
    await switchTo(page, 'km');
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(/^\s*សរសេរកាតថ្មីជា(ភាសា)?ខ្មែរ/);
    expect(await page.getByTestId('writing-keep').textContent()).toContain('English');
    await page.getByTestId('writing-accept').click();
    await offer.waitFor({ state: 'detached' });
    await addIdea(page, 'ផ្សាររាត្រីគ្មានកាកសំណល់');
    expect(await cardLang(page, 'ផ្សាររាត្រីគ្មានកាកសំណល់')).toBe('km');
    expect(await cardLang(page, 'Night market food-waste pilot')).toBe('en');
    // Remembered as the person's language for this workshop.
    const saved = await page.evaluate((id) => JSON.parse(localStorage.getItem(`plenary.identity.${id}`) ?? '{}').lang, workshop.id);
    expect(saved).toBe('km');
    await person.context.close();
  });
});
