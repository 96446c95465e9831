/**
 * GET /time — the server's clock, so screens count timers down to the same second: a client
 * estimates its offset as `now - (sent + received) / 2`. It reveals nothing, so it needs no token.
 */
import { Hono } from 'hono';

export const timeRoutes = () =>
  new Hono().get('/time', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ now: Date.now() });
  });
