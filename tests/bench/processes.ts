/**
 * Server processes the benchmark starts and always stops: Plenary (on SQLite or Redis) and the
 * reference y-websocket@2 server. Every child is registered so that an error, Ctrl-C or a normal
 * exit kills whatever is still running.
 *
 * Plenary runs as it ships: the compiled server, as `pnpm start` runs it, compiled from the current
 * sources before the first one starts by the script `pnpm build` uses, into a folder of its own
 * (server/dist-bench): server/dist, which `pnpm start` and running tests start, stays as it is
 * (the script empties its folder first). The sources through tsx ran the
 * Redis fan-out at 4,800 edits/s a fifth slower (p99 50.1 / 50.4 ms against 39.3 / 41.45 ms for the
 * compiled server, two runs each alternating, server CPU 83–88 % against 81 %).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEAP_PROBE = fileURLToPath(new URL('./heap-probe.cjs', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_LINES_KEPT = 5_000;

const live = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL); safe to call more than once. */
export const killAll = (): void => {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  live.clear();
};
process.on('exit', killAll);

/** Registers a child started elsewhere (load workers) for the same clean-up. */
export const track = (child: ChildProcess): void => {
  live.add(child);
  child.once('exit', () => live.delete(child));
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  everyMs = 50
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
};

export interface ServerHandle {
  readonly label: string;
  readonly pid: number;
  readonly port: number;
  readonly httpBase: string;
  /** stdout lines (JSON log lines for Plenary), most recent last. */
  readonly logs: string[];
  /** stderr lines, most recent last. */
  readonly errors: string[];
  /** How the process ended, or null while it runs. */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Current heap figures written by the heap probe; null before the first write. */
  heap(): { heapUsed: number; heapTotal: number } | null;
  /** SIGTERM, then SIGKILL if it has not exited in time. Resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL (a crash). Resolves when the process is gone. */
  kill(): Promise<void>;
}

interface StartOptions {
  label: string;
  args: string[];
  env: Record<string, string>;
  ready: (httpBase: string) => Promise<boolean>;
  port: number;
  /** Preload the heap probe (default true); off where its own memory would blur the figure. */
  probe?: boolean;
}

const startProcess = async (o: StartOptions): Promise<ServerHandle> => {
  const child = spawn(process.execPath, [...(o.probe === false ? [] : ['--require', HEAP_PROBE]), ...o.args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...o.env, BENCH_MEMORY_FD: '3' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe']
  });
  track(child);
  const logs: string[] = [];
  const stderr: string[] = [];
  const keep = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      into.push(...lines);
      if (into.length > LOG_LINES_KEPT) into.splice(0, into.length - LOG_LINES_KEPT);
    };
  };
  child.stdout!.on('data', keep(logs));
  child.stderr!.on('data', keep(stderr));
  const memoryLines: string[] = [];
  (child.stdio[3] as Readable).on('data', keep(memoryLines));
  let exited = child.exitCode !== null;
  let status: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      status = { code, signal };
      resolve();
    })
  );

  const httpBase = `http://127.0.0.1:${o.port}`;
  try {
    await waitFor(
      `${o.label} to answer on port ${o.port}`,
      async () => {
        if (exited) throw new Error(`${o.label} exited during start:\n${[...stderr, ...logs].slice(-20).join('\n')}`);
        return o.ready(httpBase).catch(() => false);
      },
      READY_TIMEOUT_MS,
      100
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (exited) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exit;
    clearTimeout(timer);
  };

  return {
    label: o.label,
    pid: child.pid!,
    port: o.port,
    httpBase,
    logs,
    errors: stderr,
    exitStatus: () => status,
    heap: () => {
      const last = memoryLines.at(-1);
      memoryLines.splice(0, memoryLines.length - 1);
      return last ? JSON.parse(last) : null;
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL')
  };
};

export type StoreKind = 'sqlite' | 'redis';

export interface PlenaryOptions {
  store: StoreKind;
  dataDir: string;
  redisUrl: string;
  keyPrefix: string;
  secret: string;
  logLevel?: string;
  /** Further settings for the server's environment. */
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Another build's compiled server to run instead of this one's (a before/after). */
  bundle?: string;
  /** Preload the heap probe (default true). */
  probe?: boolean;
}

/** Where the bench compiles the server (beside server/dist, so that it finds the same packages and web build). */
const BENCH_SERVER_DIR = path.join('server', 'dist-bench');
/** The compiled server the bench runs. */
export const PLENARY_BUNDLE = path.join(REPO_ROOT, BENCH_SERVER_DIR, 'index.mjs');

let compiled = false;

/**
 * Compiles the server from the current sources, once per bench process (about 2 s). The servers
 * the web and export figures start (tests/utils/server.ts) then run the compiled server too.
 */
export const compileServer = (): void => {
  if (compiled) return;
  const script = path.join(REPO_ROOT, 'scripts', 'build-server.mjs');
  const build = spawnSync(process.execPath, [script, path.join(REPO_ROOT, BENCH_SERVER_DIR)], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`compiling the server failed:\n${build.stderr || build.stdout}`);
  process.env.PLENARY_TEST_SERVER = BENCH_SERVER_DIR;
  compiled = true;
};

export const startPlenary = async (o: PlenaryOptions): Promise<ServerHandle> => {
  if (!o.bundle) compileServer();
  const port = await freePort();
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: o.dataDir,
    KEY_PREFIX: o.keyPrefix,
    SECRET: o.secret,
    LOG_LEVEL: o.logLevel ?? 'warn',
    REDIS_URL: o.store === 'redis' ? o.redisUrl : '',
    ...o.env
  };
  return startProcess({
    label: `Plenary (${o.store})`,
    args: [...(o.nodeArgs ?? []), o.bundle ?? PLENARY_BUNDLE],
    env,
    port,
    probe: o.probe,
    ready: async (base) => (await fetch(`${base}/healthz`)).status === 200
  });
};

export const referenceServerPath = (): string => {
  const require = createRequire(path.join(REPO_ROOT, 'tests', 'package.json'));
  return path.join(path.dirname(require.resolve('y-websocket-reference/package.json')), 'bin', 'server.cjs');
};

export const startReference = async (options: { probe?: boolean; nodeArgs?: string[] } = {}): Promise<ServerHandle> => {
  const port = await freePort();
  return startProcess({
    label: 'y-websocket@2 reference',
    args: [...(options.nodeArgs ?? []), referenceServerPath()],
    env: { PORT: String(port), HOST: '127.0.0.1' },
    port,
    probe: options.probe,
    ready: async (base) => (await fetch(base)).ok
  });
};
