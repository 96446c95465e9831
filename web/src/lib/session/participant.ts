/**
 * Personal tokens and the city a person speaks for. A delegate (or facilitator) who has said who
 * they are registers that name and city with the server and uses the personal token it returns in
 * place of the link's token. A lobby registration waits (pending) until a facilitator confirms the
 * city; a seat link is already a personal token, confirmed, with the seat's name and city. Whoever
 * registers again with a personal token stays the same participant (one ballot).
 *
 * Public API
 *   ensurePersonalToken(session)   registers if needed; resolves once the session holds the token
 *   refreshParticipant(session)    reads the person's own record (status) into session.participant;
 *                                  a seat's name and city become the identity on this device
 *   PARTICIPANT_POLL_MS            how often a pending person's status is read again
 */
import { peekClaims, ParticipantVia, Role } from '@plenary/shared/protocol';
import { myParticipant, registerParticipant } from '$lib/api';
import { i18n } from '$lib/i18n';
import { keepParticipant } from './participant-cache.ts';
import { readJson, writeJson } from './storage.ts';
import { rememberToken } from './tokens.ts';
import type { WorkshopSession } from './workshop-session.svelte.ts';

/** A pending person learns within this time that a facilitator confirmed them. */
export const PARTICIPANT_POLL_MS = 3000;

interface Registered {
  name: string;
  city: string;
  token: string;
}

const registeredKey = (workshopId: string): string => `plenary.participant.${workshopId}`;
const inFlight = new Map<string, Promise<void>>();

/** Makes sure the session's token is a personal token for its identity (no-op for observers). */
export const ensurePersonalToken = (session: WorkshopSession): Promise<void> => {
  const { workshopId, token, identity } = session;
  if (!token || !identity?.city) return Promise.resolve();
  const claims = peekClaims(token);
  if (!claims || claims.r === Role.observer) return Promise.resolve();
  const known = readJson<Registered>(registeredKey(workshopId));
  if (claims.p && known?.token === token && known.name === identity.name && known.city === identity.city) return Promise.resolve();
  // A seat's city is the seat's: its holder may rename themselves, not move the seat.
  if (claims.p && session.participant?.via === ParticipantVia.seat && session.participant.city !== identity.city) return Promise.resolve();
  const running = inFlight.get(workshopId);
  if (running) return running;
  const task = registerParticipant(workshopId, token, { name: identity.name, city: identity.city, lang: identity.lang })
    .then((answer) => {
      // Another link was opened while this claim was on its way (a facilitator link on the same
      // device): that link's role stands, and this answer would turn the page back into the old one.
      if (session.token !== token) return;
      rememberToken(answer.token);
      writeJson(registeredKey(workshopId), { name: identity.name, city: identity.city, token: answer.token } satisfies Registered);
      session.participant = answer.participant;
      session.token = answer.token;
      keepParticipant(workshopId, answer.token, answer.participant);
    })
    // Offline or refused (a full lobby, a city the server does not know): keep the token; editing
    // the board still works, and voting and consent say why they are not open yet.
    .catch(() => undefined)
    .finally(() => inFlight.delete(workshopId));
  inFlight.set(workshopId, task);
  return task;
};

/** Reads the person's own record; a seat link names them (no "who are you" step). */
export const refreshParticipant = async (session: WorkshopSession): Promise<void> => {
  const token = session.token;
  if (!token || !peekClaims(token)?.p) return;
  try {
    const participant = await myParticipant(session.workshopId, token);
    if (session.token !== token) return;
    session.participant = participant;
    keepParticipant(session.workshopId, token, participant);
    if (participant?.via === ParticipantVia.seat && (!session.identity || session.identity.city !== participant.city)) {
      const identity = session.setIdentity({ name: participant.name, city: participant.city, lang: session.identity?.lang ?? i18n.locale });
      writeJson(registeredKey(session.workshopId), { name: identity.name, city: identity.city, token } satisfies Registered);
    }
  } catch {
    // Offline: the status is read again on the next poll or visit.
  } finally {
    session.participantChecked = true;
  }
};
