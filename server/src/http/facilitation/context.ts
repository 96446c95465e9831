/**
 * What every facilitation action needs first: who is calling (workshop, role, personal claims) and
 * checks that name the reason when the role may not act. Bodies are read through each route's
 * description (../openapi/describe.ts).
 */
import type { Context } from 'hono';
import { ParticipantStatus, Role } from '@plenary/shared/protocol';
import type { Participant } from '../../facilitation/participants.ts';
import type { AppDeps } from '../deps.ts';
import type { Workshop } from '../../workshops/workshop.ts';
import { authorize, requireFacilitator, type Caller } from '../caller.ts';
import { ApiError } from '../errors.ts';

/** Every service, built once at start-up (http/deps.ts). */
export type FacilitationDeps = AppDeps;

export type { Caller };
export { requireFacilitator };

/** A caller, with the participant record their personal token names (null without one). */
export interface FacilitationCaller extends Caller {
  participant: Participant | null;
}

/**
 * The caller of a `/workshops/:id/...` action. A personal token's participant is read from the
 * store: a confirmation or removal counts, not what the token once said. Every change (a vote, a
 * consent answer) reads it fresh, so a removal on another instance holds from the next request;
 * reads may use a record a second old.
 */
export const callerOf = async ({ workshops, signer, participants }: AppDeps, c: Context): Promise<FacilitationCaller> => {
  const caller = authorize(signer, c, await workshops.get(c.req.param('id') ?? ''));
  const record = caller.claims.p ? await participants.get(caller.claims.p, { fresh: c.req.method !== 'GET' }) : null;
  return { ...caller, participant: record && record.workshopId === caller.workshop.id ? record : null };
};

/**
 * The participant who may speak for a city: a confirmed one (a seat, a lobby request a facilitator
 * confirmed, or a facilitator who registered). Everyone else is refused (403) with the reason.
 */
export const requireParticipant = (caller: FacilitationCaller, action: string): { participantId: string; city: string } => {
  if (caller.role === Role.observer) throw new ApiError(403, `an observer may not ${action}`);
  const person = caller.participant;
  if (!caller.claims.p || !person) {
    throw new ApiError(
      403,
      `to ${action}, a facilitator must confirm the city you speak for: open the seat link a facilitator gave you, or register your name and city (POST /api/workshops/:id/participants) and wait for a facilitator to confirm it`
    );
  }
  if (person.status === ParticipantStatus.pending) {
    throw new ApiError(403, `you may not ${action} yet: a facilitator has not confirmed that you speak for ${person.city}`);
  }
  if (person.status === ParticipantStatus.rejected)
    throw new ApiError(403, `you may not ${action}: a facilitator did not confirm that you speak for ${person.city}`);
  if (person.status === ParticipantStatus.removed) throw new ApiError(403, `you may not ${action}: a facilitator removed you from this workshop`);
  return { participantId: person.id, city: person.city };
};

/** 400 naming `field` unless `boardId` is a board of the workshop. */
export const requireBoard = (workshop: Workshop, boardId: string, field = 'boardId'): string => {
  if (!workshop.boards.some((b) => b.id === boardId)) throw new ApiError(400, `${field}: not a board of this workshop`, field);
  return boardId;
};

/** How the caller is named on what they write (a banner, a consent record). */
export const callerName = async (_deps: FacilitationDeps, caller: FacilitationCaller): Promise<string> => caller.participant?.name ?? caller.role;
