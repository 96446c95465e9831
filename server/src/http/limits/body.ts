/**
 * Request body sizes. Every API body is JSON of a few fields; nothing needs more than a few
 * hundred KiB, and reading an unbounded body into memory is how one anonymous request could
 * take the server down. Hono's bodyLimit refuses by Content-Length before reading, and counts
 * a chunked body as it streams, stopping at the limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { clientAddress } from './client-address.ts';
import { RefusalReason, type Refuse } from './refusal.ts';

const KiB = 1024;

export const BodyLimits = {
  /** Every API body not named below: facilitation actions, participants, votes, version labels. */
  defaultBytes: 32 * KiB,
  /** Creating a workshop: up to 40 themes and 200 cities with native names. */
  workshopBytes: 256 * KiB,
  /** A workshop's agenda: up to 100 sessions, each naming its boards. */
  agendaBytes: 256 * KiB
} as const;

/** Larger limits for the few routes that need them; the first match wins. */
const LARGER: Array<{ method: string; path: RegExp; maxBytes: number }> = [
  { method: 'POST', path: /^\/api\/workshops\/?$/, maxBytes: BodyLimits.workshopBytes },
  { method: 'PUT', path: /^\/api\/workshops\/[^/]+\/agenda\/?$/, maxBytes: BodyLimits.agendaBytes }
];

/** One middleware for every /api route: 413 `{ error, field: 'body' }` past the route's limit. */
export const limitBodies = (refuse: Refuse, trustProxy: number): MiddlewareHandler => {
  const limiter = (maxBytes: number): MiddlewareHandler =>
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        refuse(c, {
          status: 413,
          reason: RefusalReason.bodyTooLarge,
          route: `${c.req.method} body`,
          address: clientAddress(c, trustProxy),
          error: `body: larger than ${maxBytes} bytes`,
          field: 'body'
        })
    });
  const byDefault = limiter(BodyLimits.defaultBytes);
  const larger = LARGER.map((rule) => ({ ...rule, handler: limiter(rule.maxBytes) }));
  return (c, next) => {
    const rule = larger.find((r) => r.method === c.req.method && r.path.test(c.req.path));
    return (rule?.handler ?? byDefault)(c, next);
  };
};
