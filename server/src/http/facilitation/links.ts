/** POST /workshops/:id/links/reissue — new links for a role; the old ones stop working everywhere. */
import { Hono } from 'hono';
import { reissueBody } from '@plenary/shared/control/schemas';
import { Role } from '@plenary/shared/protocol';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, requireFacilitator, type FacilitationDeps } from './context.ts';

const reissue = describeRoute({
  tag: 'facilitation',
  summary: "Re-issue a role's links",
  description: "The role's old links and the personal tokens made from them stop working everywhere, and their connections are closed.",
  callers: Callers.facilitator,
  body: reissueBody,
  answers: { 200: '`{ tokens: { facilitator, delegate, observer }, joinCode }`.' }
});

export const linkRoutes = (deps: FacilitationDeps) =>
  new Hono().post('/:id/links/reissue', reissue, async (c) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, 're-issue links');
    const { role } = await reissue.body(c);
    const workshop = await deps.revoke(caller.workshop.id, role as Role);
    const ttl = deps.config.TOKEN_TTL_DAYS * 86_400;
    const sign = (r: Role) => deps.signer.sign(workshop.id, r, workshop.generations[r], ttl);
    return c.json({
      tokens: { facilitator: sign(Role.facilitator), delegate: sign(Role.delegate), observer: sign(Role.observer) },
      joinCode: workshop.joinCode
    });
  });
