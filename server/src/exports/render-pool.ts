/**
 * The render workers: a tinypool of worker threads that turn boards into export files, so the
 * server's event loop goes on serving sync and requests while a large board renders. Threads start
 * on the first export and stop after a while without one; a thread that crashes is replaced.
 * tinypool itself is loaded on the first export too: a server nobody exports from never reads it.
 */
import type { CheckedExport } from '@plenary/shared/export';
import { createLazyPool } from '../lib/lazy-pool.ts';
import type { RenderTask } from './render-task.ts';

/** A render thread with nothing to do stops after this long. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

export interface RenderPool {
  render(task: RenderTask): Promise<CheckedExport>;
  close(): Promise<void>;
}

export const createRenderPool = (threads: number): RenderPool => {
  const pool = createLazyPool({ filename: new URL('./render-worker.mjs', import.meta.url), maxThreads: threads, idleTimeout: IDLE_TIMEOUT_MS });
  return {
    render: async (task) => (await pool.started()).run(task) as Promise<CheckedExport>,
    close: () => pool.close()
  };
};
