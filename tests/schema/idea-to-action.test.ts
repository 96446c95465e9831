/** Ideas become actions: the action keeps the idea's text and translations and links back to it. */
import { describe, expect, it } from 'vitest';
import { actionFromIdea, addCard, createBoardDoc, readCard, startTranslation, turnIdeaIntoAction, readBoard, type ActionCard } from '@plenary/shared/schema';
import { validateBoard } from '@plenary/shared/schema/zod';

const board = () => createBoardDoc({ workshopId: 'w1', boardId: 'b1', theme: 'environment', title: 'Environment' });

describe('turning an idea into an action', () => {
  it('keeps the text as the title, each translation as the title in that language, and links back', () => {
    const doc = board();
    const idea = addCard(doc, { kind: 'idea', text: 'แลกเปลี่ยนข้อมูลคุณภาพอากาศ', lang: 'th', createdBy: 'Somchai', authorCity: 'Bangkok' });
    doc.transact(() => startTranslation(doc.getMap('cards').get(idea) as never, 'idea', 'en').text!.insert(0, 'Share air-quality data'));
    expect(actionFromIdea(doc, idea)).toBeNull();
    const action = turnIdeaIntoAction(doc, idea, { createdBy: 'Pim', lane: 'agreed' });
    const card = readCard(doc, action) as ActionCard;
    expect(card).toMatchObject({
      kind: 'action',
      lane: 'agreed',
      lang: 'th',
      title: 'แลกเปลี่ยนข้อมูลคุณภาพอากาศ',
      fromIdea: idea,
      authorCity: 'Bangkok',
      createdBy: 'Pim'
    });
    expect(card.translations).toEqual({ en: { title: 'Share air-quality data' } });
    expect(actionFromIdea(doc, idea)).toBe(action);
    expect(readCard(doc, idea)).toMatchObject({ kind: 'idea', lane: 'ideas' });
    // The link survives the snapshot format.
    const checked = validateBoard(JSON.parse(JSON.stringify(readBoard(doc))));
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.value.cards.find((c) => c.id === action)).toMatchObject({ fromIdea: idea });
  });

  it('makes one action per idea, and refuses an action', () => {
    const doc = board();
    const idea = addCard(doc, { kind: 'practice', text: 'Night markets', sourceCity: 'Chiang Mai', lang: 'en', createdBy: 'Ana' });
    const first = turnIdeaIntoAction(doc, idea, { createdBy: 'Ana' });
    expect(turnIdeaIntoAction(doc, idea, { createdBy: 'Ana' })).toBe(first);
    expect(() => turnIdeaIntoAction(doc, first, { createdBy: 'Ana' })).toThrow(/not an idea/);
    expect((readCard(doc, first) as ActionCard).lane).toBe('proposed');
  });
});
