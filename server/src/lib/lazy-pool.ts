/**
 * A pool of worker threads started on its first task: tinypool itself is loaded then too, so a
 * server that never needs the pool never reads it (memory at rest). Its threads stop after
 * `idleTimeout` without a task, and an idle thread does not keep the process alive. Used by the
 * export renderers (exports/render-pool.ts) and the compaction's fold (persistence/fold-pool.ts).
 */
import type Tinypool from 'tinypool';

export interface LazyPoolOptions {
  /** The worker's module, as a URL (resolved by the caller from its own module, so it holds in the bundle). */
  filename: URL;
  maxThreads: number;
  idleTimeout: number;
}

export interface LazyPool {
  /** The pool, started on the first call; a start that failed is tried again on the next. */
  started(): Promise<Tinypool>;
  /** Stops the pool's threads, if it was started; a start that failed or is under way is fine too. */
  close(): Promise<void>;
}

export const createLazyPool = ({ filename, maxThreads, idleTimeout }: LazyPoolOptions): LazyPool => {
  let pool: Promise<Tinypool> | null = null;
  return {
    started: () => {
      if (!pool) {
        pool = import('tinypool').then(({ default: Pool }) => new Pool({ filename: filename.href, minThreads: 0, maxThreads, idleTimeout }));
        pool.catch(() => (pool = null));
      }
      return pool;
    },
    close: async () => {
      const starting = pool;
      pool = null;
      // A start that failed has nothing to stop: the caller of `started` was told of the failure.
      const running = await starting?.catch(() => null);
      await running?.destroy();
    }
  };
};
