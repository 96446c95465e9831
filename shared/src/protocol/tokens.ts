/**
 * Access tokens. A token is `<payload>.<signature>`, both base64url:
 *   payload   = JSON of TokenClaims
 *   signature = HMAC-SHA256(SECRET, payload) — made and checked on the server only.
 * The web app reads the claims (role, workshop) to choose what to show; it never trusts them
 * for anything the server enforces.
 */
export const Role = {
  facilitator: 'facilitator',
  delegate: 'delegate',
  observer: 'observer'
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = [Role.facilitator, Role.delegate, Role.observer];

export interface TokenClaims {
  /** Token format version. */
  v: 1;
  /** Workshop id the token opens. */
  w: string;
  /** Role granted. */
  r: Role;
  /** Expiry, seconds since the Unix epoch. */
  exp: number;
  /** Generation of this role's links in the workshop; re-issuing links bumps it (revocation). */
  g: number;
  /** Personal tokens only: the participant id a delegate registered as. */
  p?: string;
  /** Personal tokens only: the city (its English name) the participant speaks for. */
  c?: string;
}

/** Ids of workshops and boards: URL- and Redis-key-safe. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isValidId = (id: string): boolean => ID_PATTERN.test(id);

/** Reads a token's claims without checking the signature (for display only). */
export const peekClaims = (token: string): TokenClaims | null => {
  const [payload] = token.split('.');
  if (!payload) return null;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as TokenClaims;
    return claims && typeof claims.w === 'string' && typeof claims.r === 'string' ? claims : null;
  } catch {
    return null;
  }
};

/**
 * Each workshop has one control document (timers, banner, agenda, locks, votes, consent), written
 * only by the server. Its name cannot collide with a board id: generated ids have no underscore.
 */
export const CONTROL_DOC_PREFIX = 'ctl_';
export const controlDocName = (workshopId: string): string => `${CONTROL_DOC_PREFIX}${workshopId}`;
/** The workshop id of a control document's name, or null for a board id. */
export const workshopOfControlDoc = (name: string): string | null => (name.startsWith(CONTROL_DOC_PREFIX) ? name.slice(CONTROL_DOC_PREFIX.length) : null);
