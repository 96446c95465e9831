/**
 * /api/join/:code — the short code a delegate types on a phone, exchanged for the invite token.
 * Guarded per client address (http/limits/join-guard.ts): a rate, and a lock-out after repeated
 * wrong codes.
 */
import { Hono } from 'hono';
import { Role } from '@plenary/shared';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import type { JoinGuard } from './limits/index.ts';

export const joinRoutes = ({ workshops, signer, config, guard }: AppDeps & { guard: JoinGuard }) =>
  new Hono().get('/:code', async (c) => {
    const refused = await guard.admit(c);
    if (refused) return refused;
    const code = c.req.param('code');
    if (code.length > 20) throw new ApiError(400, 'code: too long', 'code');
    const workshop = await workshops.byJoinCode(code);
    if (!workshop) {
      const lockedOut = await guard.miss(c);
      if (lockedOut) return lockedOut;
      throw new ApiError(404, 'code: no workshop has this join code', 'code');
    }
    return c.json({
      workshopId: workshop.id,
      title: workshop.title,
      token: signer.sign(workshop.id, Role.delegate, workshop.generations.delegate, config.TOKEN_TTL_DAYS * 86_400),
      cities: workshop.cities
    });
  });
