/**
 * Join codes are short (6 characters, 31 letters and digits) so people can type them on a
 * phone; what keeps them from being guessed is this guard. Per client address:
 *   - at most JOIN_PER_MINUTE look-ups a minute, right or wrong;
 *   - JOIN_MAX_MISSES wrong codes (within JOIN_LOCKOUT_MINUTES of each other) lock the address
 *     out for JOIN_LOCKOUT_MINUTES: every code is refused, even the right one, so a guesser learns
 *     nothing more. A right code does not clear the misses: otherwise a guesser could use the
 *     code of a workshop of their own to reset the count between batches.
 * Counts are shared between instances through Redis when REDIS_URL is set.
 */
import type { Context } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../../config.ts';
import { clientAddress, limitKey } from './client-address.ts';
import type { LimiterStore } from './limiter-store.ts';
import { takePoint } from './rate.ts';
import { RefusalReason, secondsFrom, type Refuse } from './refusal.ts';

export interface JoinGuard {
  /** Before a code is looked up: the refusal when the address is locked out or too fast, else null. */
  admit(c: Context): Promise<Response | null>;
  /** After a wrong code: counts the miss; the refusal when this miss locks the address out, else null. */
  miss(c: Context): Promise<Response | null>;
}

const ROUTE = 'join';

export const createJoinGuard = (config: Config, store: LimiterStore, refuse: Refuse): JoinGuard => {
  const maxMisses = config.JOIN_MAX_MISSES;
  const lockoutSec = config.JOIN_LOCKOUT_MINUTES * 60;
  const attempts = store.limiter({ name: 'join', points: config.JOIN_PER_MINUTE, durationSec: 60 });
  const misses = store.limiter({ name: 'join-misses', points: maxMisses, durationSec: lockoutSec });

  const lockedOut = (c: Context, address: string, waitSec: number) =>
    refuse(c, {
      status: 429,
      reason: RefusalReason.joinLockedOut,
      route: ROUTE,
      address,
      error: `code: too many wrong codes from this address; try again in ${Math.ceil(waitSec / 60)} min`,
      field: 'code',
      retryAfterSec: waitSec
    });

  return {
    admit: async (c) => {
      const address = clientAddress(c, config.TRUST_PROXY);
      const key = limitKey(address);
      const missed = await misses.get(key).catch(() => null);
      if (missed && missed.consumedPoints >= maxMisses) return lockedOut(c, address, secondsFrom(missed.msBeforeNext));
      const wait = await takePoint(attempts, key);
      if (wait === null) return null;
      return refuse(c, {
        status: 429,
        reason: RefusalReason.joinRate,
        route: ROUTE,
        address,
        error: `code: too many attempts from this address; try again in ${wait} s`,
        field: 'code',
        retryAfterSec: wait
      });
    },
    miss: async (c) => {
      const address = clientAddress(c, config.TRUST_PROXY);
      const key = limitKey(address);
      let consumed: number;
      try {
        consumed = (await misses.consume(key)).consumedPoints;
      } catch (rejected) {
        if (!(rejected instanceof RateLimiterRes)) return null;
        consumed = rejected.consumedPoints;
      }
      if (consumed < maxMisses) return null;
      // The lock-out runs its full length from the miss that caused it.
      await misses.block(key, lockoutSec).catch(() => undefined);
      return lockedOut(c, address, lockoutSec);
    }
  };
};
