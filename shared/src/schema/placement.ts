/**
 * Turning "put this card there" (before/after a card, at an index, at the end) into an order key,
 * shared by `addCard` and `moveCard`. Works on positions only, not whole card snapshots, so it
 * stays cheap on a 500-card board.
 */
import type * as Y from 'yjs';
import type { Lane } from './constants.ts';
import { getCardsMap, readPosition, writePosition } from './doc-layout.ts';
import { BoardSchemaError, SchemaErrorCode } from './errors.ts';
import { compareOrder, planInsert, type Ordered } from './order.ts';
import type { Placement } from './card-input.ts';

/** Ids and order keys of a lane's cards in display order, leaving out `excludeId`. */
export const laneOrder = (doc: Y.Doc, lane: Lane, excludeId?: string): Ordered[] => {
  const out: Ordered[] = [];
  for (const [id, card] of getCardsMap(doc)) {
    if (id === excludeId) continue;
    const position = readPosition(card);
    if (position.lane === lane) out.push({ id, order: position.order });
  }
  return out.sort(compareOrder);
};

/** Index in `siblings` that a placement points at; throws `not-found` for an unknown reference card. */
export const resolveIndex = (siblings: readonly Ordered[], placement: Placement): number => {
  const find = (id: string): number => {
    const i = siblings.findIndex((s) => s.id === id);
    if (i < 0) throw new BoardSchemaError(SchemaErrorCode.notFound, `no card ${id} in the target lane`);
    return i;
  };
  if (placement.beforeId !== undefined) return find(placement.beforeId);
  if (placement.afterId !== undefined) return find(placement.afterId) + 1;
  if (placement.index !== undefined) return Math.min(placement.index, siblings.length);
  return siblings.length;
};

/**
 * Order key for a card entering `lane` at `placement`. Re-keys neighbours in place when they share
 * a key (see `planInsert`); call inside the caller's transaction.
 */
export const placeInLane = (doc: Y.Doc, lane: Lane, placement: Placement, excludeId?: string): string => {
  const siblings = laneOrder(doc, lane, excludeId);
  const { order, rekeyed } = planInsert(siblings, resolveIndex(siblings, placement));
  const cards = getCardsMap(doc);
  for (const { id, order: newOrder } of rekeyed) {
    const card = cards.get(id);
    if (card) writePosition(card, { lane, order: newOrder });
  }
  return order;
};
