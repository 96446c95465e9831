/**
 * Who is calling, and what they sent: one place for every HTTP resource.
 *   401 — the token does not open this workshop: none, forged, expired, revoked, of another
 *         workshop — or the id names no workshop or board. All answer the same (auth/access.ts
 *         NO_ACCESS), so ids cannot be probed.
 *   400 — a body that is not JSON or does not match its schema, naming the field
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Role, TokenClaims } from '@plenary/shared/protocol';
import { NO_ACCESS, checkAccess, tokenFrom } from '../auth/access.ts';
import type { TokenSigner } from '../auth/tokens.ts';
import type { Workshop } from '../workshops/workshop.ts';
import { ApiError, badRequest } from './errors.ts';

export interface Caller {
  workshop: Workshop;
  role: Role;
  claims: TokenClaims;
}

/** The caller of a request about `workshop` (null when the id named no workshop). */
export const authorize = (signer: TokenSigner, c: Context, workshop: Workshop | null): Caller => {
  const access = checkAccess(signer, tokenFrom(c.req.header('authorization'), new URL(c.req.url)), workshop);
  if (!access.ok || !workshop) throw new ApiError(NO_ACCESS.status, NO_ACCESS.reason, 'token');
  return { workshop, role: access.role, claims: access.claims };
};

/** Refuses (403) anyone but a facilitator, naming what they tried. */
export const requireFacilitator = (caller: Pick<Caller, 'role'>, action: string): void => {
  if (caller.role !== 'facilitator') throw new ApiError(403, `only a facilitator may ${action}`);
};

/** The JSON body parsed with `schema`; 400 naming the first bad field. */
export const parseBody = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'body: malformed JSON', 'body');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badRequest(parsed.error.issues);
  return parsed.data;
};
