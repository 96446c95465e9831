/**
 * A person's own registration:
 *   POST /workshops/:id/participants — with the shared delegate link: a lobby request (pending until
 *     a facilitator confirms the city); with a facilitator's link: confirmed at once; with a
 *     personal token (a seat link, or someone registering again): the SAME participant, renamed —
 *     never a second one, so a second tab or device shares one ballot.
 *   GET /workshops/:id/participants/me — the caller's own record (its status turns to confirmed).
 * Facilitators manage everyone in people.ts.
 */
import { Hono } from 'hono';
import { participantBody } from '@plenary/shared/control/schemas';
import { ParticipantStatus, ParticipantVia, Role, type Registration } from '@plenary/shared/protocol';
import { LimitReached, matchCity, viewOf, type Participant } from '../../facilitation/participants.ts';
import { ApiError } from '../errors.ts';
import { Callers, describeRoute } from '../openapi/describe.ts';
import { callerOf, type FacilitationCaller, type FacilitationDeps } from './context.ts';

const register = describeRoute({
  tag: 'participants',
  summary: 'Register a name and the city one speaks for',
  description:
    "With the shared delegate link: a request a facilitator confirms or turns down. With a facilitator's link: confirmed at once. With a personal token: the same participant, renamed. Answers the personal token, needed to vote and to answer for a city.",
  callers: Callers.token,
  body: participantBody,
  answers: { 200: 'The same participant, registered again: `{ participantId, token, participant }`.', 201: '`{ participantId, token, participant }`.' },
  errors: {
    400: '`city` is not a city of this workshop.',
    403: 'An observer link; a personal link naming nobody; someone a facilitator removed or turned down.',
    409: 'A confirmed participant names another city; the workshop already has as many participants as it may.',
    429: 'Too many registrations from this address; too many requests waiting in the lobby; this shared link was used for as many registrations as it may.'
  }
});

const me = describeRoute({
  tag: 'participants',
  summary: "The caller's own registration",
  callers: Callers.token,
  answers: { 200: '`{ participant }`: null without a personal token.' }
});

/** Someone a facilitator turned down or removed cannot register their way back in. */
export const refuseClosed = (person: Participant): void => {
  if (person.status === ParticipantStatus.removed) throw new ApiError(403, 'a facilitator removed you from this workshop');
  if (person.status === ParticipantStatus.rejected) throw new ApiError(403, `a facilitator did not confirm that you speak for ${person.city}`);
};

export const participantRoutes = (deps: FacilitationDeps) => {
  const ttl = deps.config.TOKEN_TTL_DAYS * 86_400;
  const limits = {
    total: deps.config.PARTICIPANTS_MAX,
    pending: deps.config.LOBBY_PENDING_MAX,
    perLink: deps.config.PARTICIPANTS_PER_LINK_MAX
  };
  /** A personal token: same role and generation as the link it came from, so re-issuing that link revokes it too. */
  const personalToken = (caller: FacilitationCaller, person: Participant): string =>
    deps.signer.sign(caller.workshop.id, person.role, caller.workshop.generations[person.role], ttl, { p: person.id, c: person.city });
  const answer = (caller: FacilitationCaller, person: Participant): Registration => ({
    participantId: person.id,
    token: personalToken(caller, person),
    participant: viewOf(person)
  });

  /** The caller registers again: rename them; a city change is a new claim only while pending. */
  const reRegister = async (_caller: FacilitationCaller, person: Participant, name: string, city: string, lang?: string) => {
    refuseClosed(person);
    if (person.city !== city && person.status !== ParticipantStatus.pending) {
      throw new ApiError(409, `city: a facilitator confirmed you for ${person.city}; ask a facilitator to change it`, 'city');
    }
    const updated = await deps.participants.update(person.id, (p) => ({ ...p, name, city, ...(lang ? { lang } : {}) }));
    if (!updated) throw new ApiError(403, 'this personal link names nobody in this workshop');
    return updated;
  };

  return new Hono()
    .post('/:id/participants', register, async (c) => {
      const caller = await callerOf(deps, c);
      if (caller.role === Role.observer) throw new ApiError(403, 'an observer link cannot register a participant; use the delegate link');
      const body = await register.body(c);
      const city = matchCity(caller.workshop, body.city);
      if (!city) throw new ApiError(400, 'city: not a city of this workshop', 'city');
      if (caller.claims.p) {
        if (!caller.participant) throw new ApiError(403, 'this personal link names nobody in this workshop');
        return c.json(answer(caller, await reRegister(caller, caller.participant, body.name, city, body.lang)), 200);
      }
      const { workshop, role } = caller;
      const facilitator = role === Role.facilitator;
      const now = new Date().toISOString();
      try {
        const person = await deps.participants.register(
          {
            workshopId: workshop.id,
            name: body.name,
            city,
            role,
            ...(body.lang ? { lang: body.lang } : {}),
            // A facilitator speaks for the city they name; anyone else asks and waits.
            status: facilitator ? ParticipantStatus.confirmed : ParticipantStatus.pending,
            via: facilitator ? ParticipantVia.facilitator : ParticipantVia.lobby,
            link: `${role}:${workshop.generations[role]}`,
            ...(facilitator ? { decidedBy: body.name, decidedAt: now } : {})
          },
          limits
        );
        return c.json(answer(caller, person), 201);
      } catch (err) {
        if (err instanceof LimitReached) throw new ApiError(err.status, err.message);
        throw err;
      }
    })
    .get('/:id/participants/me', me, async (c) => {
      const caller = await callerOf(deps, c);
      return c.json({ participant: caller.participant ? viewOf(caller.participant) : null });
    });
};
