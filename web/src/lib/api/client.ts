/**
 * Typed calls to the Plenary HTTP API (docs: the server's http/ folder). Every call rejects with
 * an `ApiError` carrying the HTTP status (0 when the network is down) and, for 400s, the field
 * the server objected to.
 *
 * Public API
 *   createWorkshop(input, organizerKey?)  → CreatedWorkshop
 *   getWorkshop(workshopId, token)        → Workshop
 *   joinByCode(code)                      → JoinResult
 *   normalizeJoinCode(text)               'abc def' → 'ABC-DEF' (what a person types on a phone)
 *   ApiError
 */
import type {
  City,
  CreatedWorkshop,
  CreateWorkshopInput,
  JoinResult,
  Workshop
} from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer at all: offline, or the server is down. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const request = async <T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string; field?: string }) | null;
  if (!response.ok) throw new ApiError(response.status, body?.error ?? response.statusText, body?.field);
  if (body === null) throw new ApiError(response.status, 'empty response');
  return body;
};

export const createWorkshop = (input: CreateWorkshopInput, organizerKey?: string): Promise<CreatedWorkshop> =>
  request<CreatedWorkshop>('/api/workshops', {
    method: 'POST',
    body: JSON.stringify(input),
    token: organizerKey
  });

export const getWorkshop = (workshopId: string, token: string): Promise<Workshop> =>
  request<Workshop>(`/api/workshops/${encodeURIComponent(workshopId)}`, { token });

/** Letters and digits only, upper case, hyphenated in the middle the way the server prints it. */
export const normalizeJoinCode = (text: string): string => {
  const bare = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return bare.length === 6 ? `${bare.slice(0, 3)}-${bare.slice(3)}` : bare;
};

export const joinByCode = (code: string): Promise<JoinResult> =>
  request<JoinResult>(`/api/join/${encodeURIComponent(normalizeJoinCode(code))}`);

export type { City };
