/**
 * One decision for HTTP requests and WebSocket upgrades alike: does this token open this workshop?
 *   401 — no token, or one that is forged, malformed, expired or revoked (re-issued links)
 *   403 — a valid token of another workshop
 */
import type { Role, TokenClaims } from '@plenary/shared/protocol';
import type { Workshop } from '../workshops/workshop.ts';
import type { TokenSigner } from './tokens.ts';

export type Access =
  | { ok: true; role: Role; workshopId: string; generation: number; claims: TokenClaims }
  | { ok: false; status: 401 | 403; reason: string };

export const checkAccess = (signer: TokenSigner, token: string | null | undefined, workshop: Workshop): Access => {
  const check = signer.verify(token);
  if (!check.ok) return { ok: false, status: 401, reason: `token ${check.reason}` };
  const { claims } = check;
  if (claims.w !== workshop.id) return { ok: false, status: 403, reason: 'token is for another workshop' };
  if (claims.g !== workshop.generations[claims.r]) return { ok: false, status: 401, reason: 'token revoked' };
  return { ok: true, role: claims.r, workshopId: workshop.id, generation: claims.g, claims };
};

/** The token of a request: `Authorization: Bearer <token>` first, else `?token=`. */
export const tokenFrom = (authorization: string | undefined | null, url: URL): string | null => {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? url.searchParams.get('token');
};
