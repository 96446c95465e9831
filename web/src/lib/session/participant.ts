/**
 * Personal tokens: a delegate (or facilitator) who has said who they are registers that name and
 * city with the server (`POST /api/workshops/:id/participants`) and uses the personal token it
 * returns in place of the link's token — it opens the same things and also lets them vote and
 * answer for their city. Registered again whenever the name or city changes.
 *
 * Public API
 *   ensurePersonalToken(session)   registers if needed; resolves once the session holds the token
 */
import { peekClaims, Role } from '@plenary/shared/protocol';
import { ApiError } from '$lib/api';
import { readJson, writeJson } from './storage.ts';
import { rememberToken } from './tokens.ts';
import type { WorkshopSession } from './workshop-session.svelte.ts';

interface Registered {
  name: string;
  city: string;
  token: string;
}

const registeredKey = (workshopId: string): string => `plenary.participant.${workshopId}`;
const inFlight = new Map<string, Promise<void>>();

const register = async (workshopId: string, token: string, body: { name: string; city: string; lang: string }): Promise<string> => {
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : 'network error');
  }
  const json = (await response.json().catch(() => null)) as { token?: string; error?: string; field?: string } | null;
  if (!response.ok || !json?.token) throw new ApiError(response.status, json?.error ?? response.statusText, json?.field);
  return json.token;
};

/** Makes sure the session's token is a personal token for its identity (no-op for observers). */
export const ensurePersonalToken = (session: WorkshopSession): Promise<void> => {
  const { workshopId, token, identity } = session;
  if (!token || !identity || !identity.city) return Promise.resolve();
  const claims = peekClaims(token);
  if (!claims || claims.r === Role.observer) return Promise.resolve();
  const known = readJson<Registered>(registeredKey(workshopId));
  if (claims.p && known?.token === token && known.name === identity.name && known.city === identity.city) return Promise.resolve();
  const running = inFlight.get(workshopId);
  if (running) return running;
  const task = register(workshopId, token, { name: identity.name, city: identity.city, lang: identity.lang })
    .then((personal) => {
      rememberToken(personal);
      writeJson(registeredKey(workshopId), { name: identity.name, city: identity.city, token: personal } satisfies Registered);
      session.token = personal;
    })
    // Offline or refused (e.g. a city the server does not know): keep the link's token; editing
    // the board still works, voting and consent ask for a registered name.
    .catch(() => undefined)
    .finally(() => inFlight.delete(workshopId));
  inFlight.set(workshopId, task);
  return task;
};
