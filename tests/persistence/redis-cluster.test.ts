/**
 * REDIS_URL=redis+cluster://…: the Redis store and the fan-out bus on a real Redis Cluster of
 * three local masters. The store passes the same contract as every store (its scripts and
 * multi-key commands run there, so each keeps its keys in one slot); two buses deliver to each
 * other over sharded pub/sub.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from 'redis';
import { RedisStore } from '@plenary/server/persistence/redis-store.ts';
import { RedisBus } from '@plenary/server/fanout/redis-bus.ts';
import { createRedisKeys } from '@plenary/server/persistence/redis-keys.ts';
import { parseConfig, parseRedisTarget } from '@plenary/server/config.ts';
import { describePrivateRedis, uniqueKeyPrefix, waitUntil } from '../utils/redis.ts';
import { startLocalCluster, type LocalCluster } from '../utils/redis-cluster.ts';
import { runStoreContract } from './store-contract.ts';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

it('reads a cluster REDIS_URL into its seed nodes, keeping the credentials on each', () => {
  expect(parseRedisTarget('redis://127.0.0.1:6379')).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379' });
  expect(parseRedisTarget('rediss+cluster://u:p%40ss@a.example:7000,b.example:7001/')).toEqual({
    kind: 'cluster',
    nodeUrls: ['rediss://u:p%40ss@a.example:7000', 'rediss://u:p%40ss@b.example:7001']
  });
  expect(() => parseRedisTarget('redis+cluster://')).toThrow(/at least one host:port/);
  expect(() => parseRedisTarget('redis+cluster://a.example')).toThrow(/not host:port/);
});

describePrivateRedis('Redis Cluster (3 local masters)', () => {
  let cluster: LocalCluster;
  beforeAll(async () => {
    cluster = await startLocalCluster(3);
  }, 40_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('is chosen by REDIS_URL in the configuration, and a malformed one is refused naming the setting', () => {
    expect(() => parseConfig({ REDIS_URL: 'redis+cluster://nowhere' })).toThrow(/REDIS_URL/);
    expect(parseConfig({ REDIS_URL: cluster.url }).REDIS_URL).toBe(cluster.url);
  });

  runStoreContract('redis cluster', async () => {
    const keyPrefix = uniqueKeyPrefix('cluster-contract');
    // The servers are thrown away afterwards: nothing to clean up.
    return { open: async () => RedisStore.open({ url: cluster.url, keyPrefix, log }), cleanup: async () => undefined };
  });

  it('spreads documents over the masters, each document whole on one of them', async () => {
    const keys = createRedisKeys(uniqueKeyPrefix('cluster-slots'));
    const store = await RedisStore.open({ url: cluster.url, keyPrefix: keys.root.slice(0, -1), log });
    const names = Array.from({ length: 12 }, (_, i) => `board-${i}`);
    try {
      for (const name of names) await store.appendUpdates(name, [Uint8Array.from([1, 2, 3])]);
      const holderOf = new Map<string, Set<number>>();
      for (const port of cluster.ports) {
        const node = createClient({ url: `redis://127.0.0.1:${port}` });
        await node.connect();
        try {
          for await (const batch of node.scanIterator({ MATCH: `${keys.root}*`, COUNT: 1000 })) {
            for (const key of batch as string[]) {
              const tag = /\{([^}]+)\}/.exec(key)?.[1];
              if (tag) holderOf.set(tag, (holderOf.get(tag) ?? new Set()).add(port));
            }
          }
          // A command across two documents' slots is refused by the node: the store never sends one.
          await expect(node.sendCommand(['DEL', keys.doc('board-0').log, keys.doc('board-1').log])).rejects.toThrow(/CROSSSLOT|MOVED/);
        } finally {
          node.destroy();
        }
      }
      expect(holderOf.size).toBe(names.length);
      // Log and snapshot of one document on one master; the documents on more than one master.
      for (const ports of holderOf.values()) expect(ports.size).toBe(1);
      const holders = new Set([...holderOf.values()].flatMap((ports) => [...ports]));
      expect(holders.size).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  });

  it('fans out between two instances over sharded pub/sub, never back to the sender', async () => {
    const keyPrefix = uniqueKeyPrefix('cluster-bus');
    const a = await RedisBus.open({ url: cluster.url, keyPrefix, log });
    const b = await RedisBus.open({ url: cluster.url, keyPrefix, log });
    try {
      expect(a.mode).toBe('sharded');
      const atA: Record<string, string[]> = {};
      const atB: Record<string, string[]> = {};
      const docs = Array.from({ length: 6 }, (_, i) => `board-${i}`);
      for (const doc of docs) {
        await a.subscribe(doc, (bytes) => (atA[doc] ??= []).push(Buffer.from(bytes).toString()));
        await b.subscribe(doc, (bytes) => (atB[doc] ??= []).push(Buffer.from(bytes).toString()));
      }
      for (const doc of docs) await a.publish(doc, Buffer.from(`from a to ${doc}`));
      for (const doc of docs) await b.publish(doc, Buffer.from(`from b to ${doc}`));
      await waitUntil(() => docs.every((d) => atA[d]?.length === 1 && atB[d]?.length === 1), { what: 'every document to reach the other instance' });
      for (const doc of docs) {
        expect(atB[doc]).toEqual([`from a to ${doc}`]);
        expect(atA[doc]).toEqual([`from b to ${doc}`]);
      }
      await b.unsubscribe('board-0');
      await a.publish('board-0', Buffer.from('after unsubscribe'));
      await a.publish('board-1', Buffer.from('still subscribed'));
      await waitUntil(() => atB['board-1']?.length === 2, { what: 'the still-subscribed document' });
      expect(atB['board-0']).toEqual(['from a to board-0']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
