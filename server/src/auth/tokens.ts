/**
 * Signed access tokens (format in docs/PROTOCOL.md): `<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`.
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

export const createTokenSigner = (secret: string): TokenSigner => {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
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
      return `${payload}.${b64url(mac(payload))}`;
    },
    verify(token, nowSeconds = Date.now() / 1000) {
      if (!token) return { ok: false, reason: 'missing' };
      const parts = token.split('.');
      if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
      const [payload, signature] = parts as [string, string];
      // Compared as text: base64url has several spellings of the same bytes (unused low bits in
      // the last character), and only the canonical one is a valid token.
      const given = Buffer.from(signature);
      const expected = Buffer.from(b64url(mac(payload)));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
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
