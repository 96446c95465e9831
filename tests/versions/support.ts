/** Calls to the versions API of a real server, as a token holder would make them. */
import type { PlenaryServer } from '../utils/server.ts';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export const call = async <T = Record<string, unknown>>(
  server: PlenaryServer,
  method: string,
  path: string,
  token: string | null,
  body?: unknown
): Promise<Answer<T>> => {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await server.fetch(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
};
