/**
 * Entry of the fold worker thread (fold-pool.ts; tinypool loads it). The server runs TypeScript
 * through tsx's `--import` hook, which Node does not carry into worker threads, so the worker
 * registers tsx itself before it loads the TypeScript fold.
 */
import { register } from 'tsx/esm/api';

register();
const { foldSnapshot } = await import('./fold.ts');

/** A snapshot and its log in, the snapshot a store keeps for them out. */
export default foldSnapshot;
