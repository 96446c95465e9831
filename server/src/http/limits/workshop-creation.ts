/**
 * Who may create a workshop (POST /api/workshops), checked before the body is read:
 *   - at most CREATE_WORKSHOP_PER_HOUR attempts per address per hour, whatever their outcome, so
 *     the organiser key cannot be guessed either (429);
 *   - with ORGANIZER_KEY set: `Authorization: Bearer <key>`, from anywhere (401 without it);
 *   - without it: only from loopback and the local network (RFC 1918, link-local, IPv6 ULA), so a
 *     venue laptop that hotel Wi-Fi leaves reachable from the internet does not create workshops
 *     for strangers, while the organiser at the laptop or on the venue Wi-Fi needs no set-up (403).
 */
import type { MiddlewareHandler } from 'hono';
import { sameSecret } from '../../auth/same-secret.ts';
import type { Config } from '../../config.ts';
import { clientAddress, isLocalNetwork, limitKey } from './client-address.ts';
import type { LimiterStore } from './limiter-store.ts';
import { takePoint } from './rate.ts';
import { RefusalReason, type Refuse } from './refusal.ts';

const ROUTE = 'create-workshop';

export const workshopCreationPolicy = (config: Config, store: LimiterStore, refuse: Refuse): MiddlewareHandler => {
  const creations = store.limiter({ name: 'create-workshop', points: config.CREATE_WORKSHOP_PER_HOUR, durationSec: 3600 });
  return async (c, next) => {
    const address = clientAddress(c, config.TRUST_PROXY);
    const wait = await takePoint(creations, limitKey(address));
    if (wait !== null) {
      return refuse(c, {
        status: 429,
        reason: RefusalReason.createRate,
        route: ROUTE,
        address,
        error: `too many workshops created from this address; try again in ${Math.ceil(wait / 60)} min`,
        retryAfterSec: wait
      });
    }
    if (config.ORGANIZER_KEY) {
      if (!sameSecret(c.req.header('authorization') ?? '', `Bearer ${config.ORGANIZER_KEY}`)) {
        return c.json({ error: 'authorization: the organiser key is required to create a workshop', field: 'authorization' }, 401);
      }
    } else if (!isLocalNetwork(address)) {
      return refuse(c, {
        status: 403,
        reason: RefusalReason.createNotLocal,
        route: ROUTE,
        address,
        error: 'authorization: workshops can be created from the local network only; the server needs ORGANIZER_KEY to allow it from elsewhere',
        field: 'authorization'
      });
    }
    await next();
  };
};
