/**
 * Who is typing where: two people in one card's text field each see the other's name tag on the
 * field and their caret at the character they are at — in a wrapped Thai text, measured against
 * Chromium's own hit testing — following when text is typed before it, shown as a selection when
 * they select, and gone when they leave the field. Someone arriving is announced politely to the
 * person typing there, whose focus and IME composition stay untouched. Then screenshots of it at
 * laptop and phone size (PLENARY_SCREENSHOTS_DIR=docs/screenshots refreshes the docs).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';
import { boardLink, createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { newPerson, Viewport } from './utils/browser.ts';
import { enterIdentity } from './utils/identity.ts';
import { addIdea, cardField, openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';
import { seedCards } from './facilitation-support.ts';
import { cardReading, openBoardOnPhone } from './phone-board-support.ts';
import { fontsLoaded } from './utils/fonts.ts';

const OUT = path.resolve(REPO_ROOT, process.env.PLENARY_SCREENSHOTS_DIR ?? path.join('tests', 'artifacts', 'screenshots'));

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** Long enough to wrap in a card: the caret is checked on a wrapped line. */
const THAI = 'ลดขยะพลาสติกในตลาดสด โดยให้ร้านค้าใช้ถุงผ้าและภาชนะที่นำกลับมาใช้ใหม่ได้ทุกวัน';
const LATIN = 'Cut plastic waste at the fresh market by giving every stall reusable bags and containers';
/** The app's Latin face (fonts.css), which card text is drawn in. */
const LATIN_FACE = /noto-sans-latin-400-normal\.[\w-]+\.woff2$/;

/** The field's box around the field (FieldPresence draws in it). */
const box = (field: Locator): Locator => field.locator('xpath=..');

/** Offsets of the remote caret drawn in `field` for `name`: its anchor/head and the offset Chromium hit-tests at its middle. */
const caretIn = (field: Locator, name: string) =>
  box(field).evaluate((el, who) => {
    const caret = el.querySelector<HTMLElement>(`[data-testid="remote-caret"][data-name="${who}"]`);
    if (!caret) return null;
    const r = caret.getBoundingClientRect();
    // Chromium's own answer to "which character boundary is here" inside the textarea.
    const hit = document.caretPositionFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const textarea = el.querySelector('textarea')!;
    return {
      head: Number(caret.dataset.head),
      anchor: Number(caret.dataset.anchor),
      hit: hit && hit.offsetNode === textarea ? hit.offset : hit ? -1 : null,
      top: r.top - textarea.getBoundingClientRect().top,
      left: r.left - textarea.getBoundingClientRect().left
    };
  }, name);

const tagIn = (field: Locator): Promise<string | null> =>
  box(field).evaluate((el) => el.querySelector('[data-testid="field-typing"]')?.textContent?.trim() ?? null);

/** Puts the caret (or a selection) of this person's field at offsets of its value. */
const select = (field: Locator, start: number, end = start) => field.evaluate((el: HTMLTextAreaElement, [s, e]) => el.setSelectionRange(s!, e!), [start, end]);

describe('who is typing where', () => {
  test('each sees the other’s name tag and caret in the field, following edits, until they leave', async (ctx) => {
    let somchai: BoardPerson | undefined;
    let liWei: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [somchai?.page, liWei?.page]);
    const workshop = await createDemoWorkshop(server, 'Field presence');
    const boardId = workshop.boards[0]!.id;
    somchai = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok' });
    liWei = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' });
    await addIdea(somchai.page, THAI);
    await waitForCardText(liWei.page, THAI);

    // Somchai is in the field first; Li Wei arrives and puts the caret on the wrapped second line.
    const mine = await cardField(somchai.page, THAI);
    await mine.click();
    const theirs = await cardField(liWei.page, THAI);
    await theirs.click();
    const at = THAI.indexOf('ภาชนะ');
    await select(theirs, at);

    await waitFor(async () => (await caretIn(mine, 'Li Wei'))?.head === at, 10_000, "Li Wei's caret in Somchai's view");
    expect(await tagIn(mine)).toBe('Li Wei is typing');
    let caret = (await caretIn(mine, 'Li Wei'))!;
    expect(caret.hit).toBe(at);
    expect(caret.top).toBeGreaterThan(20); // not the first line: the text wrapped
    // Told once, politely, to the person typing there; the field describes who is in it.
    expect(await somchai.page.getByTestId('announcer').textContent()).toContain('Li Wei is typing in this field too');
    const described = await mine.getAttribute('aria-describedby');
    expect(await somchai.page.locator(`[id="${described}"]`).textContent()).toContain('Li Wei is typing');
    // Drawing the other's caret took nothing from Somchai: his field keeps the focus.
    expect(await mine.evaluate((el) => document.activeElement === el)).toBe(true);

    // Somchai types before Li Wei's caret: it moves with its character, on both screens.
    await mine.press('Control+Home');
    await mine.pressSequentially('ตลาด: ', { delay: 10 });
    const moved = at + 'ตลาด: '.length;
    await waitFor(async () => (await caretIn(mine, 'Li Wei'))?.head === moved, 10_000, "Li Wei's caret to follow its character");
    caret = (await caretIn(mine, 'Li Wei'))!;
    expect(caret.hit).toBe(moved);
    await waitFor(async () => (await caretIn(theirs, 'Somchai'))?.head === 'ตลาด: '.length, 10_000, "Somchai's caret in Li Wei's view");
    expect(await tagIn(theirs)).toBe('Somchai is typing');

    // A selection is drawn as one.
    await select(theirs, moved, moved + 'ภาชนะ'.length);
    // Li Wei's caret already had its anchor there (collapsed at \`moved\`): the selection has arrived when its head has.
    await waitFor(
      async () => {
        const selection = await caretIn(mine, 'Li Wei');
        return selection?.anchor === moved && selection.head === moved + 'ภาชนะ'.length;
      },
      10_000,
      "Li Wei's selection"
    );
    expect(await box(mine).locator('.selection').count()).toBeGreaterThan(0);

    // Somchai composes Thai through the input method while Li Wei types elsewhere: the composition stays whole.
    const ime = await somchai.context.newCDPSession(somchai.page);
    await ime.send('Input.imeSetComposition', { text: 'กา', selectionStart: 2, selectionEnd: 2 });
    await select(theirs, THAI.length + 6);
    await theirs.pressSequentially(' ✓', { delay: 10 });
    // His field shows others' typing once he commits; their caret already stands after it.
    await waitFor(async () => (await caretIn(mine, 'Li Wei'))?.head === 'ตลาด: '.length + THAI.length + 2, 10_000, "Li Wei's typing to arrive");
    expect(await mine.inputValue()).toBe(`ตลาด: กา${THAI}`);
    expect(await mine.evaluate((el) => document.activeElement === el)).toBe(true);
    await ime.send('Input.insertText', { text: 'กา' });
    await waitForCardText(liWei.page, `ตลาด: กา${THAI} ✓`);
    await waitForCardText(somchai.page, `ตลาด: กา${THAI} ✓`);

    // Li Wei leaves the field: the tag and caret go.
    await liWei.page.getByTestId('lane-ideas').getByTestId('quick-add').focus();
    await waitFor(async () => (await tagIn(mine)) === null && (await caretIn(mine, 'Li Wei')) === null, 10_000, 'Li Wei gone from the field');
    await somchai.context.close();
    await liWei.context.close();
  });

  test('the other’s caret is measured again when the text’s font arrives', async (ctx) => {
    let somchai: Page | undefined;
    let liWei: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [somchai, liWei?.page]);
    const workshop = await createDemoWorkshop(server, 'Caret and fonts');
    const boardId = workshop.boards[0]!.id;
    liWei = await openBoardAs(browser, server, workshop, boardId, { name: 'Li Wei', city: 'Chengdu' });
    await addIdea(liWei.page, LATIN);

    // Somchai's device is slow to get the app's Latin face: his board is drawn in the fallback font first.
    const { context, page } = await newPerson(browser, server.httpBase);
    somchai = page;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(LATIN_FACE, async (route) => {
      await released;
      await route.continue();
    });
    // Not until `load`: a font asked for before it holds it back, and this one is held until released.
    await page.goto(boardLink(workshop, boardId, workshop.tokens.delegate), { waitUntil: 'domcontentloaded' });
    await enterIdentity(page, { name: 'Somchai', city: 'Bangkok', lang: 'en' });
    await waitForCardText(page, LATIN);
    const field = await cardField(page, LATIN);

    const theirs = await cardField(liWei.page, LATIN);
    await theirs.click();
    const at = LATIN.indexOf('market');
    await select(theirs, at);
    await waitFor(async () => (await caretIn(field, 'Li Wei'))?.head === at, 10_000, "Li Wei's caret in Somchai's view");
    const before = (await caretIn(field, 'Li Wei'))!;
    expect(before.hit).toBe(at);

    release();
    await waitFor(() => page.evaluate(() => document.fonts.check('16px "Plenary Sans"', 'market')), 10_000, 'the Latin face loaded');
    await waitFor(async () => (await caretIn(field, 'Li Wei'))?.hit === at, 10_000, "Li Wei's caret at its character in the loaded face");
    // The face changed where the character is drawn (else this test would show nothing).
    expect(Math.abs((await caretIn(field, 'Li Wei'))!.left - before.left)).toBeGreaterThan(2);
    await context.close();
    await liWei.context.close();
  });

  test('screenshots of two people typing in one card at laptop and phone size', async (ctx) => {
    let laptop: Page | undefined;
    let phone: Page | undefined;
    screenshotOnFailure(ctx, () => [laptop, phone]);
    mkdirSync(OUT, { recursive: true });
    const workshop = await createDemoWorkshop(server, 'Mekong Urban Resilience Seminar');
    const boardId = workshop.boards[0]!.id;
    await seedCards(server, workshop, boardId, [
      { kind: 'idea', text: THAI },
      { kind: 'idea', text: 'Flood early-warning by SMS in three languages' },
      { kind: 'idea', text: '共享城市公园管理经验' },
      { kind: 'action', text: 'Green schools exchange', lane: 'proposed' }
    ]);
    const sophea = await openBoardOnPhone(browser, server, workshop, boardId, { name: 'Sophea', city: 'Phnom Penh' });
    phone = sophea.page;
    const ana = await openBoardAs(browser, server, workshop, boardId, { name: 'Ana', city: 'Porto' }, { viewport: Viewport.desktop });
    laptop = ana.page;
    await waitForCardText(laptop, THAI);
    await waitForCardText(phone, THAI);

    const onLaptop = await cardField(laptop, THAI);
    await onLaptop.click();
    await select(onLaptop, THAI.indexOf(' โดย'));
    const onPhone = (await cardReading(phone, THAI)).getByTestId('card-text');
    await onPhone.tap();
    const word = THAI.indexOf('ถุงผ้า');
    await select(onPhone, word, word + 'ถุงผ้า'.length);

    await waitFor(async () => (await caretIn(onLaptop, 'Sophea'))?.anchor === word, 10_000, "Sophea's selection on the laptop");
    await waitFor(async () => (await caretIn(onPhone, 'Ana')) !== null, 10_000, "Ana's caret on the phone");
    for (const [page, name] of [
      [laptop, 'board-field-presence-1280x800'],
      [phone, 'board-field-presence-390x844']
    ] as const) {
      await fontsLoaded(page);
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
    }
    await sophea.context.close();
    await ana.context.close();
  });
});
