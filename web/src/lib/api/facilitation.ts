/**
 * The facilitation HTTP actions (docs: the facilitation contract): what a facilitator controls
 * and what a delegate records (votes, consent). The server enforces every role; these calls only
 * carry the person's token. Each rejects with an `ApiError` (status, message, field).
 */
import type { AgendaSession, ConsentAnswer, Round, Timer, TimerAction } from '@plenary/shared/control';
import type { Lane } from '@plenary/shared/schema';
import type { Role } from '@plenary/shared/protocol';
import { ApiError, type RoleTokens } from '$lib/api';

const call = async <T>(token: string, path: string, method = 'GET', body?: unknown): Promise<T> => {
  const headers = new Headers({ authorization: `Bearer ${token}` });
  if (body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }
  const json = (await response.json().catch(() => null)) as (T & { error?: string; field?: string }) | null;
  if (!response.ok) throw new ApiError(response.status, json?.error ?? response.statusText, json?.field);
  if (json === null) throw new ApiError(response.status, 'empty response');
  return json;
};

const base = (workshopId: string): string => `/api/workshops/${encodeURIComponent(workshopId)}`;

export interface MyVotes {
  votes: string[];
  left: number;
}

/** Every action of one workshop, for one token. */
export const facilitationApi = (workshopId: string, token: string) => {
  const w = base(workshopId);
  return {
    setBanner: (text: string, boardId?: string) => call(token, `${w}/banner`, 'PUT', { text, ...(boardId ? { boardId } : {}) }),
    clearBanner: (boardId?: string) => call(token, `${w}/banner${boardId ? `?boardId=${encodeURIComponent(boardId)}` : ''}`, 'DELETE'),
    timer: (action: TimerAction, options: { boardId?: string; durationMs?: number; addMs?: number; sound?: boolean } = {}) =>
      call<{ timer: Timer }>(token, `${w}/timers`, 'POST', { action, ...options }),
    setAgenda: (sessions: Array<Omit<AgendaSession, 'id'> & { id?: string }>) => call<{ sessions: AgendaSession[] }>(token, `${w}/agenda`, 'PUT', { sessions }),
    lock: (boardId: string, locked: boolean) => call(token, `${w}/locks/${encodeURIComponent(boardId)}`, 'PUT', { locked }),
    lockMany: (boardIds: string[], locked: boolean) => call(token, `${w}/locks`, 'POST', { boardIds, locked }),
    follow: (boardId: string, lane?: Lane, cardId?: string) =>
      call(token, `${w}/follow`, 'PUT', { boardId, ...(lane ? { lane } : {}), ...(cardId ? { cardId } : {}) }),
    stopFollow: () => call(token, `${w}/follow`, 'DELETE'),
    reissue: (role: Role) => call<{ tokens: RoleTokens; joinCode: string }>(token, `${w}/links/reissue`, 'POST', { role }),
    openRound: (boardId: string, lane: Lane, votesPerDelegate: number, oneCityOneVoice: boolean) =>
      call<{ round: Round }>(token, `${w}/rounds`, 'POST', { boardId, lane, votesPerDelegate, oneCityOneVoice }),
    closeRound: (roundId: string) => call(token, `${w}/rounds/${encodeURIComponent(roundId)}/close`, 'POST'),
    revealRound: (roundId: string) => call<{ tallies: Record<string, number> }>(token, `${w}/rounds/${encodeURIComponent(roundId)}/reveal`, 'POST'),
    myVotes: (roundId: string) => call<MyVotes>(token, `${w}/rounds/${encodeURIComponent(roundId)}/votes/mine`),
    vote: (roundId: string, cardId: string) => call<MyVotes>(token, `${w}/rounds/${encodeURIComponent(roundId)}/votes`, 'POST', { cardId }),
    unvote: (roundId: string, cardId: string) =>
      call<MyVotes>(token, `${w}/rounds/${encodeURIComponent(roundId)}/votes/${encodeURIComponent(cardId)}`, 'DELETE'),
    /** `city`: a facilitator recording a city's answer on its behalf (a delegate answers for their own). */
    consent: (boardId: string, actionId: string, answer: ConsentAnswer, note?: string, city?: string) =>
      call(token, `${w}/consent`, 'PUT', { boardId, actionId, answer, ...(note ? { note } : {}), ...(city ? { city } : {}) })
  };
};

export type FacilitationApi = ReturnType<typeof facilitationApi>;

/** The server's clock now (epoch ms). Needs no token. */
export const fetchServerTime = async (): Promise<number> => {
  const response = await fetch('/api/time', { cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, response.statusText);
  return ((await response.json()) as { now: number }).now;
};
