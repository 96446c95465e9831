import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClient } from 'redis';
import { RedisStore } from '@plenary/server/persistence/redis-store.ts';
import { createRedisKeys } from '@plenary/server/persistence/redis-keys.ts';
import {
  REDIS_URL,
  deleteKeysUnder,
  describePrivateRedis,
  describeRedis,
  startPrivateRedis,
  uniqueKeyPrefix,
  waitUntil,
  type PrivateRedis
} from '../utils/redis.ts';
import { runStoreContract } from './store-contract.ts';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

const updatesOf = (count: number): Uint8Array[] => {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getArray('a').push([`item ${i}`]);
  return updates;
};

describeRedis('redis store', () => {
  runStoreContract('redis', async () => {
    const keyPrefix = uniqueKeyPrefix('store-contract');
    return {
      open: async () => RedisStore.open({ url: REDIS_URL, keyPrefix, log }),
      cleanup: async () => {
        await deleteKeysUnder(keyPrefix);
      }
    };
  });

  describeRedis('compaction lock', () => {
    const keyPrefix = uniqueKeyPrefix('store-lock');
    const keys = createRedisKeys(keyPrefix);
    const raw = createClient({ url: REDIS_URL });
    let store: RedisStore;
    beforeAll(async () => {
      await raw.connect();
      store = await RedisStore.open({ url: REDIS_URL, keyPrefix, log });
    });
    afterAll(async () => {
      await store.close();
      await deleteKeysUnder(keyPrefix);
      raw.destroy();
    });

    it('does not compact while another holder has the lock, and never deletes its lock', async () => {
      const name = 'locked-board';
      await store.appendUpdates(name, updatesOf(5));
      await raw.set(keys.doc(name).lock, 'another-instance', { PX: 60_000 });

      expect((await store.compact(name)).compacted).toBe(false);
      expect((await store.loadDoc(name))?.logLength).toBe(5);
      expect(await raw.get(keys.doc(name).lock)).toBe('another-instance');

      await raw.del(keys.doc(name).lock);
      expect((await store.compact(name)).compacted).toBe(true);
      expect((await store.loadDoc(name))?.logLength).toBe(0);
      expect(await raw.exists(keys.doc(name).lock)).toBe(0);
    });

    it('drops its result when the lock expired during the fold', async () => {
      const name = 'slow-fold-board';
      const updates = updatesOf(3_000);
      await store.appendUpdates(name, updates);
      // A 1 ms lock lapses long before 3,000 updates are read and folded.
      const hasty = await RedisStore.open({ url: REDIS_URL, keyPrefix, log, lockTtlMs: 1 });
      try {
        expect((await hasty.compact(name)).compacted).toBe(false);
      } finally {
        await hasty.close();
      }
      const stored = await store.loadDoc(name);
      expect(stored?.logLength).toBe(3_000);
    });

    it('keeps documents whose names look like key syntax apart', async () => {
      const names = ['a:b', 'a%3Ab', '{a}:b', 'a'];
      for (const [i, name] of names.entries()) await store.appendUpdates(name, [Uint8Array.from([i])]);
      for (const [i, name] of names.entries()) {
        expect((await store.loadDoc(name))?.updates.map((u) => Array.from(u))).toEqual([[i]]);
      }
    });
  });
});

describePrivateRedis('redis store while Redis goes away', () => {
  let redis: PrivateRedis;
  let store: RedisStore;
  const states: string[] = [];
  beforeAll(async () => {
    redis = await startPrivateRedis();
    store = await RedisStore.open({ url: redis.url, keyPrefix: uniqueKeyPrefix('store-outage'), log });
    store.onStateChange((state) => states.push(state));
  });
  afterAll(async () => {
    await store?.close();
    await redis?.close();
  });

  it('rejects calls at once while Redis is down and works again after it is back', async () => {
    const [first, second] = updatesOf(2) as [Uint8Array, Uint8Array];
    await store.appendUpdates('board', [first]);
    expect(await store.ping()).toBe(true);

    await redis.kill();
    await waitUntil(() => states.includes('down'), { what: 'the store to notice Redis is gone' });
    // Rejected, not queued: a call that hung would trip this 2 s deadline instead.
    const settlesQuickly = <T>(p: Promise<T>) =>
      Promise.race([
        p.then(
          () => 'resolved',
          () => 'rejected'
        ),
        new Promise((r) => setTimeout(() => r('hung'), 2_000))
      ]);
    expect(await settlesQuickly(store.appendUpdates('board', [second]))).toBe('rejected');
    expect(await settlesQuickly(store.loadDoc('board'))).toBe('rejected');
    expect(await settlesQuickly(store.compact('board'))).toBe('rejected');
    expect(await settlesQuickly(store.setMetaIfAbsent('secret', 'x'))).toBe('rejected');
    expect(await settlesQuickly(store.getMeta('secret'))).toBe('rejected');
    expect(await store.ping()).toBe(false);

    await redis.restart();
    await waitUntil(() => store.ping(), { what: 'the store to reconnect' });
    expect(states.at(-1)).toBe('ready');
    // The private server keeps nothing on disk: the caller re-sends what it held in memory.
    await store.appendUpdates('board', [first, second]);
    const stored = await store.loadDoc('board');
    expect(stored?.updates.map((u) => Array.from(u))).toEqual([Array.from(first), Array.from(second)]);
  });
});
