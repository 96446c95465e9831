/** The Hono app: one sub-app per resource, errors answered in one place. */
import { Hono } from 'hono';
import type { TokenSigner } from './auth/tokens.ts';
import type { Config } from './config.ts';
import type { ControlDocs } from './facilitation/control-docs.ts';
import type { RevokeRole } from './facilitation/revoke.ts';
import type { TimerVersions } from './facilitation/timer-versions.ts';
import type { BoardVersions } from './versions/index.ts';
import { ApiError } from './http/errors.ts';
import { exportRoutes } from './http/exports.ts';
import { facilitationRoutes } from './http/facilitation/index.ts';
import { healthRoutes } from './http/health.ts';
import { joinRoutes } from './http/join.ts';
import { createLimits } from './http/limits/index.ts';
import { versionRoutes } from './http/versions.ts';
import { webRoutes } from './http/web.ts';
import { workshopRoutes } from './http/workshops.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import type { Store } from './persistence/store.ts';
import type { RoomManager } from './sync/room-manager.ts';
import type { WorkshopRepository } from './workshops/repository.ts';

export interface AppDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  store: Store;
  workshops: WorkshopRepository;
  signer: TokenSigner;
  webDir: string;
  /** Boards open in this process (exports read the live document). */
  rooms: RoomManager;
  /** The server's own writes to control and board documents (facilitation). */
  control: ControlDocs;
  /** Re-issues a role's links and cuts off connections using the old ones. */
  revoke: RevokeRole;
  /** Saved versions of boards (named, and automatic on lock, timer end and hourly). */
  versions: BoardVersions;
  /** Saves versions when timers run out. */
  timerVersions: TimerVersions;
}

export const createApp = (deps: AppDeps) => {
  const app = new Hono();
  // Limits first (docs/SECURITY.md): who may ask, how often, and how much they may send.
  const limits = createLimits(deps);
  app.use('/api/*', limits.bodies);
  app.route('/api/workshops', workshopRoutes(deps));
  app.route('/api/join', joinRoutes(deps));
  app.route('/api', facilitationRoutes(deps));
  app.route('/api', exportRoutes({ ...deps, chromiumPath: deps.config.CHROMIUM_PATH }));
  app.route('/api', versionRoutes(deps));
  app.route('/', healthRoutes(deps));
  app.all('/api/*', () => {
    throw new ApiError(404, 'no such API endpoint');
  });
  app.route('/', webRoutes(deps.webDir));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.error, ...(err.field ? { field: err.field } : {}) }, err.status);
    deps.log.error({ err: String(err), stack: (err as Error).stack }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
};
