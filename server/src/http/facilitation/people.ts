/**
 * A facilitator's view of who speaks for which city (the wall's People panel):
 *   GET    /workshops/:id/participants               everyone: city, status, how they came in
 *   POST   /workshops/:id/seats                      grant a city a seat; answers its link token
 *   POST   /workshops/:id/participants/:pid/confirm  a lobby request speaks for its city from now on
 *   POST   /workshops/:id/participants/:pid/reject   turn a lobby request down
 *   DELETE /workshops/:id/participants/:pid          remove someone: their votes in rounds not yet
 *                                                    revealed and their consent answers leave with them
 */
import { Hono } from 'hono';
import { ParticipantStatus, ParticipantVia, Role, isValidId, type ParticipantView } from '@plenary/shared/protocol';
import { seatBody } from '@plenary/shared/protocol/participant-bodies';
import { createRemoval } from '../../facilitation/people-removal.ts';
import { LimitReached, matchCity, viewOf, type Participant } from '../../facilitation/participants.ts';
import { createVoteStore } from '../../facilitation/votes.ts';
import { ApiError } from '../errors.ts';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerName, callerOf, requireFacilitator, type FacilitationCaller, type FacilitationDeps } from './context.ts';

const NO_PARTICIPANT = 'No such participant in this workshop (`field`: pid).';

const listPeople = describeRoute({
  tag: 'participants',
  summary: 'Everyone who registered or holds a seat',
  description: 'City, status and how each came in; a confirmed seat carries its link token.',
  callers: Callers.facilitator,
  answers: { 200: '`{ participants }`.' }
});
const grantSeat = describeRoute({
  tag: 'participants',
  summary: 'Grant a city a seat',
  description: "Answers the seat's link token: it opens the board as a confirmed participant for the city.",
  callers: Callers.facilitator,
  body: seatBody,
  answers: { 201: '`{ participant, token }`.' },
  errors: {
    400: '`city` is not a city of this workshop.',
    409: 'The workshop already has as many participants as it may.',
    429: 'The workshop has taken all the registrations it can.'
  }
});
const confirm = describeRoute({
  tag: 'participants',
  summary: 'Confirm that a lobby request speaks for its city',
  callers: Callers.facilitator,
  answers: { 200: '`{ participant }`.' },
  errors: { 404: NO_PARTICIPANT, 409: 'The person was turned down or removed; they must register again.' }
});
const turnDown = describeRoute({
  tag: 'participants',
  summary: 'Turn a lobby request down',
  callers: Callers.facilitator,
  answers: { 200: '`{ participant }`.' },
  errors: { 404: NO_PARTICIPANT, 409: 'The person is not waiting (confirmed or removed): remove them instead.' }
});
const remove = describeRoute({
  tag: 'participants',
  summary: 'Remove someone',
  description: 'Their votes in rounds not yet revealed and their consent answers leave with them; their personal token stops working.',
  callers: Callers.facilitator,
  answers: { 200: '`{ participant }`, with what was withdrawn.' },
  errors: { 404: NO_PARTICIPANT }
});

export const peopleRoutes = (deps: FacilitationDeps) => {
  const ttl = deps.config.TOKEN_TTL_DAYS * 86_400;
  const limits = { total: deps.config.PARTICIPANTS_MAX, pending: deps.config.LOBBY_PENDING_MAX, perLink: deps.config.PARTICIPANTS_PER_LINK_MAX };
  // The vote store is shared with the rounds (one per store), so a removal waits for a vote in flight.
  const removeVoice = createRemoval(deps.control, createVoteStore(deps.store));

  /** A seat's link opens the board as that seat: a delegate token naming the seat's participant. */
  const seatToken = (caller: FacilitationCaller, p: Participant): string =>
    deps.signer.sign(caller.workshop.id, Role.delegate, caller.workshop.generations.delegate, ttl, { p: p.id, c: p.city });
  const facilitatorView = (caller: FacilitationCaller, p: Participant): ParticipantView => ({
    ...viewOf(p),
    ...(p.via === ParticipantVia.seat && p.status === ParticipantStatus.confirmed ? { seatToken: seatToken(caller, p) } : {})
  });

  /** The facilitator and the participant `:pid` of their workshop (404 naming the field otherwise). */
  const target = async (c: Parameters<typeof callerOf>[1], action: string) => {
    const caller = await callerOf(deps, c);
    requireFacilitator(caller, action);
    const pid = c.req.param('pid') ?? '';
    const person = isValidId(pid) ? await deps.participants.get(pid) : null;
    if (!person || person.workshopId !== caller.workshop.id) throw new ApiError(404, 'pid: no such participant in this workshop', 'pid');
    return { caller, person, by: await callerName(deps, caller), at: new Date().toISOString() };
  };

  return new Hono()
    .get('/:id/participants', listPeople, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'see who registered');
      const everyone = await deps.participants.list(caller.workshop.id);
      return c.json({ participants: everyone.map((p) => facilitatorView(caller, p)) });
    })
    .post('/:id/seats', grantSeat, async (c) => {
      const caller = await callerOf(deps, c);
      requireFacilitator(caller, 'create seats');
      const body = await grantSeat.body(c);
      const city = matchCity(caller.workshop, body.city);
      if (!city) throw new ApiError(400, 'city: not a city of this workshop', 'city');
      try {
        const seat = await deps.participants.register(
          {
            workshopId: caller.workshop.id,
            name: body.name ?? city,
            city,
            role: Role.delegate,
            status: ParticipantStatus.confirmed,
            via: ParticipantVia.seat,
            link: 'seat',
            decidedBy: await callerName(deps, caller),
            decidedAt: new Date().toISOString()
          },
          limits
        );
        return c.json({ participant: facilitatorView(caller, seat), token: seatToken(caller, seat) }, 201);
      } catch (err) {
        if (err instanceof LimitReached) throw new ApiError(err.status, err.message);
        throw err;
      }
    })
    .post('/:id/participants/:pid/confirm', confirm, async (c) => {
      const { caller, person, by, at } = await target(c, 'confirm who speaks for a city');
      if (person.status === ParticipantStatus.confirmed) return c.json({ participant: facilitatorView(caller, person) });
      if (person.status !== ParticipantStatus.pending) throw new ApiError(409, `${person.name} was ${person.status}; they must register again`);
      const confirmed = await deps.participants.update(person.id, (p) =>
        p.status === ParticipantStatus.pending ? { ...p, status: ParticipantStatus.confirmed, decidedBy: by, decidedAt: at } : p
      );
      return c.json({ participant: facilitatorView(caller, confirmed!) });
    })
    .post('/:id/participants/:pid/reject', turnDown, async (c) => {
      const { caller, person, by, at } = await target(c, 'turn down a request');
      if (person.status === ParticipantStatus.rejected) return c.json({ participant: facilitatorView(caller, person) });
      if (person.status !== ParticipantStatus.pending) throw new ApiError(409, `${person.name} is ${person.status}, not waiting; remove them instead`);
      const rejected = await deps.participants.update(person.id, (p) =>
        p.status === ParticipantStatus.pending ? { ...p, status: ParticipantStatus.rejected, decidedBy: by, decidedAt: at } : p
      );
      return c.json({ participant: facilitatorView(caller, rejected!) });
    })
    .delete('/:id/participants/:pid', remove, async (c) => {
      const { caller, person, by, at } = await target(c, 'remove a participant');
      if (person.status === ParticipantStatus.removed || person.status === ParticipantStatus.rejected) {
        return c.json({ participant: facilitatorView(caller, person) });
      }
      // The record changes first: from here on their token votes and answers nowhere.
      await deps.participants.update(person.id, (p) => ({ ...p, status: ParticipantStatus.removed, decidedBy: by, decidedAt: at }));
      const withdrawn = await removeVoice(caller.workshop.id, person);
      const removed = await deps.participants.update(person.id, (p) => ({ ...p, withdrawn }));
      return c.json({ participant: facilitatorView(caller, removed!) });
    });
};
