/**
 * Plenary server start-up: one process, one port — the HTTP API (Hono), the sync endpoint (ws),
 * the built web app, /healthz and /metrics. SIGTERM/SIGINT write every board out and exit cleanly.
 */
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { CloseCode } from '@plenary/shared/protocol';
import { createApp } from './app.ts';
import { createSecretKeeper } from './auth/secret.ts';
import { ConfigError, parseConfig } from './config.ts';
import { configWarnings, loadEnvFile } from './config-env.ts';
import { closeExportServices } from './exports/export-service.ts';
import { createBus } from './fanout/index.ts';
import { createLogger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { scheduleRetention } from './operations/retention.ts';
import { createStore } from './persistence/index.ts';
import { createServices } from './services.ts';
import { attachSyncServer } from './sync/ws-server.ts';
import { noteOpenBoards, readAhead } from './sync/read-ahead.ts';
import { LISTEN_BACKLOG } from './http/listen.ts';
import { lingerAfterEarlyAnswers } from './http/limits/linger.ts';
import { settleHeap } from './lib/settle-heap.ts';

const SHUTDOWN_DRAIN_MS = 10_000;

const lanAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);

const main = async () => {
  // A .env file in the working directory is read first; what the caller set wins over it.
  const envFile = path.resolve('.env');
  const fromFile = loadEnvFile(process.env, envFile);
  // biome-ignore lint/suspicious/noImplicitAnyLet: assigned in the try below; TypeScript types it from that assignment (control-flow typing)
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { log, droppedLines } = createLogger(config.LOG_LEVEL, { bufferBytes: config.LOG_BUFFER_BYTES });
  if (fromFile) log.info({ file: envFile, variables: fromFile }, 'read settings from .env');
  for (const warning of configWarnings(process.env)) log.warn({ variable: warning.variable, meant: warning.meant }, warning.message);
  const metrics = createMetrics({ droppedLogLines: droppedLines });
  const store = await createStore(config, log);
  const bus = await createBus(config, log);
  const secrets = await createSecretKeeper(config, store, log);
  const signer = secrets.signer;
  const services = createServices({ config, log, metrics, store, bus, signer });
  const { rooms, autoVersions } = services;
  const webDir = config.WEB_DIR ?? fileURLToPath(new URL('../../web/build', import.meta.url));
  const app = createApp({ ...services, webDir: path.resolve(webDir) });

  // The answer to a request still arriving waits for the rest of it (http/limits/linger.ts).
  const server = createServer(lingerAfterEarlyAnswers(getRequestListener(app.fetch, { autoCleanupIncoming: false })));
  const sync = attachSyncServer(server, { config, log, metrics, rooms });
  // Started before listening, not waited for: the first devices back find their boards read, or
  // being read (a join shares the read under way).
  void readAhead({ store, rooms, config, log }).then((summary) => {
    if (summary.boards > 0) log.info(summary, 'boards read ahead');
  });
  // …and the boards open now are what the next start reads ahead, written lately or not.
  const stopNotingOpen = noteOpenBoards({ store, rooms, config, log });

  const settled = settleHeap();
  if (settled) log.info(settled, 'heap collected before listening');
  else log.warn('no full collection before listening: the first large join may wait for it');
  await new Promise<void>((resolve) => server.listen({ port: config.PORT, host: config.HOST, backlog: LISTEN_BACKLOG }, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, host: config.HOST, store: store.kind, lan: lanAddresses().map((a) => `http://${a}:${port}`) }, 'listening');
  if (process.stdout.isTTY || config.PLENARY_BANNER) {
    const urls = [`http://localhost:${port}`, ...lanAddresses().map((a) => `http://${a}:${port}`)];
    console.error(`\n  Plenary is running (${store.kind} store):\n${urls.map((u) => `    ${u}`).join('\n')}\n`);
  }

  const stopRetention = scheduleRetention(store, config.RETENTION_IDLE_DAYS, log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: writing every board');
    server.close();
    autoVersions.close();
    stopRetention();
    stopNotingOpen();
    secrets.stop();
    await closeExportServices();
    await sync.close(CloseCode.goingAway);
    const unsaved = await rooms.drainAll(SHUTDOWN_DRAIN_MS);
    if (unsaved.length > 0) log.error({ docs: unsaved }, 'could not write these boards before exiting');
    await rooms.destroyAll();
    await bus.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    log.info('stopped');
    process.exit(unsaved.length > 0 ? 1 : 0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
};

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
