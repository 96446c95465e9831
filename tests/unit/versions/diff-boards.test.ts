import { describe, expect, it } from 'vitest';
import { addCard, deleteCard, moveCard, readBoard, setCardText, updateCard } from '@plenary/shared/schema';
import { diffBoards, isSameContent } from '@plenary/shared/versions';
import { newVersionBoard } from './board-fixture.ts';

describe('comparing a version with now', () => {
  it('finds nothing between a board and itself', () => {
    const { doc } = newVersionBoard();
    const d = diffBoards(readBoard(doc), readBoard(doc));
    expect(d.cards).toEqual([]);
    expect(d.summary).toEqual({ added: 0, removed: 0, moved: 0, changed: 0 });
    expect(isSameContent(readBoard(doc), readBoard(doc))).toBe(true);
  });

  it('names cards added, removed, moved to another lane and fields changed, per card', () => {
    const { doc, ids } = newVersionBoard();
    const then = readBoard(doc);
    const added = addCard(doc, { kind: 'idea', createdBy: 'Minh', authorCity: 'Da Nang', lang: 'vi', text: 'Trao đổi kinh nghiệm' });
    deleteCard(doc, ids.practice);
    moveCard(doc, ids.idea, { lane: 'parked' });
    setCardText(doc, ids.action, 'title', '共同植樹 2026');
    updateCard(doc, ids.action, { partnerCities: ['Bangkok'], endDate: '2027-01-31' });
    const d = diffBoards(then, readBoard(doc));

    const byId = new Map(d.cards.map((c) => [c.id, c]));
    expect(byId.get(added)?.presence).toBe('added');
    expect(byId.get(added)?.after?.kind).toBe('idea');
    expect(byId.get(ids.practice)).toMatchObject({ presence: 'removed', after: null });
    expect(byId.get(ids.practice)?.before).toMatchObject({ text: '城市垃圾分类经验交流' });
    expect(byId.get(ids.idea)?.moved).toEqual({ from: 'ideas', to: 'parked' });
    expect(byId.get(ids.idea)?.fields).toEqual([]);
    expect(byId.get(ids.action)?.fields).toEqual([
      { field: 'title', before: '=HYPERLINK("http://x") 共同植樹', after: '共同植樹 2026' },
      { field: 'partnerCities', before: ['Bangkok', 'Chengdu'], after: ['Bangkok'] },
      { field: 'endDate', before: '2026-12-20', after: '2027-01-31' }
    ]);
    expect(byId.get(ids.action)?.moved).toBeNull();
    expect(byId.has(ids.second)).toBe(false);
    expect(d.summary).toEqual({ added: 1, removed: 1, moved: 1, changed: 1 });
  });

  it('marks only the card that changed place inside a lane, not the ones it passed', () => {
    const { doc, ids } = newVersionBoard();
    const extra = [1, 2, 3].map((n) => addCard(doc, { kind: 'idea', createdBy: 'A', authorCity: 'Seoul', lang: 'ko', text: `아이디어 ${n}` }));
    const then = readBoard(doc);
    // Lane "ideas" was: idea, practice, second, extra1..3. Move extra3 to the top.
    moveCard(doc, extra[2]!, { lane: 'ideas', beforeId: ids.idea });
    const d = diffBoards(then, readBoard(doc));
    expect(d.cards.map((c) => [c.id, c.moved])).toEqual([[extra[2], { from: 'ideas', to: 'ideas' }]]);
    expect(isSameContent(then, readBoard(doc))).toBe(false);
  });

  it('shows milestone changes as a field change of the action', () => {
    const { doc, ids } = newVersionBoard();
    const then = readBoard(doc);
    setCardText(doc, ids.action, 'objective', 'ปลูกต้นไม้ 10,000 ต้น');
    const d = diffBoards(then, readBoard(doc));
    expect(d.cards).toHaveLength(1);
    expect(d.cards[0]!.fields.map((f) => f.field)).toEqual(['objective']);
    expect(d.cards[0]!.fields[0]!.after).toBe('ปลูกต้นไม้ 10,000 ต้น');
  });

  it('reports a changed board title', () => {
    const { doc } = newVersionBoard();
    const then = readBoard(doc);
    doc.getMap('board').set('title', '环境 Environment');
    expect(diffBoards(then, readBoard(doc)).board).toEqual([{ field: 'title', before: 'สิ่งแวดล้อม Environment', after: '环境 Environment' }]);
  });
});
