/**
 * Chooses the store from the configuration: Redis when REDIS_URL is set, otherwise the embedded
 * SQLite file in DATA_DIR (on node:sqlite or better-sqlite3, sqlite-driver.ts). The Redis client
 * is loaded only when it is used: a server on SQLite never reads its code (a megabyte of it).
 */
import type { Config } from '../config.ts';
import type { Store } from './store.ts';
import type { ConnectionListener, Log } from './redis-client.ts';
import { SqliteStore } from './sqlite-store.ts';

export type { Store, StoredDoc, CompactResult } from './store.ts';
export type { ConnectionListener, ConnectionState, Log } from './redis-client.ts';

/** A store plus its connection changes ('ready' / 'down'), for /healthz and metrics. */
export type ServerStore = Store & { onStateChange(listener: ConnectionListener): () => void };

export const createStore = async (
  config: Pick<Config, 'DATA_DIR' | 'REDIS_URL' | 'KEY_PREFIX'> & Partial<Pick<Config, 'SQLITE_DRIVER'>>,
  log: Log
): Promise<ServerStore> => {
  if (config.REDIS_URL) {
    const { RedisStore } = await import('./redis-store.ts');
    return RedisStore.open({ url: config.REDIS_URL, keyPrefix: config.KEY_PREFIX, log });
  }
  const store = new SqliteStore({ dataDir: config.DATA_DIR, driver: config.SQLITE_DRIVER });
  log.info({ dataDir: config.DATA_DIR, sqliteDriver: store.driver }, 'using the embedded store');
  return store;
};
