/**
 * Per-address request rates: a middleware that takes one point of a limiter per request and
 * answers 429 with Retry-After once the address has used its window.
 */
import type { MiddlewareHandler } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress, limitKey } from './client-address.ts';
import type { Limiter } from './limiter-store.ts';
import { secondsFrom, type RefusalReason, type Refuse } from './refusal.ts';

export interface RateRule {
  limiter: Limiter;
  reason: RefusalReason;
  route: string;
  /** What the person is told, e.g. "too many workshops created from this address". */
  error: string;
}

/** Takes a point; resolves to the seconds to wait when none was left, or null. */
export const takePoint = async (limiter: Limiter, key: string): Promise<number | null> => {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) return secondsFrom(rejected.msBeforeNext);
    // Neither Redis nor the in-memory fallback answered: let the request through rather than
    // refuse everyone.
    return null;
  }
};

export const rateLimit =
  (refuse: Refuse, trustProxy: number, rule: RateRule): MiddlewareHandler =>
  async (c, next) => {
    const address = clientAddress(c, trustProxy);
    const wait = await takePoint(rule.limiter, limitKey(address));
    if (wait !== null) {
      return refuse(c, { status: 429, reason: rule.reason, route: rule.route, address, error: `${rule.error}; try again in ${wait} s`, retryAfterSec: wait });
    }
    await next();
  };
