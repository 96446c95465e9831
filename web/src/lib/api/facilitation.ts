/**
 * The facilitation HTTP actions (docs: the facilitation contract): what a facilitator controls
 * and what a delegate records (votes, consent). The server enforces every role; these calls only
 * carry the person's token. Each rejects with an `ApiError` (client.ts).
 */
import type { AgendaSession, ConsentAnswer, ConsentScope, Round, Timer, TimerAction } from '@plenary/shared/control';
import type { Lane } from '@plenary/shared/schema';
import type { Role } from '@plenary/shared/protocol';
import type { MyVotes, RoleTokens } from '@plenary/shared/api';
import { call } from './client.ts';

const base = (workshopId: string): string => `/api/workshops/${encodeURIComponent(workshopId)}`;

/** Every action of one workshop, for one token. */
export const facilitationApi = (workshopId: string, token: string) => {
  const w = base(workshopId);
  const send = <T = unknown>(path: string, method = 'GET', body?: unknown): Promise<T> => call<T>(path, { method, token, body });
  return {
    setBanner: (text: string, boardId?: string) => send(`${w}/banner`, 'PUT', { text, ...(boardId ? { boardId } : {}) }),
    clearBanner: (boardId?: string) => send(`${w}/banner${boardId ? `?boardId=${encodeURIComponent(boardId)}` : ''}`, 'DELETE'),
    timer: (action: TimerAction, options: { boardId?: string; durationMs?: number; addMs?: number; sound?: boolean } = {}) =>
      send<{ timer: Timer }>(`${w}/timers`, 'POST', { action, ...options }),
    setAgenda: (sessions: Array<Omit<AgendaSession, 'id'> & { id?: string }>) => send<{ sessions: AgendaSession[] }>(`${w}/agenda`, 'PUT', { sessions }),
    lock: (boardId: string, locked: boolean) => send(`${w}/locks/${encodeURIComponent(boardId)}`, 'PUT', { locked }),
    lockMany: (boardIds: string[], locked: boolean) => send(`${w}/locks`, 'POST', { boardIds, locked }),
    follow: (boardId: string, lane?: Lane, cardId?: string) =>
      send(`${w}/follow`, 'PUT', { boardId, ...(lane ? { lane } : {}), ...(cardId ? { cardId } : {}) }),
    stopFollow: () => send(`${w}/follow`, 'DELETE'),
    reissue: (role: Role) => send<{ tokens: RoleTokens; joinCode: string }>(`${w}/links/reissue`, 'POST', { role }),
    openRound: (boardId: string, lane: Lane, votesPerDelegate: number, oneCityOneVoice: boolean) =>
      send<{ round: Round }>(`${w}/rounds`, 'POST', { boardId, lane, votesPerDelegate, oneCityOneVoice }),
    closeRound: (roundId: string) => send(`${w}/rounds/${encodeURIComponent(roundId)}/close`, 'POST'),
    revealRound: (roundId: string) => send<{ tallies: Record<string, number> }>(`${w}/rounds/${encodeURIComponent(roundId)}/reveal`, 'POST'),
    myVotes: (roundId: string) => send<MyVotes>(`${w}/rounds/${encodeURIComponent(roundId)}/votes/mine`),
    vote: (roundId: string, cardId: string) => send<MyVotes>(`${w}/rounds/${encodeURIComponent(roundId)}/votes`, 'POST', { cardId }),
    unvote: (roundId: string, cardId: string) => send<MyVotes>(`${w}/rounds/${encodeURIComponent(roundId)}/votes/${encodeURIComponent(cardId)}`, 'DELETE'),
    /** `city`: a facilitator recording a city's answer on its behalf (a delegate answers for their own). */
    consent: (boardId: string, actionId: string, answer: ConsentAnswer, note?: string, city?: string) =>
      send(`${w}/consent`, 'PUT', { boardId, actionId, answer, ...(note ? { note } : {}), ...(city ? { city } : {}) }),
    /** Facilitators: whose consent every action needs (docs/FACILITATION.md, "The agreement rule"). */
    consentScope: (scope: ConsentScope) => send<{ scope: ConsentScope }>(`${w}/consent-scope`, 'PUT', { scope })
  };
};

export type FacilitationApi = ReturnType<typeof facilitationApi>;

/** The server's clock now (epoch ms). Needs no token. */
export const fetchServerTime = async (): Promise<number> => (await call<{ now: number }>('/api/time', { cache: 'no-store' })).now;
