/**
 * Where things live inside a board Y.Doc, and how one card `Y.Map` is filled from plain values and
 * read back into a plain snapshot. Every other helper goes through these accessors, so the layout
 * described in docs/SCHEMA.md is written in one place.
 */
import * as Y from 'yjs';
import type { CardMap } from './card-map.ts';
import { fillTranslations, readTranslations } from './translations.ts';
import { CardKind, LANES, Lane, RootName, TEXT_FIELDS, UNDETERMINED_LANG, type TextField } from './constants.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import { createId } from './ids.ts';
import type { ActionCard, CardSnapshot, Indicator, Milestone } from './snapshot-schema.ts';

/** A card in the document: field name → plain value or shared type. */
export type { CardMap };

/** Lane and order key of a card, stored together as one value so a move never tears. */
export interface Position {
  lane: Lane;
  order: string;
}

/** The board-level `Y.Map` (`RootName.meta`). */
export const getMetaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(RootName.meta);

/** The `Y.Map` of card id → card `Y.Map` (`RootName.cards`). Observe it deeply to follow the board. */
export const getCardsMap = (doc: Y.Doc): Y.Map<CardMap> => doc.getMap(RootName.cards);

/** The card `Y.Map` with that id, if any. */
export const getCardMap = (doc: Y.Doc, id: string): CardMap | undefined => getCardsMap(doc).get(id);

/** The card `Y.Map` with that id; throws `not-found` when there is none. */
export const requireCardMap = (doc: Y.Doc, id: string): CardMap => {
  const card = getCardMap(doc, id);
  if (!card) throw new BoardSchemaError(SchemaErrorCode.notFound, `no card with id ${id}`);
  return card;
};

/** Runs `fn` in one transaction carrying `origin`, so an UndoManager can track its own changes. */
export const transact = <T>(doc: Y.Doc, origin: unknown, fn: () => T): T => {
  let result: T;
  doc.transact(() => {
    result = fn();
  }, origin ?? null);
  return result!;
};

const isLane = (value: unknown): value is Lane => (LANES as readonly unknown[]).includes(value);

/**
 * A card's position. Tolerant of foreign writers: an unknown lane reads as `parked` (so the card
 * stays visible) and a missing order key as '' (first; the next move there re-keys the lane).
 */
export const readPosition = (card: CardMap): Position => {
  const raw = card.get('position') as { lane?: unknown; order?: unknown } | undefined;
  const lane = isLane(raw?.lane) ? raw.lane : Lane.parked;
  const order = typeof raw?.order === 'string' ? raw.order : '';
  return { lane, order };
};

/** Writes a position as one value: concurrent moves resolve last-writer-wins on lane and order together. */
export const writePosition = (card: CardMap, position: Position): void => {
  card.set('position', { lane: position.lane, order: position.order });
};

/** A card's kind, or undefined for a kind this version does not know. */
export const readKind = (card: CardMap): CardKind | undefined => {
  const kind = card.get('kind');
  return kind === CardKind.idea || kind === CardKind.practice || kind === CardKind.action ? kind : undefined;
};

/** True when `field` is one of the text fields of `kind`. */
export const isTextFieldOf = (kind: CardKind, field: string): field is TextField => (TEXT_FIELDS[kind] as readonly string[]).includes(field);

const str = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');
const strOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** A `Y.Text` holding `value`, ready to be put in a map. */
export const newText = (value: string): Y.Text => {
  const text = new Y.Text();
  if (value) text.insert(0, value);
  return text;
};

/** Milestone as stored: `Y.Map` with `id`, `date` (string or null) and `text` (`Y.Text`). */
export const newMilestone = (item: { date: string | null; text: string }, id = createId()): Y.Map<unknown> =>
  new Y.Map<unknown>([
    ['id', id],
    ['date', item.date],
    ['text', newText(item.text)]
  ]);

/** Indicator as stored: `Y.Map` with `id`, `indicator` and `target` (both `Y.Text`). */
export const newIndicator = (item: { indicator: string; target: string }, id = createId()): Y.Map<unknown> =>
  new Y.Map<unknown>([
    ['id', id],
    ['indicator', newText(item.indicator)],
    ['target', newText(item.target)]
  ]);

/** Partner cities as stored: a `Y.Map` used as a set (city → true), so concurrent adds all survive. */
export const newCitySet = (cities: readonly string[]): Y.Map<true> => new Y.Map<true>(cities.map((c) => [c, true]));

/** Plain fields of a new card, everything `fillCard` needs. */
export type CardFields = CardSnapshot extends infer C ? (C extends unknown ? Omit<C, 'lane' | 'order'> : never) : never;

/**
 * Fills a card map that is already in the document with every field of its kind. Text fields
 * become `Y.Text`, lists `Y.Array` of `Y.Map`; the `translations` map is created empty now so two
 * people adding the first translation later cannot race to create it.
 */
export const fillCard = (card: CardMap, fields: CardFields, position: Position): void => {
  card.set('id', fields.id);
  card.set('kind', fields.kind);
  writePosition(card, position);
  card.set('createdAt', fields.createdAt);
  card.set('createdBy', fields.createdBy);
  card.set('authorCity', fields.authorCity);
  card.set('lang', fields.lang);
  card.set('translations', new Y.Map());
  fillTranslations(card, fields.translations);
  const record = fields as unknown as Record<string, unknown>;
  for (const field of TEXT_FIELDS[fields.kind]) card.set(field, newText(str(record[field])));
  if (fields.kind === CardKind.practice) card.set('sourceCity', fields.sourceCity);
  if (fields.kind === CardKind.action) {
    card.set('leadCity', fields.leadCity);
    card.set('partnerCities', newCitySet(fields.partnerCities));
    card.set('startDate', fields.startDate);
    card.set('endDate', fields.endDate);
    card.set('milestones', Y.Array.from(fields.milestones.map((m) => newMilestone(m, m.id))));
    card.set('indicators', Y.Array.from(fields.indicators.map((i) => newIndicator(i, i.id))));
    card.set('status', fields.status);
    if (fields.fromIdea) card.set('fromIdea', fields.fromIdea);
  }
};

const readItems = (card: CardMap, key: string): Y.Map<unknown>[] => {
  const list = card.get(key);
  return list instanceof Y.Array ? list.toArray().filter((item): item is Y.Map<unknown> => item instanceof Y.Map) : [];
};

const readCities = (card: CardMap): string[] => {
  const set = card.get('partnerCities');
  if (set instanceof Y.Map) return [...set.keys()].sort();
  return Array.isArray(set) ? set.filter((c): c is string => typeof c === 'string') : [];
};

/**
 * A card map as a plain snapshot, or undefined for a kind this version does not know. Missing
 * fields read as empty values; text is returned verbatim (markup is data, never interpreted).
 */
const withTranslations = (card: CardMap): { translations?: ReturnType<typeof readTranslations> } => {
  const translations = readTranslations(card);
  return translations ? { translations } : {};
};

export const snapshotCard = (card: CardMap): CardSnapshot | undefined => {
  const kind = readKind(card);
  if (!kind) return undefined;
  const { lane, order } = readPosition(card);
  const id = str(card.get('id'));
  const base = {
    lane,
    order,
    createdAt: str(card.get('createdAt')),
    createdBy: str(card.get('createdBy')),
    authorCity: str(card.get('authorCity')),
    lang: str(card.get('lang')) || UNDETERMINED_LANG,
    // Only present when someone has translated the card, so untranslated cards read as before.
    ...withTranslations(card)
  };
  // `id` and `kind` first: snapshots read top-down in exports and diffs.
  if (kind === CardKind.idea) return { id, kind, ...base, text: str(card.get('text')) };
  if (kind === CardKind.practice) {
    return { id, kind, ...base, text: str(card.get('text')), sourceCity: str(card.get('sourceCity')) };
  }
  const milestones: Milestone[] = readItems(card, 'milestones').map((m) => ({
    id: str(m.get('id')),
    date: strOrNull(m.get('date')),
    text: str(m.get('text'))
  }));
  const indicators: Indicator[] = readItems(card, 'indicators').map((i) => ({
    id: str(i.get('id')),
    indicator: str(i.get('indicator')),
    target: str(i.get('target'))
  }));
  const status = str(card.get('status'));
  const fromIdea = str(card.get('fromIdea'));
  return {
    id,
    kind,
    ...base,
    title: str(card.get('title')),
    objective: str(card.get('objective')),
    leadCity: strOrNull(card.get('leadCity')),
    partnerCities: readCities(card),
    startDate: strOrNull(card.get('startDate')),
    endDate: strOrNull(card.get('endDate')),
    milestones,
    indicators,
    resources: str(card.get('resources')),
    responsibleOfficer: str(card.get('responsibleOfficer')),
    status: (status || 'draft') as ActionCard['status'],
    // Only present on actions made from an idea, so other snapshots read as before.
    ...(fromIdea ? { fromIdea } : {})
  };
};
