/** POST /workshops/:id/links/reissue — new links for a role; the old ones stop working everywhere. */
import { Hono } from 'hono';
import { reissueBody } from '@plenary/shared/control';
import { Role } from '@plenary/shared/protocol';
import { callerOf, parseBody, requireFacilitator, type FacilitationDeps } from './context.ts';

export const linkRoutes = (deps: FacilitationDeps) =>
  new Hono().post('/:id/links/reissue', async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 're-issue links');
    const { role } = await parseBody(c, reissueBody);
    const workshop = await deps.revoke(caller.workshop.id, role as Role);
    const ttl = deps.config.TOKEN_TTL_DAYS * 86_400;
    const sign = (r: Role) => deps.signer.sign(workshop.id, r, workshop.generations[r], ttl);
    return c.json({ tokens: { facilitator: sign(Role.facilitator), delegate: sign(Role.delegate), observer: sign(Role.observer) }, joinCode: workshop.joinCode });
  });
