/**
 * Input methods (Thai, Chinese, Japanese, Korean, Vietnamese): while a delegate composes, nothing
 * half-composed reaches the other screen, a co-editor's typing does not break the composition,
 * and once it is committed both screens hold the composed text exactly once. Composition is
 * driven through Chromium's own IME path (DevTools `Input.imeSetComposition`), which fires the
 * same composition and input events an operating-system input method does.
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

describe('board input methods', () => {
  test('a composition is written once, when committed, even while someone else types', async (ctx) => {
    let me: BoardPerson | undefined;
    let other: BoardPerson | undefined;
    screenshotOnFailure(ctx, () => [me?.page, other?.page]);
    const workshop = await createDemoWorkshop(server, 'IME');
    const boardId = workshop.boards[0]!.id;
    me = await openBoardAs(browser, server, workshop, boardId, { name: 'Wang Fang', city: 'Shanghai' });
    other = await openBoardAs(browser, server, workshop, boardId, { name: 'Somchai', city: 'Bangkok' });
    await addIdea(me.page, 'Parks:');
    await waitForCardText(other.page, 'Parks:');

    const mine = await cardField(me.page, 'Parks:');
    await mine.click();
    await mine.press('Control+End');
    const ime = await me.context.newCDPSession(me.page);

    // Pinyin being composed: "gong", "gongyuan" — never seen on the other screen.
    await ime.send('Input.imeSetComposition', { text: 'gong', selectionStart: 4, selectionEnd: 4 });
    await ime.send('Input.imeSetComposition', { text: 'gongyuan', selectionStart: 8, selectionEnd: 8 });
    expect(await mine.inputValue()).toBe('Parks:gongyuan');

    // The other person types at the start meanwhile; my composition is not disturbed.
    const theirs = await cardField(other.page, 'Parks:');
    await theirs.click();
    await theirs.press('Control+Home');
    await theirs.pressSequentially('Green ');
    await waitForCardText(other.page, 'Green Parks:');
    expect(await mine.inputValue()).toBe('Parks:gongyuan');
    expect((await cardTexts(other.page)).join()).not.toContain('gong');

    // Committing writes the chosen characters once, after the other person's words.
    await ime.send('Input.insertText', { text: '公园' });
    await waitForCardText(me.page, 'Green Parks:公园');
    await waitForCardText(other.page, 'Green Parks:公园');

    // Thai with a tone mark composed in two steps, then Vietnamese: same rule.
    await mine.press('Control+End');
    await ime.send('Input.imeSetComposition', { text: 'ก', selectionStart: 1, selectionEnd: 1 });
    await ime.send('Input.imeSetComposition', { text: 'ก้', selectionStart: 2, selectionEnd: 2 });
    await ime.send('Input.insertText', { text: 'ก้' });
    await ime.send('Input.imeSetComposition', { text: 'Vie', selectionStart: 3, selectionEnd: 3 });
    await ime.send('Input.insertText', { text: ' Việt' });
    await waitForCardText(other.page, 'Green Parks:公园ก้ Việt');
    // The caret stayed at the end of what I composed.
    expect(await mine.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe('Green Parks:公园ก้ Việt'.length);
    await me.context.close();
    await other.context.close();
  });
});
