/**
 * Upgrading documents written by older versions, in place. Each migration lifts a document by one
 * version and must be idempotent: the server migrates a board when it loads it, and a client that
 * finds an old layout (e.g. from its offline copy) may migrate too, concurrently with others; both
 * write the same values, so the merge is harmless.
 */
import * as Y from 'yjs';
import { LANES, Lane, SCHEMA_VERSION, UNDETERMINED_LANG } from './constants.ts';
import { getCardsMap, getMetaMap, transact, writePosition, type CardMap } from './doc-layout.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import { compareOrder, isOrderKey, spreadOrderKeys } from './order.ts';

/** One step from `from` to `from + 1`, run inside the migration's transaction. */
export interface Migration {
  from: number;
  /** What changes, in a sentence (shown in logs and docs/SCHEMA.md). */
  describe: string;
  up: (doc: Y.Doc) => void;
}

const isLane = (value: unknown): value is Lane => (LANES as readonly unknown[]).includes(value);

/** Version 0 (before the first release): separate `lane` and `order` keys, no `lang`, no `translations`. */
const v0ToV1: Migration = {
  from: 0,
  describe: 'combine lane and order into one position value; record the language (und when unknown); add the translations map',
  up: (doc) => {
    const needsKeys = new Map<Lane, { id: string; order: string }[]>();
    for (const [id, card] of getCardsMap(doc)) {
      if (card.get('position') === undefined) {
        const lane = isLane(card.get('lane')) ? (card.get('lane') as Lane) : Lane.parked;
        const rawOrder = card.get('order');
        const order = typeof rawOrder === 'string' ? rawOrder : '';
        writePosition(card, { lane, order });
        if (!isOrderKey(order)) needsKeys.set(lane, [...(needsKeys.get(lane) ?? []), { id, order }]);
      }
      card.delete('lane');
      card.delete('order');
      if (typeof card.get('lang') !== 'string') card.set('lang', UNDETERMINED_LANG);
      if (!(card.get('translations') instanceof Y.Map)) card.set('translations', new Y.Map());
    }
    // A lane with malformed keys is re-keyed whole, keeping the order people saw.
    for (const lane of needsKeys.keys()) rekeyLane(doc, lane);
  }
};

const rekeyLane = (doc: Y.Doc, lane: Lane): void => {
  const cards: { id: string; order: string; card: CardMap }[] = [];
  for (const [id, card] of getCardsMap(doc)) {
    const position = card.get('position') as { lane: Lane; order: string };
    if (position.lane === lane) cards.push({ id, order: position.order, card });
  }
  cards.sort(compareOrder);
  const keys = spreadOrderKeys(cards.length);
  cards.forEach((c, i) => writePosition(c.card, { lane, order: keys[i]! }));
};

/** Every migration, by the version it starts from. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** Outcome of `migrateBoard`. `from` is null for an empty document that was never initialised. */
export interface MigrationResult {
  from: number | null;
  to: number;
  migrated: boolean;
}

/** The version a document is at: its `schemaVersion`, 0 for a pre-release board, null for an empty doc. */
export const documentVersion = (doc: Y.Doc): number | null => {
  const meta = getMetaMap(doc);
  const version = meta.get('schemaVersion');
  if (typeof version === 'number') return version;
  return meta.size > 0 || getCardsMap(doc).size > 0 ? 0 : null;
};

/**
 * Upgrades a board in place to `SCHEMA_VERSION`, all steps in one transaction. Throws
 * `newer-version` for a document written by a newer Plenary (this code must not touch it; the app
 * should ask the person to reload).
 */
export const migrateBoard = (doc: Y.Doc, origin?: unknown): MigrationResult => {
  const from = documentVersion(doc);
  if (from === null) return { from, to: SCHEMA_VERSION, migrated: false };
  if (from > SCHEMA_VERSION) {
    throw new BoardSchemaError(SchemaErrorCode.newerVersion, `board is at schema version ${from}; this version of Plenary knows up to ${SCHEMA_VERSION}`);
  }
  if (from === SCHEMA_VERSION) return { from, to: SCHEMA_VERSION, migrated: false };
  transact(doc, origin, () => {
    for (let version = from; version < SCHEMA_VERSION; version++) {
      const step = MIGRATIONS.find((m) => m.from === version);
      if (!step) throw new BoardSchemaError(SchemaErrorCode.newerVersion, `no migration from schema version ${version}`);
      step.up(doc);
      getMetaMap(doc).set('schemaVersion', version + 1);
    }
  });
  return { from, to: SCHEMA_VERSION, migrated: true };
};
