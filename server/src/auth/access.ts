/**
 * One decision for HTTP requests and WebSocket upgrades alike: does this token open this workshop?
 * Every refusal answers the same (401, NO_ACCESS): no token, a forged, malformed, expired or
 * revoked one, a token of another workshop — and, from the callers, an id that names no workshop
 * or board. Nobody can tell an existing workshop from an unknown id by the answer. `detail` says
 * which it was, for the server's log only.
 */
import type { Role, TokenClaims } from '@plenary/shared/protocol';
import type { Workshop } from '../workshops/workshop.ts';
import type { TokenSigner } from './tokens.ts';

/** The one answer to a token that does not open what was asked (or an id that names nothing). */
export const NO_ACCESS = { status: 401, reason: 'token: does not open this workshop' } as const;

export type Access =
  | { ok: true; role: Role; workshopId: string; generation: number; claims: TokenClaims }
  | { ok: false; status: typeof NO_ACCESS.status; reason: typeof NO_ACCESS.reason; detail: string };

const refused = (detail: string): Access => ({ ok: false, ...NO_ACCESS, detail });

export const checkAccess = (signer: TokenSigner, token: string | null | undefined, workshop: Workshop | null): Access => {
  if (!workshop) return refused('unknown workshop or board');
  const check = signer.verify(token);
  if (!check.ok) return refused(`token ${check.reason}`);
  const { claims } = check;
  if (claims.w !== workshop.id) return refused('token is for another workshop');
  if (claims.g !== workshop.generations[claims.r]) return refused('token revoked');
  return { ok: true, role: claims.r, workshopId: workshop.id, generation: claims.g, claims };
};

/** The token of a request: `Authorization: Bearer <token>` first, else `?token=`. */
export const tokenFrom = (authorization: string | undefined | null, url: URL): string | null => {
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  return bearer ?? url.searchParams.get('token');
};
