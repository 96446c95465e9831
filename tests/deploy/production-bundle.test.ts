/**
 * The production build runs as deployed: scripts/bundle.sh assembles exactly what the Docker
 * image copies (server/dist, web/build, a package.json of the few packages left external), the
 * bundle is installed WITHOUT dev dependencies (no tsx, no TypeScript, no workspace) and started
 * with plain `node server/dist/index.mjs`; a board created over HTTP syncs with a raw y-websocket
 * client, and an export renders in the compiled worker thread. A `.env` file in the working
 * directory is read at start, below the caller's environment.
 *
 * On Node 22.13 and newer the bundle stores boards with node:sqlite: it is installed without
 * optional packages, so without better-sqlite3 at all. On Node 20 better-sqlite3 is installed with
 * its install script skipped and given the addon this checkout already built: building it from
 * source takes minutes on a small machine, and fetching a prebuilt one needs the network. A real
 * install (Dockerfile) builds or fetches it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite, sqliteDriverFor } from '@plenary/server/persistence/sqlite-driver.ts';
import type { checkpointTask } from '@plenary/server/persistence/sqlite-checkpoint-task.ts';
import { frames, openRaw, syncUrl, updateOf } from '../utils/clients.ts';
import { REPO_ROOT, type CreatedWorkshop } from '../utils/server.ts';
import { waitFor } from '../utils/wait.ts';

const Timing = { buildMs: 240_000, installMs: 120_000, readyMs: 30_000 } as const;

/** The SQLite library the bundle picks on the Node running this test (and the servers it starts). */
const sqliteDriver = sqliteDriverFor(undefined);

interface BundleServer {
  readonly lines: string[];
  readonly base: string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** `node server/dist/index.mjs` in `cwd`, with only the environment given (plus PATH). */
const startBundle = async (cwd: string, env: Record<string, string>): Promise<BundleServer> => {
  const proc = spawn(process.execPath, ['server/dist/index.mjs'], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => proc.once('exit', () => (live.delete(proc), resolve())));
  for (const stream of [proc.stdout!, proc.stderr!]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
    });
  }
  const listening = await waitFor(
    () => {
      if (!live.has(proc)) throw new Error(`the bundle exited:\n${lines.slice(-20).join('\n')}`);
      return lines.map((l) => (l.includes('"msg":"listening"') ? (JSON.parse(l) as { port: number }) : null)).find(Boolean);
    },
    Timing.readyMs,
    'the bundled server to listen'
  );
  return {
    lines,
    base: `127.0.0.1:${listening.port}`,
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    }
  };
};

const run = (command: string, args: string[], cwd: string, timeout: number) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
};

describe('production bundle', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'plenary-bundle-'));
  let server: BundleServer | undefined;

  beforeAll(() => {
    // The web app comes from `pnpm build` (run before the tests); the server is compiled again.
    run('bash', ['scripts/bundle.sh', out, '--reuse-web'], REPO_ROOT, Timing.buildMs);
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      optionalDependencies: Record<string, string>;
      devDependencies?: unknown;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['playwright-core', 'tinypool']);
    expect(Object.keys(pkg.optionalDependencies)).toEqual(['better-sqlite3']);
    expect(pkg.devDependencies).toBeUndefined();
    if (sqliteDriver === 'node') {
      run('pnpm', ['install', '--prod', '--prefer-offline', '--no-optional'], out, Timing.installMs);
      expect(existsSync(path.join(out, 'node_modules/better-sqlite3'))).toBe(false);
      return;
    }
    run('pnpm', ['install', '--prod', '--prefer-offline', '--ignore-scripts'], out, Timing.installMs);
    // The addon this checkout built, in the place `bindings` looks first.
    const workspaceSqlite = path.dirname(createRequire(path.join(REPO_ROOT, 'server/package.json')).resolve('better-sqlite3/package.json'));
    const addon = 'build/Release/better_sqlite3.node';
    mkdirSync(path.join(out, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
    copyFileSync(path.join(workspaceSqlite, addon), path.join(out, 'node_modules/better-sqlite3', addon));
  }, Timing.buildMs + Timing.installMs);

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(path.join(out, '.env'), { force: true });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('holds no TypeScript runner, and starts with plain node from an install without dev dependencies', () => {
    expect(existsSync(path.join(out, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(path.join(out, 'node_modules/.pnpm/node_modules/tsx'))).toBe(false);
    expect(readFileSync(path.join(out, 'server/dist/render-worker.mjs'), 'utf8')).not.toContain('tsx');
    expect(readFileSync(path.join(out, 'server/dist/fold-worker.mjs'), 'utf8')).not.toContain('tsx');
    expect(readFileSync(path.join(out, 'server/dist/print-worker.mjs'), 'utf8')).not.toContain('tsx');
    expect(readFileSync(path.join(out, 'server/dist/checkpoint-worker.mjs'), 'utf8')).not.toContain('tsx');
    // The operator CLI runs from the bundle too.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-bundle-data-'));
    const cli = spawnSync(process.execPath, ['server/dist/cli.mjs', 'list', '--json'], {
      cwd: out,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir }
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(cli.status, cli.stderr).toBe(0);
  });

  it(`checkpoints the embedded store's log with the bundle's checkpoint thread entry (SQLite: ${sqliteDriver})`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plenary-bundle-checkpoint-'));
    const file = path.join(dir, 'board.sqlite');
    // The store's side, as the store sets it up: WAL mode, no checkpoint of its own.
    const db = openSqlite(file, { driver: sqliteDriver, busyTimeoutMs: 1_000 });
    try {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA wal_autocheckpoint = 0');
      db.exec('CREATE TABLE t (data BLOB)');
      db.prepare<[Buffer]>('INSERT INTO t (data) VALUES (?)').run(Buffer.alloc(256 * 1024, 7));
      const { default: checkpoint } = (await import(path.join(out, 'server/dist/checkpoint-worker.mjs'))) as { default: typeof checkpointTask };
      const result = checkpoint({ op: 'checkpoint', file, driver: sqliteDriver });
      expect(result?.log).toBeGreaterThan(0);
      expect(result?.checkpointed).toBe(result?.log);
      checkpoint({ op: 'close', file, driver: sqliteDriver });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`syncs a board created over HTTP with a raw y-websocket client, and renders an export in its worker and a PDF in its thread (SQLite: ${sqliteDriver})`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-bundle-data-'));
    // Every write is folded at once, in the fold worker loaded from server/dist/fold-worker.mjs.
    server = await startBundle(out, { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, COMPACT_AFTER_ENTRIES: '1' });
    const opened = server.lines.find((l) => l.includes('"msg":"using the embedded store"'));
    expect(opened && JSON.parse(opened)).toMatchObject({ sqliteDriver });
    const created = await fetch(`http://${server.base}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bundled', themes: ['Trade'] })
    });
    expect(created.status).toBe(201);
    const workshop = (await created.json()) as CreatedWorkshop;
    const board = workshop.boards[0]!.id;

    const writer = await openRaw(syncUrl(`ws://${server.base}/sync`, board, workshop.tokens.facilitator));
    await writer.handshake();
    const reader = await openRaw(syncUrl(`ws://${server.base}/sync`, board, workshop.tokens.delegate));
    await reader.handshake();
    writer.send(frames.update(updateOf((doc) => doc.getText('probe').insert(0, 'from the bundle'))));
    await waitFor(() => reader.doc.getText('probe').toString() === 'from the bundle', 10_000, 'the edit to reach the other client');
    writer.destroy();
    reader.destroy();
    const compactions = async () => Number(/^plenary_compactions_total (\d+)/m.exec(await (await fetch(`http://${server!.base}/metrics`)).text())?.[1] ?? 0);
    await waitFor(async () => (await compactions()) > 0, 10_000, 'a compaction in the fold worker');
    expect(server.lines.some((l) => l.includes('compaction failed'))).toBe(false);

    // Exports render in a worker thread loaded from server/dist/render-worker.mjs.
    const csv = await fetch(`http://${server.base}/api/boards/${board}/export.csv`, { headers: { authorization: `Bearer ${workshop.tokens.facilitator}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // …and PDFs are printed in the thread loaded from server/dist/print-worker.mjs.
    const pdf = await fetch(`http://${server.base}/api/boards/${board}/export.pdf`, { headers: { authorization: `Bearer ${workshop.tokens.facilitator}` } });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1')
    ).toBe('%PDF-');

    // The built web app is found from server/dist, compressed.
    const page = await fetch(`http://${server.base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/_app/immutable/');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads a .env file in its working directory; the caller’s environment wins', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-bundle-data-'));
    const key = 'organiser-key-from-dotenv-61c2';
    writeFileSync(path.join(out, '.env'), `ORGANIZER_KEY=${key}\nHOST=192.0.2.1\nPLENARY_COLOUR=blue\nREDIS_URI=redis://127.0.0.1:6379\n`);
    server = await startBundle(out, { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const create = (headers: Record<string, string>) =>
      fetch(`http://${server!.base}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ title: 'Keyed' })
      });
    // From the file: creating a workshop needs the organiser key, even from loopback.
    expect((await create({})).status).toBe(401);
    expect((await create({ authorization: `Bearer ${key}` })).status).toBe(201);
    const logs = server.lines.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : []));
    // The caller's HOST won over the file's (which this machine could not listen on).
    expect(logs.find((l) => l.msg === 'listening')).toMatchObject({ host: '127.0.0.1' });
    expect(logs.find((l) => l.msg === 'read settings from .env')).toMatchObject({
      variables: expect.arrayContaining(['ORGANIZER_KEY', 'PLENARY_COLOUR', 'REDIS_URI'])
    });
    expect(logs.filter((l) => l.level === 40).map((l) => l.variable)).toEqual(expect.arrayContaining(['PLENARY_COLOUR', 'REDIS_URI']));
    expect(server.lines.join('\n')).not.toContain(key);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
