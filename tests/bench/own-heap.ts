/**
 * The bench's own garbage, collected before each measurement. The runner holds large things for a
 * while (the join figure's 100,000-edit history, the boards its clients joined); left to itself,
 * V8 collects them whenever it likes — once in the middle of a later fan-out phase (the runner's
 * memory fell from 425 to 207 MiB there), where its parallel marking takes both cores for a moment
 * from the server and the load generator being measured. Needs `node --expose-gc` (the `bench` script); a no-op without.
 */
export const collectOwnGarbage = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};
