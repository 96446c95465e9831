/**
 * A real Plenary server process for tests: `node --import tsx server/src/index.ts` (or the built
 * bundle under `pnpm test`, see server-entry.ts) from the repository root, on a free port, with its
 * own temporary DATA_DIR (or a given one). It is ready when it logs `"msg":"listening"`; every
 * stdout/stderr line is kept (across restarts) so tests can assert on the logs. Every process
 * started here is SIGKILLed when the test process exits, so a failing test never leaves a server
 * behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryArgs } from './server-entry.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const Timing = {
  readyTimeoutMs: 30_000,
  /** SIGTERM → exit; past it the process is SIGKILLed and the stop counts as failed. */
  stopTimeoutMs: 20_000
} as const;

/** Every setting the server reads; cleared from the inherited environment so a test sees only what it sets. */
const SERVER_VARIABLES = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'SQLITE_DRIVER',
  'REDIS_URL',
  'KEY_PREFIX',
  'SECRET',
  'ORGANIZER_KEY',
  'TOKEN_TTL_DAYS',
  'PARTICIPANTS_MAX',
  'LOBBY_PENDING_MAX',
  'PARTICIPANTS_PER_LINK_MAX',
  'MAX_MESSAGE_BYTES',
  'MAX_DOC_BYTES',
  'MAX_BUFFERED_BYTES',
  'RATE_LIMIT_PER_SEC',
  'RATE_LIMIT_BURST',
  'UNLOAD_GRACE_MS',
  'LOAD_QUIET_MS',
  'LOAD_MAX_DEFER_MS',
  'READ_AHEAD_BOARDS',
  'READ_AHEAD_WINDOW_MS',
  'READ_AHEAD_MAX_BYTES',
  'READ_AHEAD_HOLD_MS',
  'TICK_MS',
  'TICK_MAX_MS',
  'PING_INTERVAL_MS',
  'COMPACT_AFTER_ENTRIES',
  'COMPACT_AFTER_BYTES',
  'LOG_LEVEL',
  'LOG_BUFFER_BYTES',
  'WEB_DIR',
  'PLENARY_BANNER',
  'TRUST_PROXY',
  'METRICS_TOKEN',
  'JOIN_MAX_MISSES',
  'JOIN_LOCKOUT_MINUTES',
  'JOIN_PER_MINUTE',
  'CREATE_WORKSHOP_PER_HOUR',
  'REGISTER_PER_MINUTE',
  'PROGRESS_PER_MINUTE',
  'EXPORT_CONCURRENCY',
  'EXPORT_QUEUE',
  'SECRET_PREVIOUS',
  'SECRET_PREVIOUS_UNTIL',
  'RETENTION_IDLE_DAYS'
] as const;

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ServerOptions {
  /** Server settings (see .env.example). `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Reuse a data directory (it is then not deleted by `close`). */
  dataDir?: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BoardRef {
  id: string;
  theme: string;
}
export interface CreatedWorkshop {
  id: string;
  title: string;
  boards: BoardRef[];
  tokens: { facilitator: string; delegate: string; observer: string };
  joinCode: string;
}

export interface PlenaryServer {
  readonly dataDir: string;
  /** The environment the process runs with (PORT is the port it listens on after the first start). */
  readonly env: Record<string, string>;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly httpBase: string;
  /** ws://127.0.0.1:<port>/sync — the serverUrl a WebsocketProvider is given. */
  readonly syncBase: string;
  /** Every line written to stdout and stderr, across restarts. */
  readonly lines: string[];
  /** The stdout lines that parse as JSON objects (the structured log). */
  jsonLogs(): Record<string, unknown>[];
  readonly running: boolean;
  /** Resolves when the current process exits. */
  exited(): Promise<Exit>;
  /**
   * Stops reading the process's standard output, as a stalled log reader does: the pipe and the
   * reader's buffer fill, then the process's writes wait. `resumeOutput` reads it again.
   */
  pauseOutput(): void;
  resumeOutput(): void;
  /** Sends `signal` and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<Exit>;
  /** Starts the process again with the same environment, data directory and (if free) port. */
  restart(): Promise<void>;
  /** SIGKILLs the process if it still runs and deletes the data directory if this module made it. */
  close(): Promise<void>;
  fetch(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  /** POST /api/workshops, expecting 201. */
  createWorkshop(body?: Record<string, unknown>, headers?: Record<string, string>): Promise<CreatedWorkshop>;
}

const baseEnv = (): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of SERVER_VARIABLES) delete env[k];
  // The test run's own switch (server-entry.ts), not a server setting: the server would warn about it.
  delete env.PLENARY_TEST_SERVER;
  return env;
};

export const startServer = async (options: ServerOptions = {}): Promise<PlenaryServer> => {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'plenary-test-'));
  const env: Record<string, string> = { ...baseEnv(), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const lines: string[] = [];
  let child: ChildProcess | null = null;
  let exit: Promise<Exit> = Promise.resolve({ code: null, signal: null });
  let running = false;
  let port = 0;

  const launch = async (): Promise<void> => {
    const proc = spawn(process.execPath, entryArgs('server'), { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    live.add(proc);
    running = true;
    exit = new Promise<Exit>((resolve) =>
      proc.once('exit', (code, signal) => {
        live.delete(proc);
        running = false;
        resolve({ code, signal });
      })
    );
    const listening = new Promise<number>((resolve, reject) => {
      const collect = (stream: NodeJS.ReadableStream, watch: boolean) => {
        let partial = '';
        stream.on('data', (chunk: Buffer) => {
          const parts = (partial + chunk.toString('utf8')).split('\n');
          partial = parts.pop() ?? '';
          for (const line of parts) {
            lines.push(line);
            if (watch && line.includes('"msg":"listening"')) {
              const p = (JSON.parse(line) as { port?: unknown }).port;
              if (typeof p === 'number') resolve(p);
            }
          }
        });
      };
      collect(proc.stdout!, true);
      collect(proc.stderr!, false);
      void exit.then((e) => reject(new Error(`server exited during start (${e.code ?? e.signal}):\n${lines.slice(-20).join('\n')}`)));
      setTimeout(
        () => reject(new Error(`server did not log "listening" within ${Timing.readyTimeoutMs} ms:\n${lines.slice(-20).join('\n')}`)),
        Timing.readyTimeoutMs
      ).unref();
    });
    try {
      port = await listening;
    } catch (err) {
      proc.kill('SIGKILL');
      await exit;
      throw err;
    }
  };

  await launch();
  // Restarts keep the port, so clients that reconnect find the same server again.
  env.PORT = String(port);

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> => {
    if (!running || !child) return exit;
    const proc = child;
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), Timing.stopTimeoutMs);
    const result = await exit;
    clearTimeout(timer);
    return result;
  };

  const server: PlenaryServer = {
    dataDir,
    env,
    get port() {
      return port;
    },
    get httpBase() {
      return `http://127.0.0.1:${port}`;
    },
    get syncBase() {
      return `ws://127.0.0.1:${port}/sync`;
    },
    lines,
    jsonLogs: () =>
      lines.flatMap((line) => {
        try {
          const v: unknown = JSON.parse(line);
          return v && typeof v === 'object' && !Array.isArray(v) ? [v as Record<string, unknown>] : [];
        } catch {
          return [];
        }
      }),
    get running() {
      return running;
    },
    exited: () => exit,
    pauseOutput: () => void child?.stdout?.pause(),
    resumeOutput: () => void child?.stdout?.resume(),
    kill,
    async restart() {
      await kill('SIGKILL');
      try {
        await launch();
      } catch (err) {
        // The old port was taken meanwhile: take any free one (fresh clients use the new one).
        if (!lines.slice(-20).some((l) => l.includes('EADDRINUSE'))) throw err;
        env.PORT = '0';
        await launch();
        env.PORT = String(port);
      }
    },
    async close() {
      await kill('SIGKILL');
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
    fetch: (pathAndQuery, init) => fetch(`http://127.0.0.1:${port}${pathAndQuery}`, init),
    async createWorkshop(body = { title: 'Sister-city workshop' }, headers = {}) {
      const res = await fetch(`http://127.0.0.1:${port}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body)
      });
      if (res.status !== 201) throw new Error(`POST /api/workshops answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as CreatedWorkshop;
    }
  };
  return server;
};
