import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Limits,
  SchemaErrorCode,
  addCard,
  createBoardDoc,
  getCardText,
  getCardsMap,
  laneCounts,
  listLane,
  moveCard,
  readBoard,
  readCard,
  setCardText
} from '@plenary/shared/schema';
import { validateBoard, writeBoard } from '@plenary/shared/schema/zod';
import { newBoard, refusal, thaiIdea } from './fixtures.ts';

const HOSTILE = [
  '<script>alert("x")</script>',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(A1:A9)',
  '@cmd',
  '[link](javascript:alert(1))',
  'tab\there\r\nand a \u0000 null, \u202e right-to-left override',
  '👩🏽‍💼 ภาษาไทย 中文 日本語 한국어 Tiếng Việt ភាសាខ្មែរ Монгол'
];

describe('limits and hostile input', () => {
  it('a 10,000-character field is accepted; one more character is refused with a clear error', () => {
    const doc = newBoard();
    const full = 'ก'.repeat(Limits.maxTextLength);
    const id = addCard(doc, thaiIdea(full));
    expect(readCard(doc, id)).toMatchObject({ text: full });
    const error = refusal(() => addCard(doc, thaiIdea(`${full}ข`)));
    expect(error.code).toBe(SchemaErrorCode.tooLong);
    expect(error.issues[0]!.path).toBe('text');
    expect(refusal(() => setCardText(doc, id, 'text', `${full}ข`)).code).toBe(SchemaErrorCode.tooLong);
    expect(readCard(doc, id)).toMatchObject({ text: full });
  });

  it('markup, formulas, control characters and mixed scripts are stored and read back verbatim', () => {
    const doc = newBoard();
    const ids = HOSTILE.map((text) => addCard(doc, thaiIdea(text)));
    const action = addCard(doc, { kind: 'action', createdBy: '<b>x</b>', lang: 'en', title: HOSTILE[1]!, leadCity: '=cmd|calc' });
    expect(listLane(doc, 'ideas').map((c) => (c.kind === 'idea' ? c.text : ''))).toEqual(HOSTILE);
    expect(readCard(doc, action)).toMatchObject({ title: HOSTILE[1], leadCity: '=cmd|calc', createdBy: '<b>x</b>' });
    const copy = new Y.Doc();
    writeBoard(copy, readBoard(doc));
    expect(readBoard(copy)).toEqual(readBoard(doc));
    expect(getCardText(copy, ids[0]!, 'text').toString()).toBe(HOSTILE[0]);
  });

  it('500 cards: added, listed in order, moved, snapshotted, validated and re-imported', () => {
    const doc = newBoard();
    const ids: string[] = [];
    const expected: string[] = [];
    for (let i = 0; i < 500; i++) {
      // A third go to the top, a third to the end, a third to the middle: keys grow everywhere.
      const at = i % 3 === 0 ? { index: 0 } : i % 3 === 1 ? {} : { index: Math.floor(i / 2) };
      const id = addCard(doc, { ...thaiIdea(`ความคิด ${i}`), ...at });
      ids.push(id);
      expected.splice(at.index ?? expected.length, 0, id);
    }
    expect(listLane(doc, 'ideas').map((c) => c.id)).toEqual(expected);
    for (let i = 0; i < 100; i++) moveCard(doc, ids[i]!, { lane: i % 2 ? 'proposed' : 'agreed', index: i % 7 });
    expect(laneCounts(doc)).toEqual({ ideas: 400, proposed: 50, agreed: 50, parked: 0 });
    const snapshot = readBoard(doc);
    expect(snapshot.cards).toHaveLength(500);
    expect(new Set(snapshot.cards.map((c) => c.id)).size).toBe(500);
    expect(Math.max(...snapshot.cards.map((c) => c.order.length))).toBeLessThan(Limits.maxShortLength);
    expect(validateBoard(snapshot).ok).toBe(true);
    const copy = new Y.Doc();
    writeBoard(copy, snapshot);
    expect(readBoard(copy)).toEqual(snapshot);
  });

  it('a board refuses a card beyond Limits.maxCards', () => {
    const doc = createBoardDoc({ workshopId: 'w', boardId: 'b', theme: 't', title: 'full' });
    const cards = getCardsMap(doc);
    // Fill with placeholder maps directly: the limit counts entries, whatever they hold.
    doc.transact(() => {
      for (let i = 0; i < Limits.maxCards; i++) cards.set(`filler${i}`, new Y.Map());
    });
    expect(refusal(() => addCard(doc, thaiIdea())).code).toBe(SchemaErrorCode.tooMany);
    expect(cards.size).toBe(Limits.maxCards);
  });
});
