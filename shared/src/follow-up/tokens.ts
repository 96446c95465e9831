/**
 * Claims of follow-up links (same format and signature as the workshop's tokens,
 * docs/PROTOCOL.md; the role is a follow-up role, never a meeting role).
 */
import type { FollowUpRole } from './constants.ts';

export interface FollowUpClaims {
  v: 1;
  /** Workshop id. */
  w: string;
  r: FollowUpRole;
  /** Expiry, seconds since the Unix epoch. */
  exp: number;
  /** Generation of this link (the city's, or the outcomes link's); re-issuing bumps it. */
  g: number;
  /** City links: the city (English name, the workshop's spelling). */
  c?: string;
}
