/**
 * PUT /workshops/:id/consent — a city's answer on an action of the agreed lane. A delegate answers
 * for the city of their personal token only; a facilitator may record any city's answer.
 */
import { Hono } from 'hono';
import { consentBody, writeConsent, type ConsentAnswer, type ConsentRecord } from '@plenary/shared/control';
import { Role } from '@plenary/shared/protocol';
import { Lane, getCardMap, readPosition } from '@plenary/shared/schema';
import { matchCity } from '../../facilitation/participants.ts';
import { ApiError } from '../errors.ts';
import { callerName, callerOf, parseBody, requireBoard, requireParticipant, type FacilitationDeps } from './context.ts';

export const consentRoutes = (deps: FacilitationDeps) =>
  new Hono().put('/:id/consent', async (c) => {
    const caller = await callerOf(deps, c);
    const { workshop } = caller;
    const participant = caller.role === Role.facilitator ? null : requireParticipant(caller, 'answer for a city');
    const body = await parseBody(c, consentBody);
    if (participant && body.city !== undefined && body.city !== participant.city) {
      throw new ApiError(403, `you answer for ${participant.city} only, not for ${body.city}`);
    }
    const city = participant?.city ?? body.city ?? caller.claims.c;
    if (!city) throw new ApiError(400, 'city: is required when a facilitator records an answer', 'city');
    const known = matchCity(workshop, city);
    if (!known) throw new ApiError(400, 'city: not a city of this workshop', 'city');
    requireBoard(workshop, body.boardId);
    const lane = await deps.control.readBoard(body.boardId, (doc) => {
      const card = getCardMap(doc, body.actionId);
      return card ? readPosition(card).lane : null;
    });
    if (lane === null) throw new ApiError(400, 'actionId: no such action on this board', 'actionId');
    if (lane !== Lane.agreed) throw new ApiError(409, 'only actions in the agreed lane take consent');
    const record: ConsentRecord = {
      boardId: body.boardId,
      actionId: body.actionId,
      city: known,
      answer: body.answer as ConsentAnswer,
      ...(body.note ? { note: body.note } : {}),
      by: await callerName(deps, caller),
      at: new Date().toISOString()
    };
    await deps.control.withControl(workshop.id, (doc) => writeConsent(doc, record));
    return c.json({ consent: record });
  });
