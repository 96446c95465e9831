/**
 * The cold-load figure: a board with a long history of small edits, stored exactly as the server
 * stores them (each edit its own log entry, compacted at the server's thresholds), then a fresh
 * server process is started and a client joins: time from connecting to being synced, the
 * server's own load time (its "document loaded" log line), and stored bytes against the size of
 * the encoded state. Measured twice: right after a crash (the log tail not yet compacted) and
 * after a clean stop (which compacts).
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createStore } from '@plenary/server/persistence/index.ts';
import { parseConfig } from '@plenary/server/config.ts';
import { answerSyncStep1, encodeSyncStep1, frameKind, readUpdatePayload } from './wire.ts';
import { describeDifference, type BoardHistory } from './board-history.ts';
import { createWorkshop, syncUrl } from './plenary-api.ts';
import { startPlenary, waitFor, type PlenaryOptions, type ServerHandle } from './processes.ts';

const SYNC_TIMEOUT_MS = 60_000;
const LOG_WAIT_MS = 2_000;
const noop = () => undefined;
const silentLog = { info: noop, warn: noop, error: noop, debug: noop };

export interface LoadMeasurement {
  /** Stored bytes and log entries of the board before the fresh server loaded it. */
  storedBytes: number;
  logEntries: number;
  /** Client: WebSocket constructed → sync step 2 received. */
  connectToSyncedMs: number;
  /** Server: its own "document loaded" figure, when it logs one. */
  serverLoadMs: number | null;
  /** The loaded board equals the history's final state. */
  verified: boolean;
  /** How it differs, when it does. */
  difference: string | null;
}

export interface ColdLoadFigures {
  store: string;
  edits: number;
  stateBytes: number;
  writeMs: number;
  compactions: number;
  afterCrash: LoadMeasurement;
  afterCleanStop: LoadMeasurement;
}

type StoreOptions = Omit<PlenaryOptions, 'logLevel' | 'env'>;

const openStore = (o: StoreOptions) =>
  createStore({ DATA_DIR: o.dataDir, REDIS_URL: o.store === 'redis' ? o.redisUrl : undefined, KEY_PREFIX: o.keyPrefix }, silentLog);

/**
 * Appends every edit as its own log entry and compacts when the server would (its configured
 * entry/byte thresholds), leaving the last (threshold − 1) entries in the log, as a crash just
 * before the next compaction would. The entries between two compactions go to the store in one
 * call (each still its own entry), which stores the same thing as one call per edit, faster.
 */
const writeHistory = async (o: StoreOptions, boardId: string, history: BoardHistory): Promise<{ ms: number; compactions: number }> => {
  const { COMPACT_AFTER_ENTRIES, COMPACT_AFTER_BYTES } = parseConfig({});
  const store = await openStore(o);
  const started = performance.now();
  let compactions = 0;
  const lastCompactionAt = history.updates.length - (COMPACT_AFTER_ENTRIES - 1);
  try {
    let batch: Uint8Array[] = [];
    let batchBytes = 0;
    for (const [i, update] of history.updates.entries()) {
      batch.push(update);
      batchBytes += update.length;
      const last = i + 1 === history.updates.length;
      const compactNow = batch.length >= COMPACT_AFTER_ENTRIES || batchBytes >= COMPACT_AFTER_BYTES || i + 1 === lastCompactionAt;
      if (!compactNow && !last) continue;
      await store.appendUpdates(boardId, batch);
      batch = [];
      batchBytes = 0;
      if (compactNow) {
        await store.compact(boardId);
        compactions++;
      }
    }
    return { ms: performance.now() - started, compactions };
  } finally {
    await store.close();
  }
};

const readStored = async (o: StoreOptions, boardId: string): Promise<{ bytes: number; logLength: number }> => {
  const store = await openStore(o);
  try {
    const doc = await store.loadDoc(boardId);
    return { bytes: doc?.bytes ?? 0, logLength: doc?.logLength ?? 0 };
  } finally {
    await store.close();
  }
};

/** Joins a board as a fresh client and returns the time to synced and the document received. */
const syncOnce = (url: string): Promise<{ ms: number; update: Uint8Array }> =>
  new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const started = performance.now();
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('cold load: no sync step 2')); }, SYNC_TIMEOUT_MS);
    ws.on('open', () => ws.send(encodeSyncStep1(doc)));
    ws.on('message', (frame: Buffer) => {
      const kind = frameKind(frame);
      if (kind === 'step1') ws.send(answerSyncStep1(frame, doc));
      if (kind === 'step2') {
        const ms = performance.now() - started;
        clearTimeout(timer);
        ws.close();
        resolve({ ms, update: readUpdatePayload(frame) });
      }
    });
    ws.on('close', (code) => { clearTimeout(timer); reject(new Error(`cold load: connection closed (${code}) before sync`)); });
    ws.on('error', reject);
  });

const serverLoadMs = (server: ServerHandle): number | null => {
  for (const line of server.logs) {
    try {
      const entry = JSON.parse(line) as { msg?: string; ms?: number };
      if (entry.msg === 'document loaded' && typeof entry.ms === 'number') return entry.ms;
    } catch { /* not JSON */ }
  }
  return null;
};

const measureLoad = async (o: StoreOptions, boardId: string, token: string, expected: Y.Doc): Promise<{ m: LoadMeasurement; server: ServerHandle }> => {
  const stored = await readStored(o, boardId);
  const server = await startPlenary({ ...o, logLevel: 'info' });
  const { ms, update } = await syncOnce(syncUrl(server.port, boardId, token));
  const received = new Y.Doc();
  Y.applyUpdate(received, update);
  const difference = describeDifference(expected, received);
  return {
    server,
    m: {
      storedBytes: stored.bytes,
      logEntries: stored.logLength,
      connectToSyncedMs: Math.round(ms * 10) / 10,
      // The log line may reach us a moment after the client is synced.
      serverLoadMs: await waitFor('the "document loaded" log line', () => serverLoadMs(server) ?? undefined, LOG_WAIT_MS).catch(() => null),
      verified: difference === null,
      difference
    }
  };
};

export const runColdLoad = async (o: StoreOptions, history: BoardHistory, log: (line: string) => void): Promise<ColdLoadFigures> => {
  const setup = await startPlenary(o);
  let board: { id: string; token: string };
  try {
    const w = await createWorkshop(setup.httpBase, 'Bench: cold load', ['Cold load']);
    board = { id: w.boards[0]!.id, token: w.tokens.delegate };
  } finally {
    await setup.stop();
  }
  const written = await writeHistory(o, board.id, history);
  log(`  wrote ${history.updates.length} edits (${written.compactions} compactions) in ${Math.round(written.ms)} ms`);
  const expected = history.doc;

  const first = await measureLoad(o, board.id, board.token, expected);
  // A clean stop writes the board out and compacts its log.
  await first.server.stop();
  const second = await measureLoad(o, board.id, board.token, expected);
  await second.server.stop();
  return {
    store: o.store,
    edits: history.updates.length,
    stateBytes: Y.encodeStateAsUpdate(history.doc).length,
    writeMs: Math.round(written.ms),
    compactions: written.compactions,
    afterCrash: first.m,
    afterCleanStop: second.m
  };
};
