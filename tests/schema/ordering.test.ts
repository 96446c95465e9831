import { describe, expect, it } from 'vitest';
import {
  addCard,
  compareOrder,
  firstOrderKey,
  getCardsMap,
  isOrderKey,
  laneCounts,
  listLane,
  moveCard,
  planInsert,
  readPosition,
  SchemaErrorCode,
  BoardSchemaError
} from '@plenary/shared/schema';
import { newBoard, refusal, thaiIdea } from './fixtures.ts';

const ids = (doc: ReturnType<typeof newBoard>, lane: 'ideas' | 'proposed' | 'agreed' | 'parked') => listLane(doc, lane).map((c) => c.id);

describe('order within a lane', () => {
  it('compareOrder sorts by order key, then by id, by code units', () => {
    const cards = [
      { id: 'b', order: 'a1' },
      { id: 'a', order: 'a1' },
      { id: 'Z', order: 'a1' },
      { id: 'c', order: 'a0' }
    ];
    expect(cards.sort(compareOrder).map((c) => c.id)).toEqual(['c', 'Z', 'a', 'b']);
  });

  it('planInsert gives a key strictly between distinct neighbours', () => {
    const siblings = [
      { id: 'x', order: 'a0' },
      { id: 'y', order: 'a1' }
    ];
    const { order, rekeyed } = planInsert(siblings, 1);
    expect(order > 'a0' && order < 'a1').toBe(true);
    expect(rekeyed).toEqual([]);
    expect(planInsert(siblings, 0).order < 'a0').toBe(true);
    expect(planInsert(siblings, 2).order > 'a1').toBe(true);
  });

  it('planInsert between two cards that share a key re-keys the tied run and keeps its order', () => {
    const siblings = [
      { id: 'p', order: 'a0' },
      { id: 'q', order: 'a1' },
      { id: 'r', order: 'a1' },
      { id: 's', order: 'a1' },
      { id: 't', order: 'a2' }
    ];
    const { order, rekeyed } = planInsert(siblings, 2);
    expect(rekeyed.map((r) => r.id)).toEqual(['r', 's']);
    const after = [siblings[0]!, siblings[1]!, { id: 'new', order }, ...rekeyed, siblings[4]!];
    expect([...after].sort(compareOrder).map((c) => c.id)).toEqual(['p', 'q', 'new', 'r', 's', 't']);
  });

  it('planInsert next to malformed keys re-keys the whole lane in its current order', () => {
    const siblings = [
      { id: 'p', order: '' },
      { id: 'q', order: 'garbage' }
    ];
    const { order, rekeyed } = planInsert(siblings, 1);
    expect([order, ...rekeyed.map((r) => r.order)].every(isOrderKey)).toBe(true);
    const after = [...rekeyed, { id: 'new', order }].sort(compareOrder).map((c) => c.id);
    expect(after).toEqual(['p', 'new', 'q']);
  });

  it('moveCard changes lane and place in one position value', () => {
    const doc = newBoard();
    const [a, b, c] = [addCard(doc, thaiIdea('a')), addCard(doc, thaiIdea('b')), addCard(doc, thaiIdea('c'))];
    expect(moveCard(doc, c, { lane: 'ideas', index: 0 })).toBe(true);
    expect(ids(doc, 'ideas')).toEqual([c, a, b]);
    expect(moveCard(doc, a, { lane: 'agreed' })).toBe(true);
    expect(ids(doc, 'agreed')).toEqual([a]);
    moveCard(doc, b, { lane: 'agreed', beforeId: a });
    expect(ids(doc, 'agreed')).toEqual([b, a]);
    moveCard(doc, c, { lane: 'agreed', afterId: b });
    expect(ids(doc, 'agreed')).toEqual([b, c, a]);
    const position = getCardsMap(doc).get(c)!.get('position');
    expect(position).toEqual(readPosition(getCardsMap(doc).get(c)!));
    expect(laneCounts(doc)).toEqual({ ideas: 0, proposed: 0, agreed: 3, parked: 0 });
  });

  it('moveCard to where the card already is writes nothing', () => {
    const doc = newBoard();
    const [a, b] = [addCard(doc, thaiIdea('a')), addCard(doc, thaiIdea('b'))];
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(moveCard(doc, a, { lane: 'ideas', index: 0 })).toBe(false);
    expect(moveCard(doc, a, { lane: 'ideas', beforeId: b })).toBe(false);
    expect(moveCard(doc, b, { lane: 'ideas' })).toBe(false);
    expect(transactions).toBe(0);
  });

  it('moving a card down by one with the keyboard (index + 1) swaps it with its neighbour', () => {
    const doc = newBoard();
    const [a, b, c] = [addCard(doc, thaiIdea('a')), addCard(doc, thaiIdea('b')), addCard(doc, thaiIdea('c'))];
    moveCard(doc, a, { lane: 'ideas', index: 1 });
    expect(ids(doc, 'ideas')).toEqual([b, a, c]);
    moveCard(doc, a, { lane: 'ideas', index: 2 });
    expect(ids(doc, 'ideas')).toEqual([b, c, a]);
  });

  it('moveCard refuses unknown lanes and reference cards, and a missing card', () => {
    const doc = newBoard();
    const a = addCard(doc, thaiIdea());
    expect(() => moveCard(doc, a, { lane: 'bin' as never })).toThrow(BoardSchemaError);
    expect(() => moveCard(doc, a, { lane: 'agreed', beforeId: 'ghost' })).toThrow(/ghost/);
    expect(refusal(() => moveCard(doc, 'ghost', { lane: 'agreed' })).code).toBe(SchemaErrorCode.notFound);
  });

  it('listLane reads a card whose lane is unknown (a foreign writer) as parked', () => {
    const doc = newBoard();
    const a = addCard(doc, thaiIdea());
    getCardsMap(doc).get(a)!.set('position', { lane: 'somewhere', order: firstOrderKey() });
    expect(ids(doc, 'parked')).toEqual([a]);
  });
});
