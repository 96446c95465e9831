/** POST /workshops/:id/participants — a delegate registers a name and city and gets a personal token. */
import { Hono } from 'hono';
import { participantBody } from '@plenary/shared/control';
import { Role } from '@plenary/shared/protocol';
import { matchCity } from '../../facilitation/participants.ts';
import { ApiError } from '../errors.ts';
import { callerOf, parseBody, type FacilitationDeps } from './context.ts';

export const participantRoutes = (deps: FacilitationDeps) =>
  new Hono().post('/:id/participants', async (c) => {
    const caller = await callerOf(deps, c);
    if (caller.role === Role.observer) throw new ApiError(403, 'an observer link cannot register a participant; use the delegate link');
    const body = await parseBody(c, participantBody);
    const city = matchCity(caller.workshop, body.city);
    if (!city) throw new ApiError(400, 'city: not a city of this workshop', 'city');
    const { workshop, role } = caller;
    const participant = await deps.participants.register({ workshopId: workshop.id, name: body.name, city, role, ...(body.lang ? { lang: body.lang } : {}) });
    // Same role and generation as the link it came from: re-issuing that link revokes it too.
    const token = deps.signer.sign(workshop.id, role, workshop.generations[role], deps.config.TOKEN_TTL_DAYS * 86_400, { p: participant.id, c: city });
    return c.json({ participantId: participant.id, token }, 201);
  });
