import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, addListItem, getCardText, listLane, moveCard, readBoard, readCard, updateCard, getListItemText } from '@plenary/shared/schema';
import { chineseIdea, exchange, thaiIdea, twoReplicas } from './fixtures.ts';

const order = (doc: Y.Doc, lane: 'ideas' | 'proposed' | 'agreed' | 'parked') => listLane(doc, lane).map((c) => c.id);

describe('two people editing one board at once', () => {
  it('concurrent moves of the same card converge on one lane and place on both screens', () => {
    const [a, b] = twoReplicas();
    const ids = ['1', '2', '3', '4'].map((t) => addCard(a, thaiIdea(t)));
    exchange(a, b);
    const card = ids[0]!;
    moveCard(a, card, { lane: 'agreed' });
    moveCard(b, card, { lane: 'parked' });
    moveCard(b, ids[1]!, { lane: 'ideas', index: 3 });
    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    const lane = readCard(a, card)!.lane;
    expect(['agreed', 'parked']).toContain(lane);
    // The card is in exactly one lane on both screens: lane and order never tear apart.
    const everywhere = ['ideas', 'proposed', 'agreed', 'parked'].flatMap((l) => order(a, l as 'ideas'));
    expect(everywhere.filter((id) => id === card)).toHaveLength(1);
  });

  it('concurrent moves of different cards into the same spot keep both, in the same order everywhere', () => {
    const [a, b] = twoReplicas();
    const [x, y, target] = [addCard(a, thaiIdea('x')), addCard(a, thaiIdea('y')), addCard(a, chineseIdea('目标'))];
    moveCard(a, target, { lane: 'agreed' });
    exchange(a, b);
    moveCard(a, x, { lane: 'agreed', beforeId: target });
    moveCard(b, y, { lane: 'agreed', beforeId: target });
    exchange(a, b);
    expect(order(a, 'agreed')).toEqual(order(b, 'agreed'));
    expect(order(a, 'agreed')).toHaveLength(3);
    expect(order(a, 'agreed').at(-1)).toBe(target);
  });

  it('concurrent inserts at the same position are both kept, in identical order, and later inserts between them work', () => {
    const [a, b] = twoReplicas();
    const first = addCard(a, thaiIdea('first'));
    exchange(a, b);
    const fromA = addCard(a, { ...thaiIdea('from A'), afterId: first });
    const fromB = addCard(b, { ...chineseIdea('来自B'), afterId: first });
    exchange(a, b);
    const merged = order(a, 'ideas');
    expect(merged).toEqual(order(b, 'ideas'));
    expect(merged[0]).toBe(first);
    expect(new Set(merged.slice(1))).toEqual(new Set([fromA, fromB]));
    // Both got the same key: the id breaks the tie. Inserting between them must still work.
    expect(readCard(a, fromA)!.order).toBe(readCard(a, fromB)!.order);
    const between = addCard(a, { ...thaiIdea('between'), index: 2 });
    exchange(a, b);
    expect(order(b, 'ideas')).toEqual([first, merged[1], between, merged[2]]);
    expect(order(a, 'ideas')).toEqual(order(b, 'ideas'));
  });

  it('concurrent text edits in one field merge character by character', () => {
    const [a, b] = twoReplicas();
    const id = addCard(a, thaiIdea('ตลาด'));
    exchange(a, b);
    getCardText(a, id, 'text').insert(0, 'ลดขยะใน');
    const textB = getCardText(b, id, 'text');
    textB.insert(textB.length, ' 市场');
    exchange(a, b);
    expect(readCard(a, id)).toMatchObject({ text: 'ลดขยะในตลาด 市场' });
    expect(readCard(b, id)).toMatchObject({ text: 'ลดขยะในตลาด 市场' });
  });

  it('concurrent changes to different fields of one card all survive', () => {
    const [a, b] = twoReplicas();
    const id = addCard(a, { kind: 'action', createdBy: 'Ana', lang: 'en', partnerCities: ['Porto'] });
    exchange(a, b);
    updateCard(a, id, { leadCity: 'Bangkok', partnerCities: ['Porto', 'Seoul'] });
    updateCard(b, id, { status: 'proposed', partnerCities: ['Porto', 'Jakarta'] });
    getCardText(b, id, 'title').insert(0, 'Youth exchange');
    exchange(a, b);
    expect(readCard(a, id)).toMatchObject({
      leadCity: 'Bangkok',
      status: 'proposed',
      title: 'Youth exchange',
      partnerCities: ['Jakarta', 'Porto', 'Seoul']
    });
    expect(readBoard(a)).toEqual(readBoard(b));
  });

  it('milestones added at once by two people are both kept and their texts merge', () => {
    const [a, b] = twoReplicas();
    const id = addCard(a, { kind: 'action', createdBy: 'Ana', lang: 'en' });
    const shared = addListItem(a, id, 'milestones', { date: '2018-05-01', text: 'Kick-off' });
    exchange(a, b);
    addListItem(a, id, 'milestones', { date: '2018-06-01', text: 'A' });
    addListItem(b, id, 'milestones', { date: '2018-07-01', text: 'B' });
    getListItemText(a, id, 'milestones', shared, 'text').insert(8, ' in Bangkok');
    getListItemText(b, id, 'milestones', shared, 'text').insert(0, 'Joint ');
    exchange(a, b);
    const card = readCard(a, id);
    if (card?.kind !== 'action') throw new Error('expected an action');
    expect(card.milestones).toHaveLength(3);
    expect(card.milestones[0]!.text).toBe('Joint Kick-off in Bangkok');
    expect(readBoard(a)).toEqual(readBoard(b));
  });
});
