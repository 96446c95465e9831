/**
 * Workshops and joining (server/src/http/workshops.ts, join.ts). Every call rejects with an `ApiError`.
 *
 * Public API
 *   createWorkshop(input, organizerKey?)  → CreatedWorkshop
 *   getWorkshop(workshopId, token)        → Workshop
 *   joinByCode(code)                      → JoinResult
 *   setThemeNames(workshopId, boardId, names, token)  → BoardRef (facilitators: a theme's names by language; '' removes one)
 *   normalizeJoinCode(text)               'abc def' → 'ABC-DEF' (what a person types on a phone)
 */
import type { BoardRef, CreatedWorkshop, CreateWorkshopInput, JoinResult, Workshop } from '@plenary/shared/api';
import { call } from './client.ts';

export const createWorkshop = (input: CreateWorkshopInput, organizerKey?: string): Promise<CreatedWorkshop> =>
  call<CreatedWorkshop>('/api/workshops', { method: 'POST', body: input, token: organizerKey });

export const getWorkshop = (workshopId: string, token: string): Promise<Workshop> =>
  call<Workshop>(`/api/workshops/${encodeURIComponent(workshopId)}`, { token });

/** Letters and digits only, upper case, hyphenated in the middle the way the server prints it. */
export const normalizeJoinCode = (text: string): string => {
  const bare = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 6 ? `${bare.slice(0, 3)}-${bare.slice(3)}` : bare;
};

export const joinByCode = (code: string): Promise<JoinResult> => call<JoinResult>(`/api/join/${encodeURIComponent(normalizeJoinCode(code))}`);

export const setThemeNames = async (workshopId: string, boardId: string, names: Record<string, string>, token: string): Promise<BoardRef> =>
  (
    await call<{ board: BoardRef }>(`/api/workshops/${encodeURIComponent(workshopId)}/boards/${encodeURIComponent(boardId)}/names`, {
      method: 'PUT',
      body: { names },
      token
    })
  ).board;
