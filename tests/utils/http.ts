/** Calls a real server's HTTP API as a token holder would: Bearer token, JSON body, parsed answer. */
import type { PlenaryServer } from './server.ts';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** `body` is sent as JSON, or as it is when it is a string (to send malformed JSON). */
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
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const res = await server.fetch(path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
};
