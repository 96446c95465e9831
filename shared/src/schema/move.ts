/** Moving a card to a lane and a place in it: one write of its `position`, so concurrent moves never tear. */
import type * as Y from 'yjs';
import type { Lane } from './constants.ts';
import type { Placement } from './card-input.ts';
import { readPosition, requireCardMap, transact, writePosition } from './doc-layout.ts';
import { laneOrder, placeInLane, resolveIndex } from './placement.ts';
import { InputCheck } from './input-checks.ts';

/** Where `moveCard` puts a card: a lane, and optionally `beforeId`, `afterId` or `index` in it (default: the end). */
export type MoveTarget = Placement & { lane: Lane };

/**
 * Moves a card (drag and drop, keyboard reorder, lane change). Returns false when the card is
 * already there and nothing was written. When two people move the same card at once, the last
 * writer wins on lane and order together; every screen ends with the same order.
 */
export const moveCard = (doc: Y.Doc, id: string, target: MoveTarget, origin?: unknown): boolean => {
  const lane = InputCheck.lane(target.lane, 'lane');
  const placement = InputCheck.placement({ beforeId: target.beforeId, afterId: target.afterId, index: target.index }, 'place');
  const card = requireCardMap(doc, id);
  const current = readPosition(card);
  if (current.lane === lane) {
    const siblings = laneOrder(doc, lane, id);
    const wanted = resolveIndex(siblings, placement);
    const now = laneOrder(doc, lane).findIndex((c) => c.id === id);
    if (wanted === now) return false;
  }
  transact(doc, origin, () => {
    writePosition(card, { lane, order: placeInLane(doc, lane, placement, id) });
  });
  return true;
};
