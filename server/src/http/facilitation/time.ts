/**
 * GET /time — the server's clock, so screens count timers down to the same second: a client
 * estimates its offset as `now - (sent + received) / 2`. It reveals nothing, so it needs no token.
 */
import { Hono } from 'hono';
import { Callers, describeRoute } from '../openapi/describe.ts';

const clock = describeRoute({
  tag: 'facilitation',
  summary: "The server's clock",
  description: 'A client estimates its offset as `now - (sent + received) / 2`, so every screen counts a timer down to the same second.',
  callers: Callers.open,
  answers: { 200: '`{ now }`: milliseconds since the epoch.' }
});

export const timeRoutes = () =>
  new Hono().get('/time', clock, (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ now: Date.now() });
  });
