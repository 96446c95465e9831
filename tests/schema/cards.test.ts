import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SchemaErrorCode, addCard, deleteCard, getCardText, getCardsMap, listLane, readCard, setCardText, updateCard } from '@plenary/shared/schema';
import { validateCardInput } from '@plenary/shared/schema/zod';
import { newBoard, refusal, thaiIdea } from './fixtures.ts';

describe('cards', () => {
  it('addCard stores an idea with author city and language, in the ideas lane', () => {
    const doc = newBoard();
    const id = addCard(doc, thaiIdea());
    expect(readCard(doc, id)).toMatchObject({
      id,
      kind: 'idea',
      lane: 'ideas',
      createdBy: 'Somchai',
      authorCity: 'Bangkok',
      lang: 'th',
      text: 'ลดขยะพลาสติกในตลาดสด'
    });
    expect(getCardsMap(doc).get(id)!.get('text')).toBeInstanceOf(Y.Text);
  });

  it('addCard stores a best practice with the city it comes from', () => {
    const doc = newBoard();
    const id = addCard(doc, { kind: 'practice', createdBy: 'Kim', authorCity: 'Seoul', lang: 'ko', text: '청계천 복원', sourceCity: 'Seoul' });
    expect(readCard(doc, id)).toMatchObject({ kind: 'practice', sourceCity: 'Seoul', text: '청계천 복원' });
  });

  it('addCard stores a structured action in proposed, with defaults for what is left out', () => {
    const doc = newBoard();
    const id = addCard(doc, {
      kind: 'action',
      createdBy: 'Ana',
      authorCity: 'Porto',
      lang: 'en',
      title: 'Joint river clean-up week',
      objective: 'Remove 10 tonnes of waste from two rivers by 2019',
      leadCity: 'Bangkok',
      partnerCities: ['Porto', 'Seoul'],
      startDate: '2018-06-01',
      endDate: '2019-06-01',
      milestones: [{ date: '2018-09-01', text: 'Volunteers trained' }],
      indicators: [{ indicator: 'Waste collected', target: '10 t' }],
      resources: '20,000 EUR shared',
      responsibleOfficer: 'Head of international affairs'
    });
    const card = readCard(doc, id);
    expect(card).toMatchObject({
      lane: 'proposed',
      status: 'draft',
      leadCity: 'Bangkok',
      partnerCities: ['Porto', 'Seoul'],
      milestones: [{ date: '2018-09-01', text: 'Volunteers trained' }],
      indicators: [{ indicator: 'Waste collected', target: '10 t' }]
    });
    if (card?.kind !== 'action') throw new Error('expected an action');
    expect(card.milestones[0]!.id).toMatch(/^[A-Za-z0-9]{16}$/);
    const bare = readCard(doc, addCard(doc, { kind: 'action', createdBy: 'Ana', lang: 'pt' }));
    expect(bare).toMatchObject({ title: '', leadCity: null, startDate: null, partnerCities: [], milestones: [], status: 'draft', authorCity: '' });
  });

  it('addCard places a card before, after or at an index of the lane', () => {
    const doc = newBoard();
    const first = addCard(doc, thaiIdea('1'));
    const last = addCard(doc, thaiIdea('3'));
    const middle = addCard(doc, { ...thaiIdea('2'), afterId: first });
    const top = addCard(doc, { ...thaiIdea('0'), beforeId: first });
    const second = addCard(doc, { ...thaiIdea('0.5'), index: 1 });
    expect(listLane(doc, 'ideas').map((c) => c.id)).toEqual([top, second, first, middle, last]);
  });

  it('addCard refuses bad input with field paths and writes nothing', () => {
    const doc = newBoard();
    const error = refusal(() => addCard(doc, { kind: 'action', createdBy: 'x', lang: 'en', startDate: '2018-02-30' }));
    expect(error.code).toBe(SchemaErrorCode.invalidInput);
    expect(error.issues.map((i) => i.path)).toEqual(['startDate']);
    expect(refusal(() => addCard(doc, { ...thaiIdea(), lane: 'nowhere' as never })).issues[0]!.path).toBe('lane');
    expect(refusal(() => addCard(doc, { ...thaiIdea(), beforeId: 'missing' })).code).toBe(SchemaErrorCode.notFound);
    expect(getCardsMap(doc).size).toBe(0);
  });

  it('validateCardInput reports every problem with its path, without a document', () => {
    const result = validateCardInput({ kind: 'action', createdBy: 'x', lang: 'not a tag!', milestones: [{ date: '12/03/2018', text: 'a' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(['lang', 'milestones[0].date']);
    expect(validateCardInput(thaiIdea()).ok).toBe(true);
    expect(validateCardInput({ kind: 'sticky' }).ok).toBe(false);
  });

  it('getCardText returns the live Y.Text of a field; other kinds’ fields are refused', () => {
    const doc = newBoard();
    const id = addCard(doc, thaiIdea('ลด'));
    const text = getCardText(doc, id, 'text');
    doc.transact(() => text.insert(2, 'ขยะ'), 'me');
    expect(readCard(doc, id)).toMatchObject({ text: 'ลดขยะ' });
    expect(refusal(() => getCardText(doc, id, 'title')).code).toBe(SchemaErrorCode.wrongField);
    expect(refusal(() => getCardText(doc, 'nope', 'text')).code).toBe(SchemaErrorCode.notFound);
  });

  it('setCardText rewrites only the changed span and keeps surrogate pairs whole', () => {
    const doc = newBoard();
    const id = addCard(doc, thaiIdea('Team 🌏 plan'));
    const deltas: unknown[] = [];
    getCardText(doc, id, 'text').observe((event) => deltas.push(event.delta));
    setCardText(doc, id, 'text', 'Team 🌍 plan');
    expect(readCard(doc, id)).toMatchObject({ text: 'Team 🌍 plan' });
    expect(deltas).toEqual([[{ retain: 5 }, { delete: 2 }, { insert: '🌍' }]]);
  });

  it('updateCard changes non-text fields and refuses text fields and fields of other kinds', () => {
    const doc = newBoard();
    const id = addCard(doc, { kind: 'action', createdBy: 'Ana', lang: 'en' });
    updateCard(doc, id, { leadCity: 'Moscow', startDate: '2018-04-01', endDate: null, status: 'in-progress', lang: 'ru' });
    expect(readCard(doc, id)).toMatchObject({ leadCity: 'Moscow', startDate: '2018-04-01', endDate: null, status: 'in-progress', lang: 'ru' });
    expect(refusal(() => updateCard(doc, id, { title: 'x' } as never)).code).toBe(SchemaErrorCode.wrongField);
    expect(refusal(() => updateCard(doc, id, { status: 'finished' as never })).issues[0]!.path).toBe('status');
    const idea = addCard(doc, thaiIdea());
    expect(refusal(() => updateCard(doc, idea, { leadCity: 'Moscow' })).code).toBe(SchemaErrorCode.invalidInput);
  });

  it('updateCard writes partner cities as set changes, not as a whole list', () => {
    const doc = newBoard();
    const id = addCard(doc, { kind: 'action', createdBy: 'Ana', lang: 'en', partnerCities: ['Porto', 'Seoul'] });
    const set = getCardsMap(doc).get(id)!.get('partnerCities') as Y.Map<true>;
    const changed: string[] = [];
    set.observe((event) => changed.push(...event.keysChanged));
    updateCard(doc, id, { partnerCities: ['Seoul', 'Jakarta'] });
    expect(changed.sort()).toEqual(['Jakarta', 'Porto']);
    expect(readCard(doc, id)).toMatchObject({ partnerCities: ['Jakarta', 'Seoul'] });
  });

  it('deleteCard removes a card and the owner’s UndoManager brings it back with its text', () => {
    const doc = newBoard();
    const me = { person: 'somchai' };
    const undo = new Y.UndoManager(getCardsMap(doc), { trackedOrigins: new Set([me]) });
    const id = addCard(doc, thaiIdea('สวนสาธารณะ'));
    undo.clear();
    expect(deleteCard(doc, id, me)).toBe(true);
    expect(readCard(doc, id)).toBeUndefined();
    expect(deleteCard(doc, id, me)).toBe(false);
    undo.undo();
    expect(readCard(doc, id)).toMatchObject({ text: 'สวนสาธารณะ', lane: 'ideas' });
  });

  it('undo reverts only changes made with the tracked origin', () => {
    const doc = newBoard();
    const me = { person: 'me' };
    const undo = new Y.UndoManager(getCardsMap(doc), { trackedOrigins: new Set([me]) });
    const mine = addCard(doc, thaiIdea('mine'), me);
    const theirs = addCard(doc, thaiIdea('theirs'), { person: 'other' });
    undo.undo();
    expect(readCard(doc, mine)).toBeUndefined();
    expect(readCard(doc, theirs)).toBeDefined();
  });
});
