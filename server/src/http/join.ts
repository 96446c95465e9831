/**
 * /api/join/:code — the short code a delegate types on a phone, exchanged for the invite token.
 * Guarded per client address (http/limits/join-guard.ts): a rate, and a lock-out after repeated
 * wrong codes.
 */
import { Hono } from 'hono';
import { Role } from '@plenary/shared';
import type { AppDeps } from './deps.ts';
import { ApiError } from './errors.ts';
import { Callers, describeRoute } from './openapi/describe.ts';
import type { JoinGuard } from './limits/index.ts';

const join = describeRoute({
  tag: 'workshops',
  summary: 'Exchange a join code for the delegate link',
  description: 'Guarded per client address: a rate, and a lock-out after repeated wrong codes (docs/SECURITY.md).',
  callers: Callers.open,
  answers: { 200: "`{ workshopId, title, token, cities }`: `token` is the delegate link's." },
  errors: {
    400: 'The code is longer than 20 characters.',
    404: 'No workshop has this code.',
    429: 'Too many attempts from this address, or too many wrong codes: the address is locked out for a while (Retry-After).'
  }
});

export const joinRoutes = ({ workshops, signer, config, guard }: AppDeps & { guard: JoinGuard }) =>
  new Hono().get('/:code', join, async (c) => {
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
