/**
 * Order of cards inside a lane: fractional-index keys (the `fractional-indexing` package), compared
 * as plain strings, with ties broken by card id. Two people inserting at the same spot at the same
 * time compute the same key; the id tie-break then gives both screens the same, stable order.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Anything with an order key and an id: a card snapshot, or a card's position and id. */
export interface Ordered {
  id: string;
  order: string;
}

/**
 * Sort comparator for cards of one lane: by order key, then by id. Uses code-unit comparison, not
 * `localeCompare`, so every device sorts identically whatever its locale.
 */
export const compareOrder = (a: Ordered, b: Ordered): number => {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
};

/** True when `key` is a well-formed fractional-indexing key. */
export const isOrderKey = (key: string): boolean => {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
};

/** The first key of an empty lane. */
export const firstOrderKey = (): string => generateKeyBetween(null, null);

/** `n` ascending keys for a lane written from scratch (an import, a repaired lane). */
export const spreadOrderKeys = (n: number): string[] => generateNKeysBetween(null, null, n);

/**
 * Order changes needed to put a new (or moved) card at `index` of `siblings` (the lane's other
 * cards, already sorted with `compareOrder`). Usually just the new key. When the neighbours share
 * one key (two people inserted there at once) or hold a malformed key, the neighbours are
 * re-keyed too: `rekeyed` lists those cards' new keys, in order.
 */
export const planInsert = (siblings: readonly Ordered[], index: number): { order: string; rekeyed: Ordered[] } => {
  const at = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[at - 1];
  const after = siblings[at];
  const lo = before?.order ?? null;
  const hi = after?.order ?? null;
  if ((lo === null || isOrderKey(lo)) && (hi === null || isOrderKey(hi)) && (lo === null || hi === null || lo < hi)) {
    return { order: generateKeyBetween(lo, hi), rekeyed: [] };
  }
  if (lo !== null && isOrderKey(lo) && lo === hi) {
    // A tie: re-key the run of cards sharing `lo` from `at` on, up to the next distinct key.
    let end = at;
    while (siblings[end] && siblings[end]!.order === lo) end++;
    const next = siblings[end]?.order ?? null;
    if (next === null || (isOrderKey(next) && lo < next)) {
      const keys = generateNKeysBetween(lo, next, end - at + 1);
      const rekeyed = siblings.slice(at, end).map((card, i) => ({ id: card.id, order: keys[i + 1]! }));
      return { order: keys[0]!, rekeyed };
    }
  }
  // Malformed keys (an old or foreign writer): re-key the whole lane, keeping its current order.
  const keys = spreadOrderKeys(siblings.length + 1);
  const rekeyed = siblings.map((card, i) => ({ id: card.id, order: keys[i < at ? i : i + 1]! }));
  return { order: keys[at]!, rekeyed };
};
