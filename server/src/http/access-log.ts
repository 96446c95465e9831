/**
 * One log line per HTTP request: method, the route's pattern, status and duration. The pattern
 * (`/api/join/:code`, Hono's routePath) is logged instead of the URL, so join codes, tokens in
 * `?token=` and board ids never reach the log, and lines group by route.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../log.ts';

export const accessLog =
  (log: Logger): MiddlewareHandler =>
  async (c, next) => {
    const started = performance.now();
    await next();
    // After next(), routeIndex is the handler that answered (an error's answer comes from onError).
    log.info({ method: c.req.method, route: routePath(c), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
  };
