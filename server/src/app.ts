/** The Hono app: one sub-app per resource, errors answered in one place. */
import { Hono } from 'hono';
import type { AppDeps } from './http/deps.ts';
import { ApiError, fromRefusal } from './http/errors.ts';
import { Refusal } from './lib/refusal.ts';
import { accessLog } from './http/access-log.ts';
import { addressRoutes } from './http/addresses.ts';
import { exportRoutes } from './http/exports.ts';
import { facilitationRoutes } from './http/facilitation/index.ts';
import { followUpRoutes } from './http/follow-up.ts';
import { healthRoutes } from './http/health.ts';
import { joinRoutes } from './http/join.ts';
import { createLimits } from './http/limits/index.ts';
import { apiDocumentRoutes } from './http/openapi/route.ts';
import { versionRoutes } from './http/versions.ts';
import { webRoutes } from './http/web.ts';
import { workshopRoutes } from './http/workshops.ts';

export const createApp = (deps: AppDeps) => {
  const app = new Hono();
  app.use('*', accessLog(deps.log));
  // Limits first (docs/SECURITY.md): who may ask, how often, and how much they may send.
  const limits = createLimits(deps);
  app.use('*', limits.headers);
  app.post('/api/workshops', limits.createWorkshop);
  app.post('/api/workshops/:id/participants', limits.registerParticipant);
  app.post('/api/workshops/:id/follow-up/updates', limits.followUpUpdate);
  app.get('/metrics', limits.metrics);
  app.use('/api/*', limits.bodies);
  app.route('/api/workshops', workshopRoutes(deps));
  app.route('/api/workshops', followUpRoutes(deps));
  app.route('/api/join', joinRoutes({ ...deps, guard: limits.join }));
  app.route('/api', facilitationRoutes(deps));
  app.route('/api', exportRoutes({ ...deps, chromiumPath: deps.config.CHROMIUM_PATH }));
  app.route('/api', versionRoutes(deps));
  app.route('/api', addressRoutes(deps));
  app.route('/', healthRoutes(deps));
  // Every route above is in the API document, from its description (http/openapi/).
  app.route('/api', apiDocumentRoutes(app));
  app.all('/api/*', () => {
    throw new ApiError(404, 'no such API endpoint');
  });
  app.route('/', webRoutes(deps.webDir, { trustProxy: deps.config.TRUST_PROXY }));
  app.onError((err, c) => {
    if (err instanceof Refusal) err = fromRefusal(err);
    if (err instanceof ApiError) return c.json({ error: err.error, ...(err.field ? { field: err.field } : {}) }, err.status);
    deps.log.error({ err: String(err), stack: (err as Error).stack }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
};
