/**
 * PUT /workshops/:id/consent — a city's answer on an action of the agreed lane. A delegate answers
 * for the city of their personal token only; a facilitator may record any city's answer. Either
 * way the city must be one the action asks (its lead and partner cities, or every city when the
 * facilitator chose the workshop scope): an answer nobody asked for would count for nothing.
 */
import { Hono } from 'hono';
import { ConsentScope, citiesAsked, isCityAsked, readConsentScope, writeConsent, type ConsentAnswer, type ConsentRecord } from '@plenary/shared/control';
import { consentBody } from '@plenary/shared/control/schemas';
import { Role } from '@plenary/shared/protocol';
import { CardKind, Lane, getCardMap, readCard, readPosition } from '@plenary/shared/schema';
import { matchCity } from '../../facilitation/participants.ts';
import type { Workshop } from '../../workshops/workshop.ts';
import { ApiError } from '../errors.ts';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerName, callerOf, requireBoard, requireParticipant, type FacilitationDeps } from './context.ts';

const answer = describeRoute({
  tag: 'consent',
  summary: "A city's answer on an action of the agreed lane",
  description:
    "A participant answers for the city of their personal token only; a facilitator may record any city's answer. The city must be one the action asks: its lead and partner cities, or every city under the workshop scope.",
  callers: Callers.token,
  body: consentBody,
  answers: { 200: '`{ consent }`: the record as stored.' },
  errors: {
    400: 'A facilitator names no `city`; `city` is not of this workshop; `boardId` is not a board of this workshop; `actionId` is no action on the board.',
    403: 'Anyone but a facilitator who is not a confirmed participant; a participant naming another city than their own.',
    409: 'The card is not an action, not in the agreed lane, or the action does not involve the city.'
  }
});

/** English names of the workshop's cities, host city first. */
export const workshopCityNames = (workshop: Workshop): string[] => {
  const list = workshop.cities.map((c) => c.en);
  return workshop.hostCity && !list.includes(workshop.hostCity.en) ? [workshop.hostCity.en, ...list] : list;
};

export const consentRoutes = (deps: FacilitationDeps) =>
  new Hono().put('/:id/consent', answer, async (c) => {
    const caller = await callerOf(deps, c);
    const { workshop } = caller;
    const participant = caller.role === Role.facilitator ? null : requireParticipant(caller, 'answer for a city');
    const body = await answer.body(c);
    if (participant && body.city !== undefined && body.city !== participant.city) {
      throw new ApiError(403, `you answer for ${participant.city} only, not for ${body.city}`);
    }
    const city = participant?.city ?? body.city ?? caller.claims.c;
    if (!city) throw new ApiError(400, 'city: is required when a facilitator records an answer', 'city');
    const known = matchCity(workshop, city);
    if (!known) throw new ApiError(400, 'city: not a city of this workshop', 'city');
    requireBoard(workshop, body.boardId);
    const action = await deps.control.readBoard(body.boardId, (doc) => {
      const card = getCardMap(doc, body.actionId);
      return card ? { lane: readPosition(card).lane, card: readCard(doc, body.actionId) } : null;
    });
    if (action === null) throw new ApiError(400, 'actionId: no such action on this board', 'actionId');
    if (action.lane !== Lane.agreed) throw new ApiError(409, 'only actions in the agreed lane take consent');
    const card = action.card;
    if (card?.kind !== CardKind.action) throw new ApiError(409, 'only actions take consent: turn the idea into an action first');
    const scope = await deps.control.readControl(workshop.id, readConsentScope);
    const asked = citiesAsked(card, scope, workshopCityNames(workshop));
    if (!isCityAsked(asked, known)) {
      throw new ApiError(
        409,
        scope === ConsentScope.workshop
          ? `${known} is not a city of this workshop`
          : asked.length === 0
            ? `this action involves no city yet: set its lead city first`
            : `${known} is not involved in this action (it involves ${asked.join(', ')}); only the cities it involves answer unless the facilitator asks every city`
      );
    }
    const record: ConsentRecord = {
      boardId: body.boardId,
      actionId: body.actionId,
      city: known,
      answer: body.answer as ConsentAnswer,
      ...(body.note ? { note: body.note } : {}),
      by: await callerName(deps, caller),
      ...(caller.participant ? { participantId: caller.participant.id } : {}),
      at: new Date().toISOString()
    };
    await deps.control.withControl(workshop.id, (doc) => writeConsent(doc, record));
    return c.json({ consent: record });
  });
