/**
 * Limits are shared between instances (docs/SECURITY.md): with REDIS_URL set, wrong join codes
 * are counted in Redis under KEY_PREFIX, so a guesser who spreads guesses over two instances of
 * one deployment is locked out on both after JOIN_MAX_MISSES in total.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../utils/redis.ts';
import { startServer, type CreatedWorkshop, type PlenaryServer } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const SHARED = 'request limits are shared through redis';

describeRedis('join-code lock-out shared by two instances on one Redis', () => {
  const prefix = uniqueKeyPrefix('shared-limits');
  let one: PlenaryServer;
  let two: PlenaryServer;
  let workshop: CreatedWorkshop;
  beforeAll(async () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix, JOIN_MAX_MISSES: '6' };
    [one, two] = await Promise.all([startServer({ env }), startServer({ env })]);
    for (const server of [one, two]) await waitFor(() => server.jsonLogs().some((l) => l.msg === SHARED), 15_000, 'limits on redis');
    workshop = await one.createWorkshop({ title: 'Two doors' });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await deleteKeysUnder(prefix);
  });

  const join = async (server: PlenaryServer, code: string) => (await server.fetch(`/api/join/${code}`)).status;

  it('locks the address out on both instances after 6 wrong codes split between them', async () => {
    // 3 misses on each: neither instance alone reaches 6.
    for (const [i, server] of [one, two, one, two, one].entries()) expect(await join(server, `OOO-II${i}`)).toBe(404);
    expect(await join(two, 'OOO-II9')).toBe(429);
    expect(await join(one, workshop.joinCode)).toBe(429);
    expect(await join(two, workshop.joinCode)).toBe(429);
  });

  it('keeps the counters under KEY_PREFIX, with an expiry', async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}:limit:*`, COUNT: 1000 })) keys.push(...batch);
      expect(keys.some((k) => k.startsWith(`${prefix}:limit:join-misses:`))).toBe(true);
      for (const key of keys) expect(await redis.pTTL(key)).toBeGreaterThan(0);
    } finally {
      redis.destroy();
    }
  });
});
