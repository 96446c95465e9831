/**
 * Pure helpers for binding a `Y.Text` to a plain text field: the minimal change between two
 * strings, and how a position moves when a `Y.Text` delta is applied around it.
 */

/** One edit: at `index`, remove `remove` code units, then insert `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** A `Y.Text` delta as `YTextEvent.delta` reports it (text only; boards hold no embeds). */
export type TextDelta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single change turning `before` into `after`. `caret` (where the caret ended up)
 * settles ambiguous cases such as typing "a" inside "aa", so the change lands where the person
 * typed and merges correctly with a co-editor's concurrent edit nearby. Never splits a surrogate
 * pair (an emoji), which would leave a lone half on other screens.
 */
export const diffText = (before: string, after: string, caret = after.length): TextChange => {
  const grown = Math.max(0, after.length - before.length);
  let start = 0;
  const maxPrefix = Math.min(before.length, after.length, Math.max(0, caret - grown));
  while (start < maxPrefix && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Widen the change so neither end sits between the two halves of a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1)) && (isLowSurrogate(before.charCodeAt(start)) || isLowSurrogate(after.charCodeAt(start)))) {
    start--;
  }
  if (endBefore < before.length && isLowSurrogate(before.charCodeAt(endBefore)) && endAfter < after.length) {
    endBefore++;
    endAfter++;
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
};

/**
 * Where `index` moves to when `delta` is applied to the text it points into. Text inserted exactly
 * at `index` goes after it when `stickLeft` (a caret stays before a co-editor's new words) and
 * before it otherwise.
 */
export const transformIndex = (index: number, delta: TextDelta, stickLeft = true): number => {
  let old = 0;
  let moved = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      old += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (old < index || (old === index && !stickLeft)) moved += length;
    } else if (op.delete !== undefined) {
      if (old < index) moved -= Math.min(op.delete, index - old);
      old += op.delete;
    }
  }
  return moved;
};

/** `transformIndex` through several deltas, oldest first. */
export const transformThrough = (index: number, deltas: readonly TextDelta[], stickLeft = true): number =>
  deltas.reduce((at, delta) => transformIndex(at, delta, stickLeft), index);
