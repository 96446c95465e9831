/**
 * The render workers: a tinypool of worker threads that turn boards into export files, so the
 * server's event loop goes on serving sync and requests while a large board renders. Threads start
 * on the first export and stop after a while without one; a thread that crashes is replaced.
 * tinypool itself is loaded on the first export too: a server nobody exports from never reads it.
 */
import type Tinypool from 'tinypool';
import type { CheckedExport } from '@plenary/shared/export';
import type { RenderTask } from './render-task.ts';

/** A render thread with nothing to do stops after this long. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

export interface RenderPool {
  render(task: RenderTask): Promise<CheckedExport>;
  close(): Promise<void>;
}

export const createRenderPool = (threads: number): RenderPool => {
  let pool: Promise<Tinypool> | null = null;
  const started = () =>
    (pool ??= import('tinypool').then(
      ({ default: Pool }) =>
        new Pool({
          filename: new URL('./render-worker.mjs', import.meta.url).href,
          minThreads: 0,
          maxThreads: threads,
          idleTimeout: IDLE_TIMEOUT_MS
        })
    ));
  return {
    render: async (task) => (await started()).run(task) as Promise<CheckedExport>,
    close: async () => {
      if (pool) await (await pool).destroy();
    }
  };
};
