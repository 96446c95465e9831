/**
 * Who speaks for a city (docs/FACILITATION.md, "Identity and confirmation"): a person registers
 * (a lobby request, or again through their seat link) and reads their own status; a facilitator
 * lists everyone, creates seats, confirms or rejects requests and removes people. The server
 * decides every rule; these calls carry the token. Each rejects with an `ApiError` (client.ts).
 */
import type { ParticipantView, Registration } from '@plenary/shared/protocol';
import { call } from './client.ts';

const base = (workshopId: string): string => `/api/workshops/${encodeURIComponent(workshopId)}`;

/** Registers (or re-registers: the same person, when `token` is already a personal one). */
export const registerParticipant = (workshopId: string, token: string, body: { name: string; city: string; lang?: string }): Promise<Registration> =>
  call<Registration>(`${base(workshopId)}/participants`, { method: 'POST', token, body });

/** The caller's own record (null for a link that is not a personal one). */
export const myParticipant = async (workshopId: string, token: string): Promise<ParticipantView | null> =>
  (await call<{ participant: ParticipantView | null }>(`${base(workshopId)}/participants/me`, { token, cache: 'no-store' })).participant;

/** A facilitator's calls about everyone of one workshop. */
export const peopleApi = (workshopId: string, token: string) => {
  const w = base(workshopId);
  const person = (id: string) => `${w}/participants/${encodeURIComponent(id)}`;
  return {
    list: async (): Promise<ParticipantView[]> =>
      (await call<{ participants: ParticipantView[] }>(`${w}/participants`, { token, cache: 'no-store' })).participants,
    createSeat: (city: string, name?: string) =>
      call<{ participant: ParticipantView; token: string }>(`${w}/seats`, { method: 'POST', token, body: { city, ...(name ? { name } : {}) } }),
    confirm: (id: string) => call<{ participant: ParticipantView }>(`${person(id)}/confirm`, { method: 'POST', token }),
    reject: (id: string) => call<{ participant: ParticipantView }>(`${person(id)}/reject`, { method: 'POST', token }),
    remove: (id: string) => call<{ participant: ParticipantView }>(person(id), { method: 'DELETE', token })
  };
};
export type PeopleApi = ReturnType<typeof peopleApi>;
