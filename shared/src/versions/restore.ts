/**
 * Restoring a board to a saved version: the live document is changed into the version's content in
 * ONE transaction of minimal changes — cards the version lacks are deleted, cards it has and the
 * board lacks are re-created with their ids, and on cards both have only differing fields are
 * written (texts through `replaceText`, so only the differing span changes). Everyone connected
 * sees the restore as one live change; a later restore of the "before" version undoes it.
 *
 * The board's lock is left as it is: it is the facilitator's current decision, not content.
 */
import * as Y from 'yjs';
import { CardKind, TEXT_FIELDS } from '../schema/constants.ts';
import { replaceText } from '../schema/cards.ts';
import {
  fillCard,
  getCardsMap,
  getMetaMap,
  newCitySet,
  newIndicator,
  newMilestone,
  newText,
  readKind,
  readPosition,
  snapshotCard,
  transact,
  writePosition,
  type CardFields,
  type CardMap
} from '../schema/doc-layout.ts';
import type { ActionCard, BoardSnapshot, CardSnapshot, Indicator, Milestone } from '../schema/snapshot-schema.ts';

/** What a restore changed. */
export interface RestoreSummary {
  deleted: number;
  created: number;
  updated: number;
  /** True when the board's title was written. */
  title: boolean;
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

const setText = (card: Y.Map<unknown>, field: string, value: string): void => {
  const text = card.get(field);
  if (text instanceof Y.Text) replaceText(text, value);
  else card.set(field, newText(value));
};

const setPlain = (card: Y.Map<unknown>, field: string, value: unknown): void => {
  if (card.get(field) !== value) card.set(field, value);
};

const syncCities = (card: CardMap, cities: readonly string[]): void => {
  const set = card.get('partnerCities');
  if (!(set instanceof Y.Map)) {
    card.set('partnerCities', newCitySet(cities));
    return;
  }
  const wanted = new Set(cities);
  for (const city of [...set.keys()]) if (!wanted.has(city)) set.delete(city);
  for (const city of wanted) if (!set.has(city)) set.set(city, true);
};

type Item = Milestone | Indicator;
interface ListSpec<T extends Item> {
  create: (item: T) => Y.Map<unknown>;
  update: (map: Y.Map<unknown>, item: T) => void;
}
const MILESTONES: ListSpec<Milestone> = {
  create: (m) => newMilestone(m, m.id),
  update: (map, m) => {
    setPlain(map, 'date', m.date);
    setText(map, 'text', m.text);
  }
};
const INDICATORS: ListSpec<Indicator> = {
  create: (i) => newIndicator(i, i.id),
  update: (map, i) => {
    setText(map, 'indicator', i.indicator);
    setText(map, 'target', i.target);
  }
};

/**
 * Makes a milestone or indicator list hold `items`: removes items the version lacks, updates kept
 * ones in place and inserts missing ones where they belong. If kept items are in another order,
 * the list is written afresh (lists are short; a reorder has no smaller form in a Y.Array).
 */
const syncList = <T extends Item>(card: CardMap, key: string, items: readonly T[], spec: ListSpec<T>): void => {
  let list = card.get(key);
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<Y.Map<unknown>>();
    card.set(key, list);
  }
  const array = list as Y.Array<Y.Map<unknown>>;
  const idOf = (m: unknown) => (m instanceof Y.Map ? m.get('id') : undefined);
  const wanted = new Set(items.map((i) => i.id));
  const keptNow = array
    .toArray()
    .map(idOf)
    .filter((id): id is string => typeof id === 'string' && wanted.has(id));
  const keptSet = new Set(keptNow);
  if (
    !same(
      keptNow,
      items.map((i) => i.id).filter((id) => keptSet.has(id))
    )
  ) {
    array.delete(0, array.length);
    array.insert(0, items.map(spec.create));
    return;
  }
  for (let i = array.length - 1; i >= 0; i--) {
    const id = idOf(array.get(i));
    if (typeof id !== 'string' || !wanted.has(id)) array.delete(i, 1);
  }
  items.forEach((item, i) => {
    const at = array.length > i ? array.get(i) : undefined;
    if (at && idOf(at) === item.id) spec.update(at, item);
    else array.insert(i, [spec.create(item)]);
  });
};

/** Writes the differing fields of a card that both the board and the version have (same kind). */
const updateCard = (card: CardMap, target: CardSnapshot): void => {
  const position = readPosition(card);
  if (position.lane !== target.lane || position.order !== target.order) writePosition(card, { lane: target.lane, order: target.order });
  for (const field of ['createdAt', 'createdBy', 'authorCity', 'lang'] as const) setPlain(card, field, target[field]);
  const record = target as unknown as Record<string, string>;
  for (const field of TEXT_FIELDS[target.kind]) {
    const now = card.get(field);
    if (!(now instanceof Y.Text) || now.toString() !== record[field]) setText(card, field, record[field] ?? '');
  }
  if (target.kind === CardKind.practice) setPlain(card, 'sourceCity', target.sourceCity);
  if (target.kind === CardKind.action) {
    const action: ActionCard = target;
    for (const field of ['leadCity', 'startDate', 'endDate', 'status'] as const) setPlain(card, field, action[field]);
    syncCities(card, action.partnerCities);
    syncList(card, 'milestones', action.milestones, MILESTONES);
    syncList(card, 'indicators', action.indicators, INDICATORS);
  }
};

const createCard = (cards: Y.Map<CardMap>, target: CardSnapshot): void => {
  const { lane, order, ...fields } = target;
  const map = new Y.Map<unknown>();
  cards.set(target.id, map);
  fillCard(map, fields as CardFields, { lane, order });
};

/**
 * Turns the board in `doc` into `target`'s content (cards, their lanes and order keys, every
 * field, the title) in one transaction carrying `origin`. Reading the board afterwards with
 * `readBoard` gives `target`'s cards exactly. Cards of a kind this version does not know are left
 * alone, as are keys reserved for other features (translations, consent).
 */
export const restoreBoard = (doc: Y.Doc, target: BoardSnapshot, origin?: unknown): RestoreSummary => {
  const summary: RestoreSummary = { deleted: 0, created: 0, updated: 0, title: false };
  transact(doc, origin, () => {
    const meta = getMetaMap(doc);
    if (meta.get('title') !== target.board.title) {
      meta.set('title', target.board.title);
      summary.title = true;
    }
    const cards = getCardsMap(doc);
    const wanted = new Map(target.cards.map((c) => [c.id, c]));
    for (const [id, card] of [...cards.entries()]) {
      if (!readKind(card)) continue;
      if (!wanted.has(id)) {
        cards.delete(id);
        summary.deleted++;
      }
    }
    for (const card of target.cards) {
      const existing = cards.get(card.id);
      if (!existing || readKind(existing) !== card.kind) {
        createCard(cards, card);
        summary.created++;
        continue;
      }
      if (same(snapshotCard(existing), card)) continue;
      updateCard(existing, card);
      summary.updated++;
    }
  });
  return summary;
};
