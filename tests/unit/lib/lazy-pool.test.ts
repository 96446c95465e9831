/**
 * The lazy worker pool (server/src/lib/lazy-pool.ts) shared by the export renderers and the
 * compaction's fold: closed at shutdown whatever its start did, and started again after a close.
 */
import { describe, expect, test } from 'vitest';
import { createLazyPool } from '../../../server/src/lib/lazy-pool.ts';

const worker = new URL('../../../server/src/persistence/fold-worker.mjs', import.meta.url);

describe('a lazily started worker pool', () => {
  test('a start that fails is told to its caller, and closing the pool meanwhile still resolves', async () => {
    // tinypool refuses these limits when the pool is made.
    const pool = createLazyPool({ filename: worker, maxThreads: -1, idleTimeout: 1000 });
    const started = pool.started();
    const closed = pool.close();
    await expect(started).rejects.toThrow(/maxThreads/);
    await expect(closed).resolves.toBeUndefined();
    // …and once it has failed, too.
    await expect(pool.started()).rejects.toThrow(/maxThreads/);
    await expect(pool.close()).resolves.toBeUndefined();
  });

  test('closing stops a started pool, and the next task starts a new one', async () => {
    const pool = createLazyPool({ filename: worker, maxThreads: 1, idleTimeout: 1000 });
    const first = await pool.started();
    await pool.close();
    expect(first.threads).toHaveLength(0);
    const second = await pool.started();
    expect(second).not.toBe(first);
    await pool.close();
  });

  test('closing a pool that never started does nothing', async () => {
    await expect(createLazyPool({ filename: worker, maxThreads: 1, idleTimeout: 1000 }).close()).resolves.toBeUndefined();
  });
});
