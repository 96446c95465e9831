/**
 * What every facilitation action needs first: who is calling (workshop, role, personal claims),
 * the body parsed against its schema, and checks that name the reason when the role may not act.
 */
import type { Context } from 'hono';
import { Role } from '@plenary/shared/protocol';
import type { AppDeps } from '../../app.ts';
import type { Participants } from '../../facilitation/participants.ts';
import type { Rounds } from '../../facilitation/rounds.ts';
import type { Workshop } from '../../workshops/workshop.ts';
import { authorize, parseBody, requireFacilitator, type Caller } from '../caller.ts';
import { ApiError } from '../errors.ts';

export interface FacilitationDeps extends AppDeps {
  participants: Participants;
  rounds: Rounds;
}

export type { Caller };
export { parseBody, requireFacilitator };

/** The caller of a `/workshops/:id/...` action. */
export const callerOf = async ({ workshops, signer }: AppDeps, c: Context): Promise<Caller> =>
  authorize(signer, c, await workshops.get(c.req.param('id') ?? ''));

/** The participant a personal token speaks for; observers and role tokens are refused (403). */
export const requireParticipant = (caller: Caller, action: string): { participantId: string; city: string } => {
  if (caller.role === Role.observer) throw new ApiError(403, `an observer may not ${action}`);
  const { p, c } = caller.claims;
  if (!p || !c) throw new ApiError(403, `to ${action}, register a name and city first (POST /api/workshops/:id/participants) and use that personal token`);
  return { participantId: p, city: c };
};

/** 400 naming `field` unless `boardId` is a board of the workshop. */
export const requireBoard = (workshop: Workshop, boardId: string, field = 'boardId'): string => {
  if (!workshop.boards.some((b) => b.id === boardId)) throw new ApiError(400, `${field}: not a board of this workshop`, field);
  return boardId;
};

/** How the caller is named on what they write (a banner, a consent record). */
export const callerName = async ({ participants }: FacilitationDeps, caller: Caller): Promise<string> => {
  const person = caller.claims.p ? await participants.get(caller.claims.p) : null;
  return person?.name ?? caller.role;
};
