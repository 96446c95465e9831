/**
 * Signed access tokens (format in docs/PROTOCOL.md): `<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`.
 *
 * Tokens are signed with the current secret and accepted when signed with it or with a previous
 * secret whose grace period has not ended (a rotated secret: links already handed out keep
 * working until then; auth/secret.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { FOLLOW_UP_ROLES, type FollowUpClaims } from '@plenary/shared/follow-up';
import { ROLES, type Role, type TokenClaims } from '@plenary/shared/protocol';

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export type FollowUpTokenCheck = { ok: true; claims: FollowUpClaims } | { ok: false; reason: Extract<TokenCheck, { ok: false }>['reason'] };

export interface TokenSigner {
  sign(workshopId: string, role: Role, generation: number, ttlSeconds: number, personal?: { p: string; c: string }): string;
  /** A meeting token (facilitator, delegate, observer); a follow-up link's token is `malformed` here. */
  verify(token: string | undefined | null, nowSeconds?: number): TokenCheck;
  /** A follow-up link (follow-up/links.ts): same format and secrets, a follow-up role. */
  signFollowUp(claims: Omit<FollowUpClaims, 'v' | 'exp'>, ttlSeconds: number): string;
  /** A follow-up link's token; a meeting token is `malformed` here. */
  verifyFollowUp(token: string | undefined | null, nowSeconds?: number): FollowUpTokenCheck;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

/** The secrets in use: one signs, the previous ones are still accepted until their end. */
export interface SigningSecrets {
  current: string;
  previous: { secret: string /** Epoch milliseconds after which it is refused. */; untilMs: number }[];
}

export interface SignerOptions {
  /** Told when no secret matches a signature (another instance may have rotated the secret). */
  onBadSignature?: () => void;
}

/** `secrets`: one fixed secret, or a function returning the secrets in use right now. */
export const createTokenSigner = (secrets: string | (() => SigningSecrets), options: SignerOptions = {}): TokenSigner => {
  const now = typeof secrets === 'string' ? (): SigningSecrets => ({ current: secrets, previous: [] }) : secrets;
  const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();
  /** Compared as text: base64url has several spellings of the same bytes (unused low bits in the last character), and only the canonical one is a valid token. */
  const signedWith = (secret: string, payload: string, signature: string): boolean => {
    const given = Buffer.from(signature);
    const expected = Buffer.from(b64url(mac(secret, payload)));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const signClaims = (claims: object): string => {
    const payload = b64url(Buffer.from(JSON.stringify(claims)));
    return `${payload}.${b64url(mac(now().current, payload))}`;
  };
  /** The claims of a token signed with a secret in use, not yet checked for their shape. */
  const signedClaims = (
    token: string | undefined | null,
    nowSeconds: number
  ): { ok: true; claims: Record<string, unknown> } | Extract<TokenCheck, { ok: false }> => {
    if (!token) return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
    const [payload, signature] = parts as [string, string];
    const { current, previous } = now();
    const accepted = [current, ...previous.filter((p) => p.untilMs > nowSeconds * 1000).map((p) => p.secret)];
    if (!accepted.some((secret) => signedWith(secret, payload, signature))) {
      options.onBadSignature?.();
      return { ok: false, reason: 'bad-signature' };
    }
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return claims && typeof claims === 'object' ? { ok: true, claims: claims as Record<string, unknown> } : { ok: false, reason: 'malformed' };
    } catch {
      return { ok: false, reason: 'malformed' };
    }
  };
  return {
    sign(workshopId, role, generation, ttlSeconds, personal) {
      const claims: TokenClaims = {
        v: 1,
        w: workshopId,
        r: role,
        exp: Math.floor(Date.now() / 1000) + ttlSeconds,
        g: generation,
        ...(personal ? { p: personal.p, c: personal.c } : {})
      };
      return signClaims(claims);
    },
    verify(token, nowSeconds = Date.now() / 1000) {
      const signed = signedClaims(token, nowSeconds);
      if (!signed.ok) return signed;
      const claims = signed.claims as unknown as TokenClaims;
      if (
        claims.v !== 1 ||
        typeof claims.w !== 'string' ||
        // Only meeting roles: a follow-up link opens no board, no control document, no facilitation route.
        !ROLES.includes(claims.r) ||
        typeof claims.exp !== 'number' ||
        typeof claims.g !== 'number' ||
        (claims.p !== undefined && typeof claims.p !== 'string') ||
        (claims.c !== undefined && typeof claims.c !== 'string')
      )
        return { ok: false, reason: 'malformed' };
      if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
    signFollowUp(claims, ttlSeconds) {
      const full: FollowUpClaims = { v: 1, ...claims, exp: Math.floor(Date.now() / 1000) + ttlSeconds };
      return signClaims(full);
    },
    verifyFollowUp(token, nowSeconds = Date.now() / 1000) {
      const signed = signedClaims(token, nowSeconds);
      if (!signed.ok) return signed;
      const claims = signed.claims as unknown as FollowUpClaims;
      if (
        claims.v !== 1 ||
        typeof claims.w !== 'string' ||
        !FOLLOW_UP_ROLES.includes(claims.r) ||
        typeof claims.exp !== 'number' ||
        typeof claims.g !== 'number' ||
        (claims.r === 'city') !== (typeof claims.c === 'string')
      )
        return { ok: false, reason: 'malformed' };
      if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    }
  };
};
