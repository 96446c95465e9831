/**
 * Follow-up links kept on this device, apart from the workshop's meeting tokens (session/tokens.ts):
 * a city's link or the outcomes link opens only the outcomes page, so it must never become the
 * token the boards use. The page takes `?token=` out of the address; the link opened last decides
 * whether the page reads as that follow-up link or with the workshop's own token.
 */
import { FOLLOW_UP_ROLES, type FollowUpClaims } from '@plenary/shared/follow-up';
import { peekClaims } from '@plenary/shared/protocol';
import { readJson, writeJson } from '$lib/session/storage.ts';
import { rememberToken, tokenFor } from '$lib/session';

interface Stored {
  token: string;
  /** False once a meeting link of the workshop was opened here after it. */
  active: boolean;
}

const key = (workshopId: string) => `plenary.follow-up.${workshopId}`;

/** The claims of a follow-up link's token, or null for any other token. */
export const followUpClaims = (token: string): FollowUpClaims | null => {
  const claims = peekClaims(token) as unknown as FollowUpClaims | null;
  return claims && (FOLLOW_UP_ROLES as readonly string[]).includes(claims.r) ? claims : null;
};

/** Stores the URL's token where it belongs; returns the URL without it, or null when there was none. */
export const takeOutcomesToken = (url: URL): URL | null => {
  const token = url.searchParams.get('token');
  if (token === null) return null;
  const claims = followUpClaims(token);
  if (claims) writeJson(key(claims.w), { token, active: true } satisfies Stored);
  else {
    const meeting = rememberToken(token);
    const stored = meeting ? readJson<Stored>(key(meeting.w)) : null;
    if (meeting && stored) writeJson(key(meeting.w), { ...stored, active: false } satisfies Stored);
  }
  const clean = new URL(url);
  clean.searchParams.delete('token');
  return clean;
};

/** The token the outcomes page reads with: the follow-up link opened last, else the workshop's own. */
export const outcomesTokenFor = (workshopId: string): string | null => {
  const stored = readJson<Stored>(key(workshopId));
  return stored?.active ? stored.token : (tokenFor(workshopId) ?? stored?.token ?? null);
};
