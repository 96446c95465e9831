/**
 * Japanese kana-kanji and Korean hangul composition into one card while another person edits the
 * same field: nothing half-composed (romaji, kana before conversion, lone jamo) reaches the other
 * screen, the co-editor's words are kept, and both screens end with the intended text exactly once.
 * Composition goes through Chromium's IME path (DevTools `Input.imeSetComposition` /
 * `Input.insertText`), the events an operating-system input method fires. Chinese, Thai and
 * Vietnamese are in board-ime.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { createDemoWorkshop, type PlenaryServer } from './utils/app.ts';
import { withAppAndBrowser } from './utils/suite.ts';
import { screenshotOnFailure } from './utils/artifacts.ts';
import { addIdea, cardField, cardTexts, openBoardAs, waitForCardText, type BoardPerson } from './board-support.ts';

let server: PlenaryServer;
let browser: Browser;
withAppAndBrowser((s, b) => ((server = s), (browser = b)));

/** One composition step: the text being composed, caret at its end. */
const compose = (text: string) => ({ text, selectionStart: text.length, selectionEnd: text.length });

describe('Japanese and Korean input methods with a co-editor', () => {
  test('kana-kanji conversion is written once, after the other person’s words', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'IME ja');
    const boardId = workshop.boards[0]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Sato Yuki', city: 'Fukuoka Prefecture', lang: 'ja' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Anna', city: 'Porto' });
    await addIdea(me.page, '計画:');
    await waitForCardText(other.page, '計画:');

    const mine = await cardField(me.page, '計画:');
    await mine.click();
    await mine.press('Control+End');
    const ime = await me.context.newCDPSession(me.page);
    // Romaji becomes kana as it is typed, then kana is converted to kanji: k → か → かん → … → 環境.
    for (const step of ['k', 'か', 'かn', 'かん', 'かんk', 'かんき', 'かんきょ', 'かんきょう', '環境']) {
      await ime.send('Input.imeSetComposition', compose(step));
    }
    expect(await mine.inputValue()).toBe('計画:環境');

    // Meanwhile the other person types at the start of the same field.
    const theirs = await cardField(other.page, '計画:');
    await theirs.click();
    await theirs.press('Control+Home');
    await theirs.pressSequentially('Plan ');
    await waitForCardText(other.page, 'Plan 計画:');
    const seen = (await cardTexts(other.page)).join('\n');
    for (const partial of ['か', 'かん', 'きょ', '環境']) expect(seen).not.toContain(partial);

    await ime.send('Input.insertText', { text: '環境' });
    // A second conversion right after: 協力 (kyouryoku), committed on Enter.
    for (const step of ['きょ', 'きょうりょく', '協力']) await ime.send('Input.imeSetComposition', compose(step));
    await ime.send('Input.insertText', { text: '協力' });
    await waitForCardText(me.page, 'Plan 計画:環境協力');
    await waitForCardText(other.page, 'Plan 計画:環境協力');
    await me.context.close();
    await other.context.close();
  });

  test('hangul syllables composed jamo by jamo arrive whole, while the other person types at the end', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'IME ko');
    const boardId = workshop.boards[0]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Kim Minji', city: 'Seoul', lang: 'ko' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Budi', city: 'Jakarta' });
    await addIdea(me.page, '| end');
    await waitForCardText(other.page, '| end');

    const mine = await cardField(me.page, '| end');
    await mine.click();
    await mine.press('Control+Home');
    const ime = await me.context.newCDPSession(me.page);
    // 서울 typed as ㅅ ㅓ ㅇ ㅜ ㄹ: the IME shows ㅅ → 서 → 성 → (성 becomes 서 + 우) → 울.
    await ime.send('Input.imeSetComposition', compose('ㅅ'));
    await ime.send('Input.imeSetComposition', compose('서'));
    await ime.send('Input.imeSetComposition', compose('성'));

    // The other person appends to the same field meanwhile.
    const theirs = await cardField(other.page, '| end');
    await theirs.click();
    await theirs.press('Control+End');
    await theirs.pressSequentially(' ok');
    await waitForCardText(other.page, '| end ok');
    // My field keeps the composition as the input method left it (the co-editor's words are
    // merged in when it is committed, so the input method's own text is never disturbed).
    expect(await mine.inputValue()).toMatch(/^성\| end/);

    // The jong-seong moves on to the next syllable: 서 is committed, 우 composes, then 울.
    await ime.send('Input.insertText', { text: '서' });
    await ime.send('Input.imeSetComposition', compose('우'));
    await ime.send('Input.imeSetComposition', compose('울'));
    const seen = (await cardTexts(other.page)).join('\n');
    for (const partial of ['ㅅ', '성', '우', '울']) expect(seen).not.toContain(partial);
    await ime.send('Input.insertText', { text: '울' });
    await waitForCardText(me.page, '서울| end ok');
    await waitForCardText(other.page, '서울| end ok');
    expect(await mine.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe('서울'.length);
    await me.context.close();
    await other.context.close();
  });
});
