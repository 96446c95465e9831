/**
 * Milestones and indicators of an action: a `Y.Array` of `Y.Map` items, each with an `id`, so two
 * people adding items at once both keep theirs, and item texts are `Y.Text` edited live.
 */
import * as Y from 'yjs';
import { CardKind, LIST_FIELDS, Limits, type ListField, type ListTextField } from './constants.ts';
import { newIndicator, newMilestone, readKind, requireCardMap, transact } from './doc-layout.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import { createId } from './ids.ts';
import { InputCheck } from './input-checks.ts';

/** A new list item: a milestone `{date, text}` or an indicator `{indicator, target}`. */
export type ListItemInput<L extends ListField> = L extends 'milestones' ? { date?: string | null; text?: string } : { indicator?: string; target?: string };

const requireList = (doc: Y.Doc, cardId: string, list: ListField): Y.Array<Y.Map<unknown>> => {
  const card = requireCardMap(doc, cardId);
  if (readKind(card) !== CardKind.action) throw new BoardSchemaError(SchemaErrorCode.wrongField, `only actions have ${list}`);
  const items = card.get(list);
  if (!(items instanceof Y.Array)) throw new BoardSchemaError(SchemaErrorCode.wrongField, `card ${cardId} has no ${list} list`);
  return items as Y.Array<Y.Map<unknown>>;
};

const findItem = (items: Y.Array<Y.Map<unknown>>, itemId: string): { item: Y.Map<unknown>; index: number } => {
  const all = items.toArray();
  const index = all.findIndex((m) => m instanceof Y.Map && m.get('id') === itemId);
  if (index < 0) throw new BoardSchemaError(SchemaErrorCode.notFound, `no list item ${itemId}`);
  return { item: all[index]!, index };
};

/** Adds a milestone or indicator to an action at `index` (default: the end); returns the item's id. */
export const addListItem = <L extends ListField>(doc: Y.Doc, cardId: string, list: L, item: ListItemInput<L>, index?: number, origin?: unknown): string => {
  const items = requireList(doc, cardId, list);
  if (items.length >= Limits.maxListItems) {
    throw new BoardSchemaError(SchemaErrorCode.tooMany, `an action holds at most ${Limits.maxListItems} ${list}`);
  }
  const id = createId();
  const parsed = InputCheck.listItem[list](item, list);
  transact(doc, origin, () => {
    const map =
      list === 'milestones'
        ? newMilestone(parsed as { date: string | null; text: string }, id)
        : newIndicator(parsed as { indicator: string; target: string }, id);
    items.insert(Math.min(index ?? items.length, items.length), [map]);
  });
  return id;
};

/** Sets a milestone's date (`null` clears it). Its text is edited through `getListItemText`. */
export const setMilestoneDate = (doc: Y.Doc, cardId: string, itemId: string, date: string | null, origin?: unknown): void => {
  const parsed = InputCheck.date(date, 'milestone date');
  const { item } = findItem(requireList(doc, cardId, 'milestones'), itemId);
  transact(doc, origin, () => item.set('date', parsed));
};

/** The `Y.Text` of a list item's text field (`text` of a milestone; `indicator` or `target` of an indicator). */
export const getListItemText = <L extends ListField>(doc: Y.Doc, cardId: string, list: L, itemId: string, field: ListTextField<L>): Y.Text => {
  if (!(LIST_FIELDS[list].text as readonly string[]).includes(field)) {
    throw new BoardSchemaError(SchemaErrorCode.wrongField, `${list} items have no text field ${field}`);
  }
  const { item } = findItem(requireList(doc, cardId, list), itemId);
  const text = item.get(field);
  if (!(text instanceof Y.Text)) throw new BoardSchemaError(SchemaErrorCode.wrongField, `${field} of ${itemId} is not text`);
  return text;
};

/** Removes a list item; returns false when there was none. */
export const removeListItem = (doc: Y.Doc, cardId: string, list: ListField, itemId: string, origin?: unknown): boolean => {
  const items = requireList(doc, cardId, list);
  const index = items.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === itemId);
  if (index < 0) return false;
  transact(doc, origin, () => items.delete(index, 1));
  return true;
};
