/**
 * Where request counters live: in this process's memory, or — when REDIS_URL is set — in Redis,
 * so every instance behind one address sees the same counts (a guesser cannot spread guesses
 * over instances). Redis keys are `<KEY_PREFIX>:limit:<name>:<client key>` and expire with their
 * window.
 *
 * The Redis connection opens in the background; until it is ready, and whenever Redis does not
 * answer, each limit counts in memory instead (rate-limiter-flexible's insurance limiter), so a
 * Redis outage never turns into refusing everyone or into no limit at all.
 */
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { ConnectedRedis } from '../../persistence/redis-client.ts';
import { createRedisKeys } from '../../persistence/redis-keys.ts';

export interface LimitSpec {
  /** Names the counter (metrics, Redis keys). */
  name: string;
  /** Requests allowed per window. */
  points: number;
  durationSec: number;
}

/** The subset of a rate-limiter-flexible limiter the limits use. */
export type Limiter = Pick<RateLimiterAbstract, 'consume' | 'get' | 'block' | 'points'>;

export interface LimiterStore {
  readonly kind: 'memory' | 'redis';
  limiter(spec: LimitSpec): Limiter;
  close(): Promise<void>;
}

export const createLimiterStore = (config: Config, log: Logger): LimiterStore => {
  const keys = createRedisKeys(config.KEY_PREFIX);
  let redis: ConnectedRedis | undefined;
  let closed = false;
  const pending: Array<() => void> = [];

  if (config.REDIS_URL) {
    const url = config.REDIS_URL;
    // The Redis client is loaded only where Redis is used.
    void import('../../persistence/redis-client.ts')
      .then(({ connectRedis }) => connectRedis(url, 'limits', log))
      .then((connected) => {
        if (closed) return void connected.close();
        redis = connected;
        for (const attach of pending.splice(0)) attach();
        log.info('request limits are shared through redis');
      })
      .catch((err: Error) => log.error({ err: err.message }, 'request limits count in memory: redis did not answer'));
  }

  return {
    kind: config.REDIS_URL ? 'redis' : 'memory',
    limiter: ({ name, points, durationSec }) => {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: durationSec });
      let shared: RateLimiterRedis | undefined;
      const attach = () => {
        shared = new RateLimiterRedis({
          storeClient: redis!.client,
          useRedisPackage: true,
          keyPrefix: keys.limit(name),
          points,
          duration: durationSec,
          insuranceLimiter: memory
        });
      };
      if (redis) attach();
      else if (config.REDIS_URL) pending.push(attach);
      const active = (): RateLimiterAbstract => shared ?? memory;
      return {
        points,
        consume: (key, pts, options) => active().consume(key, pts, options),
        get: (key, options) => active().get(key, options),
        block: (key, sec, options) => active().block(key, sec, options)
      };
    },
    close: async () => {
      closed = true;
      await redis?.close();
    }
  };
};
