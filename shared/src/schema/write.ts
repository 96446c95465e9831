/** Importing a JSON snapshot into an empty board document (restores, imports from other tools). */
import * as Y from 'yjs';
import { Limits, SCHEMA_VERSION } from './constants.ts';
import { fillCard, getCardsMap, getMetaMap, transact, type CardFields } from './doc-layout.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import { compareOrder } from './order.ts';
import { boardSnapshotSchema, type BoardSnapshot } from './snapshot-schema.ts';
import { parseOrThrow } from './validate.ts';

/**
 * Writes a snapshot into a document that has no cards yet, in one transaction: board fields, then
 * every card with its id, lane, order key and creation fields as given. Validates first (throws
 * `invalid-input` with field paths); refuses a document that already holds cards (`not-empty`).
 */
export const writeBoard = (doc: Y.Doc, snapshot: BoardSnapshot, origin?: unknown): void => {
  const parsed = parseOrThrow(boardSnapshotSchema, snapshot, 'board snapshot');
  const cards = getCardsMap(doc);
  if (cards.size > 0) throw new BoardSchemaError(SchemaErrorCode.notEmpty, 'writeBoard needs a board without cards');
  if (parsed.cards.length > Limits.maxCards) {
    throw new BoardSchemaError(SchemaErrorCode.tooMany, `a board holds at most ${Limits.maxCards} cards`);
  }
  transact(doc, origin, () => {
    const meta = getMetaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    const { workshopId, boardId, theme, title, locked, createdAt } = parsed.board;
    Object.entries({ workshopId, boardId, theme, title, locked, createdAt }).forEach(([k, v]) => meta.set(k, v));
    // Insert in display order so the document's own history reads naturally.
    const ordered = [...parsed.cards].sort((a, b) => (a.lane === b.lane ? compareOrder(a, b) : 0));
    for (const card of ordered) {
      const { lane, order, ...fields } = card;
      const map = new Y.Map<unknown>();
      cards.set(card.id, map);
      fillCard(map, fields as CardFields, { lane, order });
    }
  });
};
