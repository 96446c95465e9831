/** Reading a board into plain JSON: one card, one lane, the whole board, and counts per lane. */
import type * as Y from 'yjs';
import { LANES, SCHEMA_VERSION, SNAPSHOT_FORMAT, type Lane } from './constants.ts';
import { getCardMap, getCardsMap, getMetaMap, readKind, readPosition, snapshotCard } from './doc-layout.ts';
import { compareOrder } from './order.ts';
import type { BoardMeta, BoardSnapshot, CardSnapshot } from './snapshot-schema.ts';

/** One card as plain JSON, or undefined when there is none (or its kind is unknown to this version). */
export const readCard = (doc: Y.Doc, id: string): CardSnapshot | undefined => {
  const card = getCardMap(doc, id);
  return card ? snapshotCard(card) : undefined;
};

/** The cards of one lane as plain JSON, in display order (order key, then id). */
export const listLane = (doc: Y.Doc, lane: Lane): CardSnapshot[] => {
  const out: CardSnapshot[] = [];
  for (const card of getCardsMap(doc).values()) {
    if (readPosition(card).lane !== lane) continue;
    const snapshot = snapshotCard(card);
    if (snapshot) out.push(snapshot);
  }
  return out.sort(compareOrder);
};

/** Number of cards in each lane (for workshop tiles and the facilitator wall); counts what `listLane` lists. */
export const laneCounts = (doc: Y.Doc): Record<Lane, number> => {
  const counts = Object.fromEntries(LANES.map((lane) => [lane, 0])) as Record<Lane, number>;
  for (const card of getCardsMap(doc).values()) if (readKind(card)) counts[readPosition(card).lane]++;
  return counts;
};

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** Board-level fields as plain JSON (empty values for a board not yet initialised). */
export const readMeta = (doc: Y.Doc): BoardMeta => {
  const meta = getMetaMap(doc);
  return {
    workshopId: str(meta.get('workshopId')),
    boardId: str(meta.get('boardId')),
    theme: str(meta.get('theme')),
    title: str(meta.get('title')),
    locked: meta.get('locked') === true,
    createdAt: str(meta.get('createdAt'), new Date(0).toISOString())
  };
};

/**
 * The whole board as the public JSON format (docs/SCHEMA.md): what exports, versions and other
 * tools read. Cards come lane by lane in display order. Text is verbatim.
 */
export const readBoard = (doc: Y.Doc): BoardSnapshot => ({
  format: SNAPSHOT_FORMAT,
  schemaVersion: SCHEMA_VERSION,
  board: readMeta(doc),
  cards: LANES.flatMap((lane) => listLane(doc, lane))
});
