/**
 * The whole server's HTTP app in this process: the services services.ts builds, on a fresh
 * embedded store, with Hono's `app.request()` to call routes — no socket, no process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '@plenary/server/app.ts';
import { createTokenSigner } from '@plenary/server/auth/tokens.ts';
import { parseConfig } from '@plenary/server/config.ts';
import { LocalBus } from '@plenary/server/fanout/local-bus.ts';
import { createLogger } from '@plenary/server/log.ts';
import { createMetrics } from '@plenary/server/metrics.ts';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import type { Store } from '@plenary/server/persistence/store.ts';
import { createServices } from '@plenary/server/services.ts';

/** What @hono/node-server hands a route about the socket: a request from this machine. */
export const fromLoopback = { incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 50000, remoteFamily: 'IPv4' } } };

/** `wrapStore` may stand in front of the store (to watch or hold its calls). */
export const createInProcessApp = (dirPrefix: string, options: { wrapStore?: (store: Store) => Store } = {}) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  const real = new SqliteStore({ dataDir });
  const store = options.wrapStore ? options.wrapStore(real) : real;
  const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const services = createServices({
    config,
    log: createLogger('silent').log,
    metrics: createMetrics(),
    store,
    bus: new LocalBus(),
    signer: createTokenSigner('in-process-secret-0123456789')
  });
  const app = createApp({ ...services, webDir: path.join(dataDir, 'no-web') });
  return {
    dataDir,
    store,
    config,
    services,
    app,
    async close(): Promise<void> {
      services.autoVersions.close();
      await services.rooms.destroyAll();
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
};
