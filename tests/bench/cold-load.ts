/**
 * The join figures: a board with a long history stored as the server stores it (a snapshot and a
 * log of single edits not yet folded into it, as a crash leaves it), then fresh server processes,
 * and a new client — y-websocket's WebsocketProvider, as the web app uses — timed from connecting
 * until it is synced (the board applied). Measured cold (the server process has just started, so
 * it loads the board) and warm (a second client while the board is loaded), after a `kill -9`
 * (the log not folded) and after a clean stop (which folds it), each BENCH_JOIN_REPEATS times.
 * A restarted server reads the boards written in the last minutes ahead of their people
 * (server/src/sync/read-ahead.ts), as this one was: the state after kill -9 is measured once more
 * with that turned off (READ_AHEAD_BOARDS=0), for a board nobody had written lately.
 *
 * The client runs in a process of its own, as a device does (join-client-process.ts says why),
 * and its floor is its own work: `Y.applyUpdate` of the board's whole state into a fresh Y.Doc in
 * that same process, measured right after each join (so both see the same machine load) and
 * before each store's joins. The target is to stay within 1.2× of it.
 * The client is set up as the web app sets up its board connection (joining-client.ts): y-websocket's
 * provider listens to its document's updates (to send local edits), and what the server sends is
 * applied without Yjs encoding it once more for that listener (web/src/lib/sync/quiet-board.ts), so
 * the floor is the bare apply. A join is also split at the moment the answer's last byte is in the client's
 * hands: before it is the server's share (connecting, the server reading and sending), after it
 * the client's apply.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createStore } from '@plenary/server/persistence/index.ts';
import { parseConfig } from '@plenary/server/config.ts';
import type { BoardHistory } from './board-history.ts';
import type { FromJoinClient, ToJoinClient } from './join-client-process.ts';
import { createWorkshop } from './plenary-api.ts';
import { startPlenary, waitFor, type PlenaryOptions, type ServerHandle } from './processes.ts';
import { WorkerProcess } from './worker-process.ts';

/** The server builds its own copy once the joins have been quiet (LOAD_QUIET_MS), up to LOAD_MAX_DEFER_MS after its read. */
const LOG_WAIT_MS = 5_000;
const noop = () => undefined;
const silentLog = { info: noop, warn: noop, error: noop, debug: noop };

export interface JoinMeasurement {
  /** Client: provider created → synced (the board received and applied), median of the repeats. */
  connectToSyncedMs: number;
  /** Every repeat, in order. */
  runsMs: number[];
  /** Provider created → the answer's first frame received (before the client applies it): the server's share, median. */
  answerMs: number;
  /** The floor measured right after each of these joins, median. */
  applyMs: number;
  /** Median over the repeats of join ÷ the floor measured right after it (steadier on a busy machine than two medians). */
  overApply: number;
  /**
   * Server: its own "document loaded" figure (cold joins only), median of the repeats: when it had
   * built its own copy of the board, in ms after it read the store. It answers the joins from the
   * stored bytes first and builds its copy once they have been quiet (LOAD_QUIET_MS).
   */
  serverLoadMs: number | null;
  /** Every client's board equals the history's final state. */
  verified: boolean;
  /** How it differs, when it does. */
  difference: string | null;
}

export interface StoredState {
  /** Stored bytes and log entries of the board before the fresh server loaded it. */
  storedBytes: number;
  logEntries: number;
  cold: JoinMeasurement;
  warm: JoinMeasurement;
}

export interface ColdLoadFigures {
  store: string;
  edits: number;
  stateBytes: number;
  /** The floor: the client's own Y.applyUpdate of the whole state, median of FLOOR_RUNS. */
  applyMs: number;
  applyRunsMs: number[];
  writeMs: number;
  afterCrash: StoredState;
  /** The same stored state, with the server's read-ahead turned off: a board not written lately. */
  afterCrashNotReadAhead: StoredState;
  afterCleanStop: StoredState;
}

type StoreOptions = Omit<PlenaryOptions, 'logLevel' | 'env'>;

const openStore = (o: StoreOptions) =>
  createStore({ DATA_DIR: o.dataDir, REDIS_URL: o.store === 'redis' ? o.redisUrl : undefined, KEY_PREFIX: o.keyPrefix }, silentLog);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Stores the history as a crash just before the next compaction leaves it: everything but the
 * last (COMPACT_AFTER_ENTRIES − 1) edits folded into the snapshot, those edits each their own log
 * entry. (Folding once gives the snapshot the server's compactions would have written.)
 */
const writeHistory = async (o: StoreOptions, boardId: string, history: BoardHistory): Promise<number> => {
  const { COMPACT_AFTER_ENTRIES } = parseConfig({});
  const cut = Math.max(0, history.updates.length - (COMPACT_AFTER_ENTRIES - 1));
  const head = new Y.Doc();
  Y.transact(head, () => history.updates.slice(0, cut).forEach((u) => Y.applyUpdate(head, u)));
  const store = await openStore(o);
  const started = performance.now();
  try {
    await store.appendUpdates(boardId, [Y.encodeStateAsUpdate(head)]);
    await store.compact(boardId);
    await store.appendUpdates(boardId, history.updates.slice(cut));
    return performance.now() - started;
  } finally {
    head.destroy();
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

/** The server's "document loaded" figure for the board (its workshop's control document logs one too). */
const serverLoadMs = (server: ServerHandle, boardId: string): number | null => {
  for (const line of server.logs) {
    try {
      const entry = JSON.parse(line) as { msg?: string; ms?: number; doc?: string };
      if (entry.msg === 'document loaded' && entry.doc === boardId && typeof entry.ms === 'number') return entry.ms;
    } catch {
      /* not JSON */
    }
  }
  return null;
};

interface Repeat {
  coldMs: number;
  warmMs: number;
  coldAnswerMs: number;
  warmAnswerMs: number;
  /** The floor measured right after each join (the same moment's machine load). */
  coldApplyMs: number;
  warmApplyMs: number;
  serverLoadMs: number | null;
  difference: string | null;
}

/** The board every join opens: where it is stored, a link to it, and the client that joins it (holding what it must hold). */
interface JoinedBoard {
  o: StoreOptions;
  boardId: string;
  token: string;
  client: WorkerProcess<ToJoinClient, FromJoinClient>;
}

/**
 * One fresh server process (with `env` added to its settings): a cold join, then a warm one beside
 * it; then `end` stops the process.
 */
const joinOnce = async ({ o, boardId, token, client }: JoinedBoard, end: 'kill' | 'stop', env: Record<string, string> = {}): Promise<Repeat> => {
  const server = await startPlenary({ ...o, logLevel: 'info', env });
  try {
    const answer = await client.request({ type: 'join', port: server.port, boardId, token });
    if (answer.type !== 'joined') throw new Error(`join client: unexpected ${answer.type}`);
    const { cold, warm, difference } = answer;
    // The log line may reach us a moment after the client is synced.
    const loadMs = await waitFor('the "document loaded" log line', () => serverLoadMs(server, boardId) ?? undefined, LOG_WAIT_MS).catch(() => null);
    return {
      coldMs: round1(cold.ms),
      warmMs: round1(warm.ms),
      coldAnswerMs: round1(cold.answerMs),
      warmAnswerMs: round1(warm.answerMs),
      coldApplyMs: cold.applyMs,
      warmApplyMs: warm.applyMs,
      serverLoadMs: loadMs,
      difference
    };
  } finally {
    // kill -9 leaves the log as it was; a clean stop writes the board out and folds its log.
    await (end === 'kill' ? server.kill() : server.stop());
  }
};

const measureState = async (board: JoinedBoard, end: 'kill' | 'stop', repeats: number, env: Record<string, string> = {}): Promise<StoredState> => {
  const stored = await readStored(board.o, board.boardId);
  const runs: Repeat[] = [];
  // No collection of the runner's own garbage here (own-heap.ts): after one, the join's client
  // regrew the heap it had given back while the floor measured after it did not, and cold joins
  // read 1.22–1.66× against 1.06–1.35× in the runs without.
  for (let i = 0; i < repeats; i++) runs.push(await joinOnce(board, end, env));
  const difference = runs.map((r) => r.difference).find((d) => d !== null) ?? null;
  const loads = runs.map((r) => r.serverLoadMs).filter((ms): ms is number => ms !== null);
  const ratio = (ms: number[], floor: number[]) => Math.round(median(ms.map((m, i) => m / floor[i]!)) * 100) / 100;
  const measurement = (ms: number[], answerMs: number[], applyMs: number[], server: number | null): JoinMeasurement => ({
    connectToSyncedMs: round1(median(ms)),
    runsMs: ms,
    answerMs: round1(median(answerMs)),
    applyMs: round1(median(applyMs)),
    overApply: ratio(ms, applyMs),
    serverLoadMs: server,
    verified: difference === null,
    difference
  });
  return {
    storedBytes: stored.bytes,
    logEntries: stored.logLength,
    cold: measurement(
      runs.map((r) => r.coldMs),
      runs.map((r) => r.coldAnswerMs),
      runs.map((r) => r.coldApplyMs),
      loads.length > 0 ? median(loads) : null
    ),
    warm: measurement(
      runs.map((r) => r.warmMs),
      runs.map((r) => r.warmAnswerMs),
      runs.map((r) => r.warmApplyMs),
      null
    )
  };
};

export const runColdLoad = async (o: StoreOptions, history: BoardHistory, repeats: number, log: (line: string) => void): Promise<ColdLoadFigures> => {
  const setup = await startPlenary(o);
  let board: { id: string; token: string };
  try {
    const w = await createWorkshop(setup.httpBase, 'Bench: cold load', ['Cold load']);
    board = { id: w.boards[0]!.id, token: w.tokens.delegate };
  } finally {
    await setup.stop();
  }
  const writeMs = await writeHistory(o, board.id, history);
  const state = Y.encodeStateAsUpdate(history.doc);
  log(`  wrote ${history.updates.length} edits (state ${state.length} B) in ${Math.round(writeMs)} ms`);
  const client = new WorkerProcess<ToJoinClient, FromJoinClient>(fileURLToPath(new URL('./join-client-process.ts', import.meta.url)), 'join client');
  try {
    const ready = await client.request({ type: 'setup', state: Buffer.from(state).toString('base64') });
    if (ready.type !== 'ready') throw new Error(`join client: unexpected ${ready.type}`);
    const applyRunsMs = ready.applyRunsMs;
    log(`  client's own apply (floor, in the client's process): ${applyRunsMs.join(', ')} ms`);

    // Each repeat ends in kill -9, so the next one finds the log exactly as the crash left it.
    const joined: JoinedBoard = { o, boardId: board.id, token: board.token, client };
    const afterCrash = await measureState(joined, 'kill', repeats);
    log(`  after kill -9: cold ${afterCrash.cold.runsMs.join(', ')} ms; warm ${afterCrash.warm.runsMs.join(', ')} ms`);
    const afterCrashNotReadAhead = await measureState(joined, 'kill', repeats, { READ_AHEAD_BOARDS: '0' });
    log(`  after kill -9, not read ahead: cold ${afterCrashNotReadAhead.cold.runsMs.join(', ')} ms; warm ${afterCrashNotReadAhead.warm.runsMs.join(', ')} ms`);
    // A clean stop folds the log of a board it loaded; then every repeat starts from one snapshot.
    await joinOnce(joined, 'stop');
    const afterCleanStop = await measureState(joined, 'stop', repeats);
    log(`  after a clean stop: cold ${afterCleanStop.cold.runsMs.join(', ')} ms; warm ${afterCleanStop.warm.runsMs.join(', ')} ms`);
    return {
      store: o.store,
      edits: history.updates.length,
      stateBytes: state.length,
      applyMs: round1(median(applyRunsMs)),
      applyRunsMs,
      writeMs: Math.round(writeMs),
      afterCrash,
      afterCrashNotReadAhead,
      afterCleanStop
    };
  } finally {
    client.close();
  }
};
