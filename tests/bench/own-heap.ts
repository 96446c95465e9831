/**
 * The bench's own garbage, collected before each measurement. The runner holds large things for a
 * while (the join figure's 100,000-edit history, the boards its clients joined); left to itself,
 * V8 collects them whenever it likes — during a later fan-out phase, say, where its parallel
 * marking took both cores for a moment and doubled that phase's p99 (97 ms at 4,800 edits/s after
 * the joins, 45 ms without them). Needs `node --expose-gc` (the `bench` script); a no-op without.
 */
export const collectOwnGarbage = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};
