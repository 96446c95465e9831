/**
 * Creating, changing and deleting cards. Each helper runs in one transaction carrying the caller's
 * `origin` (so `Y.UndoManager({ trackedOrigins })` undoes only that person's changes) and checks its
 * input first: a refused change throws a `BoardSchemaError` and writes nothing.
 */
import * as Y from 'yjs';
import { CardKind, Lane, Limits, type TextField } from './constants.ts';
import type { CardInput, CardPatch } from './card-input.ts';
import { getCardsMap, isTextFieldOf, readKind, requireCardMap, transact, fillCard, type CardFields } from './doc-layout.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import { createId } from './ids.ts';
import { placeInLane } from './placement.ts';
import { InputCheck } from './input-checks.ts';

/** Lane a new card goes to when none is given. */
const defaultLane = (kind: CardKind): Lane => (kind === CardKind.action ? Lane.proposed : Lane.ideas);

/**
 * Adds a card and returns its id. Placement: `beforeId`, `afterId` or `index` in the target lane,
 * else the end. Refuses (throws) invalid input, over-long text and a full board.
 */
export const addCard = (doc: Y.Doc, input: CardInput, origin?: unknown): string => {
  const parsed = InputCheck.cardInput(input, 'card');
  const cards = getCardsMap(doc);
  if (cards.size >= Limits.maxCards) {
    throw new BoardSchemaError(SchemaErrorCode.tooMany, `a board holds at most ${Limits.maxCards} cards`);
  }
  const id = parsed.id ?? createId();
  if (cards.has(id)) throw new BoardSchemaError(SchemaErrorCode.invalidInput, `a card with id ${id} already exists`);
  const { lane: wantedLane, beforeId, afterId, index, createdAt, ...rest } = parsed;
  const lane = wantedLane ?? defaultLane(parsed.kind);
  const fields = {
    ...rest,
    id,
    createdAt: createdAt ?? new Date().toISOString(),
    milestones: 'milestones' in rest ? rest.milestones.map((m) => ({ ...m, id: createId() })) : undefined,
    indicators: 'indicators' in rest ? rest.indicators.map((i) => ({ ...i, id: createId() })) : undefined
  } as CardFields;
  transact(doc, origin, () => {
    const order = placeInLane(doc, lane, { beforeId, afterId, index });
    const card = new Y.Map<unknown>();
    cards.set(id, card);
    fillCard(card, fields, { lane, order });
  });
  return id;
};

/**
 * Changes non-text fields of a card (city, language, lead city, partner cities, dates, status).
 * Partner cities are merged as a set: only the cities added or removed by this patch are written,
 * so another person's concurrent additions survive. Text fields go through `getCardText`.
 */
export const updateCard = (doc: Y.Doc, id: string, patch: CardPatch, origin?: unknown): void => {
  const card = requireCardMap(doc, id);
  const kind = readKind(card);
  if (!kind) throw new BoardSchemaError(SchemaErrorCode.wrongField, `card ${id} has a kind this version cannot edit`);
  for (const key of Object.keys(patch)) {
    if (isTextFieldOf(kind, key)) {
      throw new BoardSchemaError(SchemaErrorCode.wrongField, `${key} is a text field: edit it through getCardText or setCardText`);
    }
  }
  const parsed = InputCheck.cardPatch[kind](patch, `change to ${kind} card`) as CardPatch;
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed)) {
      if (value === undefined) continue;
      if (key === 'partnerCities') {
        mergeCitySet(card, value as string[]);
        continue;
      }
      card.set(key, value);
    }
  });
};

const mergeCitySet = (card: Y.Map<unknown>, cities: string[]): void => {
  let set = card.get('partnerCities');
  if (!(set instanceof Y.Map)) {
    set = new Y.Map<true>();
    card.set('partnerCities', set);
  }
  const citySet = set as Y.Map<true>;
  const wanted = new Set(cities);
  for (const city of [...citySet.keys()]) if (!wanted.has(city)) citySet.delete(city);
  for (const city of wanted) if (!citySet.has(city)) citySet.set(city, true);
};

/**
 * The `Y.Text` of a card's text field, for live editing (bind it to an input; insert and delete
 * inside your own `doc.transact(..., origin)`). Throws `wrong-field` for a field the kind lacks.
 */
export const getCardText = (doc: Y.Doc, id: string, field: TextField): Y.Text => {
  const card = requireCardMap(doc, id);
  const kind = readKind(card);
  if (!kind || !isTextFieldOf(kind, field)) {
    throw new BoardSchemaError(SchemaErrorCode.wrongField, `a ${String(kind)} card has no text field ${field}`);
  }
  const text = card.get(field);
  if (!(text instanceof Y.Text)) throw new BoardSchemaError(SchemaErrorCode.wrongField, `${field} of card ${id} is not text`);
  return text;
};

/**
 * Replaces the content of a `Y.Text` with `value`, touching only the part that differs (common
 * prefix and suffix are kept), so a concurrent edit elsewhere in the field survives.
 * Refuses text longer than `Limits.maxTextLength`.
 */
export const replaceText = (text: Y.Text, value: string, origin?: unknown): void => {
  if (value.length > Limits.maxTextLength) {
    throw new BoardSchemaError(SchemaErrorCode.tooLong, `text of ${value.length} characters; at most ${Limits.maxTextLength}`);
  }
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  const max = Math.min(current.length, value.length);
  while (start < max && current[start] === value[start]) start++;
  let end = 0;
  while (end < max - start && current[current.length - 1 - end] === value[value.length - 1 - end]) end++;
  // Never split a surrogate pair (emoji, rare CJK): widen the changed span to whole code points.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const apply = (): void => {
    text.delete(start, current.length - end - start);
    text.insert(start, value.slice(start, value.length - end));
  };
  if (text.doc) text.doc.transact(apply, origin ?? null);
  else apply();
};

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Sets a card's text field to `value` in one transaction (imports, restores, tests). */
export const setCardText = (doc: Y.Doc, id: string, field: TextField, value: string, origin?: unknown): void => {
  replaceText(getCardText(doc, id, field), value, origin);
};

/** Deletes a card; returns false when there was none. An UndoManager over `getCardsMap(doc)` can bring it back. */
export const deleteCard = (doc: Y.Doc, id: string, origin?: unknown): boolean => {
  const cards = getCardsMap(doc);
  if (!cards.has(id)) return false;
  transact(doc, origin, () => cards.delete(id));
  return true;
};
