/**
 * Comparing two snapshots of one board (a saved version and now): which cards were added, removed,
 * moved (to another lane, or to another place among the cards both share in a lane) and which
 * fields changed, per card — what the side-by-side view highlights. Pure: snapshots in, JSON out.
 */
import { LANES, type Lane } from '../schema/constants.ts';
import type { BoardSnapshot, CardSnapshot } from '../schema/snapshot-schema.ts';

/** Where a card is in a diff: only in the later snapshot, only in the earlier one, or in both. */
export const CardPresence = {
  added: 'added',
  removed: 'removed',
  kept: 'kept'
} as const;
export type CardPresence = (typeof CardPresence)[keyof typeof CardPresence];

/** One field that differs: its value before and after (plain JSON values). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** How one card differs between the snapshots. */
export interface CardDiff {
  id: string;
  presence: CardPresence;
  /** The card in the earlier snapshot (null when added). */
  before: CardSnapshot | null;
  /** The card in the later snapshot (null when removed). */
  after: CardSnapshot | null;
  /** A kept card that changed lane or place in its lane; null otherwise. */
  moved: { from: Lane; to: Lane } | null;
  /** Fields of a kept card that differ (position excluded: see `moved`). */
  fields: FieldChange[];
}

/** Everything that differs from snapshot `a` to snapshot `b`. */
export interface BoardDiff {
  /** Board-level fields that differ (the title). */
  board: FieldChange[];
  /** Cards that differ: those of `b` in its display order, then those removed in `a`'s order. */
  cards: CardDiff[];
  summary: { added: number; removed: number; moved: number; changed: number };
}

/** Keys that are the card's identity or position, compared separately. */
const POSITION_KEYS = new Set(['id', 'lane', 'order']);

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

const fieldChanges = (before: CardSnapshot, after: CardSnapshot): FieldChange[] => {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !POSITION_KEYS.has(k));
  return keys.filter((k) => !same(b[k], a[k])).map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
};

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
const longestIncreasing = (seq: readonly number[]): Set<number> => {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
};

/**
 * Cards that stayed in a lane but changed place: among the cards both snapshots have in that lane,
 * the fewest cards whose moving explains the new order (those outside a longest common order).
 */
const reorderedIn = (lane: Lane, a: BoardSnapshot, b: BoardSnapshot, inA: Map<string, CardSnapshot>): Set<string> => {
  const laneB = b.cards.filter((c) => c.lane === lane && inA.get(c.id)?.lane === lane).map((c) => c.id);
  const rankB = new Map(laneB.map((id, i) => [id, i]));
  const laneA = a.cards.filter((c) => c.lane === lane && rankB.has(c.id)).map((c) => c.id);
  const stay = longestIncreasing(laneA.map((id) => rankB.get(id)!));
  return new Set(laneA.filter((_, i) => !stay.has(i)));
};

/** What changed from `a` (e.g. a saved version) to `b` (e.g. now). Text is compared verbatim. */
export const diffBoards = (a: BoardSnapshot, b: BoardSnapshot): BoardDiff => {
  const inA = new Map(a.cards.map((c) => [c.id, c]));
  const inB = new Map(b.cards.map((c) => [c.id, c]));
  const reordered = new Set(LANES.flatMap((lane) => [...reorderedIn(lane, a, b, inA)]));
  const cards: CardDiff[] = [];
  for (const after of b.cards) {
    const before = inA.get(after.id);
    if (!before) {
      cards.push({ id: after.id, presence: CardPresence.added, before: null, after, moved: null, fields: [] });
      continue;
    }
    const moved = before.lane !== after.lane || reordered.has(after.id) ? { from: before.lane, to: after.lane } : null;
    const fields = fieldChanges(before, after);
    if (moved || fields.length > 0) cards.push({ id: after.id, presence: CardPresence.kept, before, after, moved, fields });
  }
  for (const before of a.cards) {
    if (!inB.has(before.id)) cards.push({ id: before.id, presence: CardPresence.removed, before, after: null, moved: null, fields: [] });
  }
  const board = a.board.title === b.board.title ? [] : [{ field: 'title', before: a.board.title, after: b.board.title }];
  return {
    board,
    cards,
    summary: {
      added: cards.filter((c) => c.presence === CardPresence.added).length,
      removed: cards.filter((c) => c.presence === CardPresence.removed).length,
      moved: cards.filter((c) => c.moved).length,
      changed: cards.filter((c) => c.fields.length > 0).length
    }
  };
};

/** True when the two snapshots hold the same board content (cards, their places, fields, title). */
export const isSameContent = (a: BoardSnapshot, b: BoardSnapshot): boolean => {
  const d = diffBoards(a, b);
  if (d.board.length > 0 || d.cards.length > 0) return false;
  // Same relative order can still mean different order keys; compare them too.
  const keys = (s: BoardSnapshot) => s.cards.map((c) => `${c.id}\u0000${c.lane}\u0000${c.order}`).join('\n');
  return keys(a) === keys(b);
};
