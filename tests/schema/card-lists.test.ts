import { describe, expect, it } from 'vitest';
import {
  SchemaErrorCode,
  Limits,
  addCard,
  addListItem,
  getListItemText,
  readCard,
  removeListItem,
  setMilestoneDate,
  type ActionCard
} from '@plenary/shared/schema';
import { newBoard, refusal, thaiIdea } from './fixtures.ts';

const action = (doc: ReturnType<typeof newBoard>, id: string): ActionCard => {
  const card = readCard(doc, id);
  if (card?.kind !== 'action') throw new Error('expected an action');
  return card;
};

describe('milestones and indicators', () => {
  it('adds, edits and removes milestones and indicators', () => {
    const doc = newBoard();
    const id = addCard(doc, { kind: 'action', createdBy: 'Ana', lang: 'en' });
    const m1 = addListItem(doc, id, 'milestones', { date: '2018-05-01', text: 'Plan' });
    const m0 = addListItem(doc, id, 'milestones', { text: 'Agree budget' }, 0);
    const ind = addListItem(doc, id, 'indicators', { indicator: 'Trees planted' });
    setMilestoneDate(doc, id, m0, '2018-04-01');
    getListItemText(doc, id, 'indicators', ind, 'target').insert(0, '10,000');
    getListItemText(doc, id, 'milestones', m1, 'text').insert(4, ' launch');
    expect(action(doc, id).milestones).toEqual([
      { id: m0, date: '2018-04-01', text: 'Agree budget' },
      { id: m1, date: '2018-05-01', text: 'Plan launch' }
    ]);
    expect(action(doc, id).indicators).toEqual([{ id: ind, indicator: 'Trees planted', target: '10,000' }]);
    setMilestoneDate(doc, id, m1, null);
    expect(action(doc, id).milestones[1]!.date).toBeNull();
    expect(removeListItem(doc, id, 'milestones', m0)).toBe(true);
    expect(removeListItem(doc, id, 'milestones', m0)).toBe(false);
    expect(action(doc, id).milestones.map((m) => m.id)).toEqual([m1]);
  });

  it('refuses lists on ideas, bad dates, wrong fields and too many items', () => {
    const doc = newBoard();
    const idea = addCard(doc, thaiIdea());
    expect(refusal(() => addListItem(doc, idea, 'milestones', {})).code).toBe(SchemaErrorCode.wrongField);
    const id = addCard(doc, { kind: 'action', createdBy: 'Ana', lang: 'en' });
    const m = addListItem(doc, id, 'milestones', {});
    expect(refusal(() => setMilestoneDate(doc, id, m, '2018-02-30')).code).toBe(SchemaErrorCode.invalidInput);
    expect(refusal(() => addListItem(doc, id, 'milestones', { date: 'tomorrow' })).issues[0]!.path).toBe('date');
    expect(refusal(() => getListItemText(doc, id, 'milestones', m, 'date' as never)).code).toBe(SchemaErrorCode.wrongField);
    expect(refusal(() => getListItemText(doc, id, 'milestones', 'ghost', 'text')).code).toBe(SchemaErrorCode.notFound);
    for (let i = 1; i < Limits.maxListItems; i++) addListItem(doc, id, 'indicators', {});
    addListItem(doc, id, 'indicators', {});
    expect(refusal(() => addListItem(doc, id, 'indicators', {})).code).toBe(SchemaErrorCode.tooMany);
    expect(action(doc, id).indicators).toHaveLength(Limits.maxListItems);
  });
});
