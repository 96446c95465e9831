/**
 * Chooses the fan-out transport: Redis pub/sub when REDIS_URL is set (several instances may
 * serve the same boards), otherwise the local no-op bus of a single process. The Redis client is
 * loaded only then.
 */
import type { Config } from '../config.ts';
import type { Log } from '../persistence/redis-client.ts';
import type { Bus } from './bus.ts';
import { LocalBus } from './local-bus.ts';

export type { Bus, BusHandler } from './bus.ts';

export const createBus = async (config: Pick<Config, 'REDIS_URL' | 'KEY_PREFIX'>, log: Log): Promise<Bus> => {
  if (!config.REDIS_URL) return new LocalBus();
  const { RedisBus } = await import('./redis-bus.ts');
  return RedisBus.open({ url: config.REDIS_URL, keyPrefix: config.KEY_PREFIX, log });
};
