/**
 * The person's own record as last read from the server, kept with the token it was read for, so a
 * returning page shows "waiting for confirmation" (or the open ballot of a confirmed city) at its
 * first paint. Read from the server at the first idle moment, the notice used to arrive after the
 * board and push it down by its own height while the person was about to tap a card. The server
 * decides what the person may do; this copy only draws the page until the fresh record comes.
 */
import type { ParticipantView } from '@plenary/shared/protocol';
import { readJson, writeJson } from './storage.ts';

interface Known {
  token: string;
  participant: ParticipantView | null;
}

const cacheKey = (workshopId: string): string => `plenary.participant-record.${workshopId}`;

/** The record last read with this token, or null (none, or read for another token). */
export const knownParticipant = (workshopId: string, token: string | null): ParticipantView | null => {
  if (!token) return null;
  const known = readJson<Known>(cacheKey(workshopId));
  return known?.token === token ? known.participant : null;
};

export const keepParticipant = (workshopId: string, token: string, participant: ParticipantView | null): void =>
  writeJson(cacheKey(workshopId), { token, participant } satisfies Known);
