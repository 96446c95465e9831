/**
 * A text field's place in the board (`textLocation`), the words a presence uses for "typing in
 * this field": a card's own text, an action's fields, a milestone's or indicator's text by the
 * item's id (not its index), and a translation — and the same answer on another replica.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, addListItem, getCardMap, getListItemText, startTranslation, textLocation } from '@plenary/shared/schema';
import { newBoard, thaiIdea, twoReplicas, exchange } from './fixtures.ts';

const text = (doc: Y.Doc, card: string, key: string): Y.Text => getCardMap(doc, card)!.get(key) as Y.Text;

describe('textLocation', () => {
  it('names a card text, an action field, list items by id and translations', () => {
    const doc = newBoard();
    const idea = addCard(doc, thaiIdea());
    const action = addCard(doc, { kind: 'action', createdBy: 'Ana', lang: 'en', title: 'Green schools' });
    const first = addListItem(doc, action, 'milestones', { text: 'Plan' });
    const second = addListItem(doc, action, 'milestones', { text: 'Launch' }, 0);
    const indicator = addListItem(doc, action, 'indicators', { indicator: 'Schools', target: '12' });
    const english = startTranslation(getCardMap(doc, idea)!, 'idea', 'en');

    expect(textLocation(text(doc, idea, 'text'))).toEqual({ card: idea, field: 'text' });
    expect(textLocation(text(doc, action, 'objective'))).toEqual({ card: action, field: 'objective' });
    // The first milestone is now second in the list: still named by its id.
    expect(textLocation(getListItemText(doc, action, 'milestones', first, 'text'))).toEqual({ card: action, field: `milestones/${first}/text` });
    expect(textLocation(getListItemText(doc, action, 'milestones', second, 'text'))).toEqual({ card: action, field: `milestones/${second}/text` });
    expect(textLocation(getListItemText(doc, action, 'indicators', indicator, 'target'))).toEqual({ card: action, field: `indicators/${indicator}/target` });
    expect(textLocation(english.text!)).toEqual({ card: idea, field: 'translations/en/text' });
  });

  it('gives another replica the same answer, and none for a text outside a card', () => {
    const [a, b] = twoReplicas();
    const idea = addCard(a, thaiIdea());
    exchange(a, b);
    expect(textLocation(text(b, idea, 'text'))).toEqual(textLocation(text(a, idea, 'text')));
    expect(textLocation(new Y.Text('loose'))).toBeNull();
    expect(textLocation(a.getText('root-level'))).toBeNull();
  });
});
