/**
 * The two stores a server can run on, for tests that must hold on both: the embedded SQLite file
 * (a temporary DATA_DIR) and Redis (the shared test Redis under a unique KEY_PREFIX, deleted
 * afterwards). `openStore` opens the same store the server used, to inspect what it wrote.
 */
import { describe } from 'vitest';
import { RedisStore } from '@plenary/server/persistence/redis-store.ts';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import type { Store } from '@plenary/server/persistence/store.ts';
import { REDIS_URL, deleteKeysUnder, describeRedis, uniqueKeyPrefix } from '../../utils/redis.ts';
import type { PlenaryServer } from '../../utils/server.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

export interface StoreKind {
  name: 'sqlite' | 'redis';
  /** `describe`, or `describe.skip` when this store cannot run here (no Redis). */
  describe: typeof describeRedis;
  /** Server settings selecting this store; each call isolates a fresh key space. */
  env(label: string): Record<string, string>;
  /** Deletes what the tests wrote (Redis keys; SQLite files go with the server's temp dir). */
  cleanup(): Promise<void>;
}

const redisPrefixes: string[] = [];

export const STORE_KINDS: StoreKind[] = [
  { name: 'sqlite', describe, env: () => ({}), cleanup: async () => undefined },
  {
    name: 'redis',
    describe: describeRedis,
    env: (label) => {
      const prefix = uniqueKeyPrefix(label);
      redisPrefixes.push(prefix);
      return { REDIS_URL, KEY_PREFIX: prefix };
    },
    cleanup: async () => {
      for (const prefix of redisPrefixes.splice(0)) await deleteKeysUnder(prefix);
    }
  }
];

/** Opens the store `server` writes to (its DATA_DIR, or its REDIS_URL + KEY_PREFIX). */
export const openStore = async (server: PlenaryServer): Promise<Store> =>
  server.env.REDIS_URL
    ? RedisStore.open({ url: server.env.REDIS_URL, keyPrefix: server.env.KEY_PREFIX ?? 'plenary', log: quiet })
    : new SqliteStore({ dataDir: server.dataDir });
