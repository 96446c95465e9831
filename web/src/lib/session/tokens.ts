/**
 * Access tokens, kept per workshop on this device. A link carries `?token=`; the app stores it,
 * takes it out of the address bar, and from then on finds it here. A device may hold several
 * roles for one workshop (a facilitator trying the invite link); the link opened last decides
 * which one is used.
 *
 * Public API
 *   rememberToken(token)            store a token (its claims say which workshop and role) → claims | null
 *   tokenFor(workshopId)            the active token for a workshop, or null
 *   roleFor(workshopId)             the active role, or null
 *   tokensFor(workshopId)           every stored token of the workshop by role
 *   takeTokenFromUrl(url)           stores `?token=` if present; returns the URL without it (or null)
 *   forgetWorkshop(workshopId)      remove tokens of a workshop
 */
import { peekClaims, type Role, type TokenClaims } from '@plenary/shared/protocol';
import { readJson, removeKey, writeJson } from './storage.ts';

interface StoredTokens {
  active: Role;
  byRole: Partial<Record<Role, string>>;
}

const tokensKey = (workshopId: string): string => `plenary.tokens.${workshopId}`;

export const rememberToken = (token: string): TokenClaims | null => {
  const claims = peekClaims(token);
  if (!claims) return null;
  const stored = readJson<StoredTokens>(tokensKey(claims.w));
  writeJson(tokensKey(claims.w), { active: claims.r, byRole: { ...stored?.byRole, [claims.r]: token } });
  return claims;
};

export const tokensFor = (workshopId: string): Partial<Record<Role, string>> => readJson<StoredTokens>(tokensKey(workshopId))?.byRole ?? {};

export const tokenFor = (workshopId: string): string | null => {
  const stored = readJson<StoredTokens>(tokensKey(workshopId));
  return stored?.byRole?.[stored.active] ?? null;
};

export const roleFor = (workshopId: string): Role | null => {
  const token = tokenFor(workshopId);
  return token ? (peekClaims(token)?.r ?? null) : null;
};

/** Stores the URL's token and returns the same URL without it, or null when there was none. */
export const takeTokenFromUrl = (url: URL): URL | null => {
  const token = url.searchParams.get('token');
  if (token === null) return null;
  rememberToken(token);
  const clean = new URL(url);
  clean.searchParams.delete('token');
  return clean;
};

export const forgetWorkshop = (workshopId: string): void => removeKey(tokensKey(workshopId));
