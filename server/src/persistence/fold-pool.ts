/**
 * A compaction's fold (fold.ts: the snapshot and its log applied to a fresh document, encoded and
 * cut into causal slices) runs in a worker thread, so it does not hold the event loop: folding the
 * 1.2 MB board of 100,000 edits takes 160–270 ms and the seminar's boards of 200 cards 10–20 ms, and
 * every board of the instance — its edits, its joins, its presence — waited meanwhile, once every
 * 500 writes of each board. One thread, started at the first compaction and stopped after a while
 * without one (lib/lazy-pool.ts).
 *
 * The updates are copied to the thread, not transferred: a store's bytes may be views of a buffer
 * shared with other values (node-redis replies). A fold the thread cannot run (it could not start)
 * runs here, as it did before.
 */
import { createLazyPool } from '../lib/lazy-pool.ts';
import { foldSnapshot } from './fold.ts';

/** The fold thread stops after this long without a compaction. */
const IDLE_TIMEOUT_MS = 60_000;

const pool = createLazyPool({ filename: new URL('./fold-worker.mjs', import.meta.url), maxThreads: 1, idleTimeout: IDLE_TIMEOUT_MS });

/** `foldSnapshot` of these updates, folded in the worker thread. */
export const foldInWorker = async (updates: Uint8Array[]): Promise<Uint8Array> => {
  const folder = await pool.started().catch(() => null);
  if (!folder) return foldSnapshot(updates);
  return (await folder.run(updates)) as Uint8Array;
};
