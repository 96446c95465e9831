/**
 * Signed access tokens (format in docs/PROTOCOL.md): `<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`.
 *
 * Tokens are signed with the current secret and accepted when signed with it or with a previous
 * secret whose grace period has not ended (a rotated secret: links already handed out keep
 * working until then; auth/secret.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role, type TokenClaims } from '@plenary/shared/protocol';

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export interface TokenSigner {
  sign(workshopId: string, role: Role, generation: number, ttlSeconds: number, personal?: { p: string; c: string }): string;
  verify(token: string | undefined | null, nowSeconds?: number): TokenCheck;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');

/** The secrets in use: one signs, the previous ones are still accepted until their end. */
export interface SigningSecrets {
  current: string;
  previous: { secret: string; /** Epoch milliseconds after which it is refused. */ untilMs: number }[];
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
      const payload = b64url(Buffer.from(JSON.stringify(claims)));
      return `${payload}.${b64url(mac(now().current, payload))}`;
    },
    verify(token, nowSeconds = Date.now() / 1000) {
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
      let claims: TokenClaims;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (
        claims?.v !== 1 ||
        typeof claims.w !== 'string' ||
        !ROLES.includes(claims.r) ||
        typeof claims.exp !== 'number' ||
        typeof claims.g !== 'number' ||
        (claims.p !== undefined && typeof claims.p !== 'string') ||
        (claims.c !== undefined && typeof claims.c !== 'string')
      )
        return { ok: false, reason: 'malformed' };
      if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    }
  };
};
