/**
 * Translations of card text (docs/SCHEMA.md §1.4): created once per language, merged character by
 * character when two people type one translation, part of snapshots only when there is some text,
 * and kept by a snapshot round trip (versions restore boards through writeBoard).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  getCardsMap,
  readBoard,
  readCard,
  readTranslations,
  startTranslation,
  translationLangs,
  translationText,
  createBoardDoc
} from '@plenary/shared/schema';
import { validateBoard, writeBoard } from '@plenary/shared/schema/zod';
import { newBoard, thaiIdea } from '../../schema/fixtures.ts';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('card translations', () => {
  it('startTranslation makes a Y.Text per field once; typing shows in snapshots', () => {
    const doc = newBoard();
    const id = addCard(doc, thaiIdea());
    const card = getCardsMap(doc).get(id)!;
    expect(readCard(doc, id)).not.toHaveProperty('translations');

    const texts = startTranslation(card, 'idea', 'en', 'me');
    expect(Object.keys(texts)).toEqual(['text']);
    expect(startTranslation(card, 'idea', 'en').text).toBe(texts.text);
    expect(readCard(doc, id)).not.toHaveProperty('translations');

    texts.text!.insert(0, 'Reduce plastic waste in fresh markets');
    expect(translationText(card, 'en', 'text')?.toString()).toBe('Reduce plastic waste in fresh markets');
    expect(readCard(doc, id)?.translations).toEqual({ en: { text: 'Reduce plastic waste in fresh markets' } });
    expect(translationLangs(card)).toEqual(['en']);
  });

  it('two people typing one translation at once both keep their characters', () => {
    const a = newBoard();
    const id = addCard(a, thaiIdea());
    startTranslation(getCardsMap(a).get(id)!, 'idea', 'en');
    const b = new Y.Doc();
    sync(a, b);
    translationText(getCardsMap(a).get(id)!, 'en', 'text')!.insert(0, 'plastic');
    sync(a, b);
    // At once: one person appends, the other writes in front.
    translationText(getCardsMap(a).get(id)!, 'en', 'text')!.insert(7, ' waste');
    translationText(getCardsMap(b).get(id)!, 'en', 'text')!.insert(0, 'Less ');
    sync(a, b);
    const left = readTranslations(getCardsMap(a).get(id)!);
    expect(left).toEqual(readTranslations(getCardsMap(b).get(id)!));
    expect(left?.en?.text).toBe('Less plastic waste');
  });

  it('translations into different languages never replace each other', () => {
    const a = newBoard();
    const id = addCard(a, thaiIdea());
    const b = new Y.Doc();
    sync(a, b);
    startTranslation(getCardsMap(a).get(id)!, 'idea', 'en').text!.insert(0, 'Less plastic');
    startTranslation(getCardsMap(b).get(id)!, 'idea', 'ja').text!.insert(0, 'プラスチック削減');
    sync(a, b);
    expect(readCard(a, id)?.translations).toEqual({ en: { text: 'Less plastic' }, ja: { text: 'プラスチック削減' } });
  });

  it('a snapshot with translations validates and survives writeBoard', () => {
    const doc = newBoard();
    const id = addCard(doc, thaiIdea());
    startTranslation(getCardsMap(doc).get(id)!, 'idea', 'en').text!.insert(0, 'Less plastic');
    const snapshot = readBoard(doc);
    const checked = validateBoard(snapshot);
    expect(checked.ok).toBe(true);
    const copy = createBoardDoc({ workshopId: 'w1', boardId: 'b1', theme: 'environment', title: 'Environment' });
    writeBoard(copy, snapshot);
    expect(readCard(copy, id)?.translations).toEqual({ en: { text: 'Less plastic' } });
  });

  it('refuses a translation of a field the card kind does not have, and over-long text', () => {
    const doc = newBoard();
    addCard(doc, thaiIdea());
    const snapshot = readBoard(doc);
    const card = snapshot.cards[0]!;
    expect(validateBoard({ ...snapshot, cards: [{ ...card, translations: { en: { budget: 'x' } } }] }).ok).toBe(false);
    expect(validateBoard({ ...snapshot, cards: [{ ...card, translations: { en: { text: 'x'.repeat(20_001) } } }] }).ok).toBe(false);
  });
});
