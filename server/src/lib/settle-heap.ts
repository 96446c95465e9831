/**
 * One full collection at the end of start-up, before the port opens. A process just started has
 * V8's first old-space limit (24 MB here) and about 15 MB in use once every module is loaded, so
 * the first large piece of work — the first device joining a large board after a restart — pushed
 * the heap within reach of that limit, and V8 ran the process's first full marking in the middle of
 * it: 15–25 ms of the event loop, and marking threads on the cores that device's join needed. Done
 * now, nobody waits for it, and the limit V8 sets after it grows from what start-up actually keeps.
 *
 * The collection is asked for as `--expose-gc` would allow, turned on here for this one call so
 * that it works however the process was started (V8 installs `gc` only in contexts made after
 * that, so the server's own global scope never has it).
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface SettledHeap {
  /** MiB of the heap in use before and after the collection (to a tenth), as the log gives them. */
  usedMiB: number;
  afterMiB: number;
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Collects the start-up's garbage; null if this Node refused to give a collection to call. */
export const settleHeap = (): SettledHeap | null => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc !== 'function') return null;
  const usedMiB = mib(getHeapStatistics().used_heap_size);
  gc();
  return { usedMiB, afterMiB: mib(getHeapStatistics().used_heap_size) };
};
