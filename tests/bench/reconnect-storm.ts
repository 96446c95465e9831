/**
 * Reconnect storm: the venue's Wi-Fi drops and everyone reconnects at once. 2,000 clients over
 * 16 boards, each board holding the same small plan on both servers, are connected and synced;
 * then every socket ends at once and every client opens a new one in the same instant, with the
 * document it holds (as y-websocket's provider does). Figure: time from that instant until each
 * client is synced (p50, p99) and until all are (the storm's length), for Plenary (the compiled
 * bundle, embedded SQLite store, delegate links as the web app uses, its default log level) and
 * the reference y-websocket@2 server, on a quiet machine and on a busy one (one busy-looping
 * process per core running through the storm, the same for both servers).
 *
 * The clients are raw protocol clients in a separate load process (storm-worker.ts): 2,000 full
 * WebsocketProviders in one process would themselves be the bottleneck. They send what the
 * provider sends on connecting (sync step 1 and their presence), answer the server's step 1, and
 * count as synced on the server's step 2, the provider's `sync` event. Received presence is not
 * applied. The reference ignores a returning client's presence until the client renews it (its
 * clock is behind the removal the server recorded; the provider renews every 15 s), while Plenary
 * shows it again at once: Plenary has the more presence to fan out during a storm.
 *
 * BENCH_STORM_BOARDS=unloaded waits, after the drop, until Plenary has unloaded the boards (everyone
 * away for longer than UNLOAD_GRACE_MS), so the storm also reads 16 boards from the store; the
 * reference server keeps every room in memory for ever. BENCH_CPU_PROFILE=<dir> records a CPU
 * profile of Plenary and prints its heaviest functions. BENCH_STORM_BUNDLE=<path to index.mjs>
 * measures another compiled server instead of server/dist (an earlier build, for a before/after).
 *
 * Each storm runs `BENCH_STORM_REPEATS` times (default 5) per server and condition, the two
 * servers alternating; figures are medians over the repeats. Not asserted anywhere: the verdict
 * (Plenary at or below the reference in each condition) is returned with the figures.
 *
 * `benchReconnectStorm({ log })`; also runnable alone: node --import tsx tests/bench/reconnect-storm.ts
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { createWorkshop, syncUrl } from './plenary-api.ts';
import { REPO_ROOT, killAll, sleep, waitFor, startPlenary, startReference, track, type ServerHandle } from './processes.ts';
import { loadAverage, machineBusy, readCpuMs, readListenOverflows, readMachineCpu } from './proc-stats.ts';
import type { FromStormWorker, StormRoom, ToStormWorker } from './storm-worker.ts';
import { summariseServerProfile } from './cpu-profile.ts';
import { WorkerProcess } from './worker-process.ts';
import { addManyCards } from '../utils/realistic-cards.ts';
import { collectOwnGarbage } from './own-heap.ts';
import {
  describeReport,
  median,
  percentile,
  round,
  summarise,
  type Condition,
  type ReconnectStormFigures,
  type RunFigures,
  type StormConditionFigures,
  stormText
} from './storm-figures.ts';

const WORKER = fileURLToPath(new URL('./storm-worker.ts', import.meta.url));
const BOARDS = 16;
const CONNECTIONS = 2_000;
/** Cards on each board: a plan a group has worked on for a while. */
const CARDS_PER_BOARD = 40;
const PRIME_TIMEOUT_MS = 60_000;
const STORM_TIMEOUT_MS = 60_000;
/** A server counts as settled (after a drop) when it used less CPU than this over SETTLE_WINDOW_MS. */
const SETTLE_CPU_MS = 5;
const SETTLE_WINDOW_MS = 250;
const SETTLE_MAX_MS = 10_000;
/** Burners run this long before a busy storm, so the scheduler already shares the cores with them. */
const BURN_LEAD_MS = 1_000;
const UNLOAD_WAIT_MS = 30_000;
const UNLOAD_POLL_MS = 1_000;
const BURNER_SOURCE = 'for (;;) {}';

type StormWorker = WorkerProcess<ToStormWorker, FromStormWorker>;

/** One busy-looping process per core: other work on the machine competing for every core. */
const startBurners = (): (() => void) => {
  const burners = Array.from({ length: os.cpus().length }, () => {
    const child = spawn(process.execPath, ['-e', BURNER_SOURCE], { stdio: 'ignore' });
    track(child);
    return child;
  });
  return () => {
    for (const b of burners) b.kill('SIGKILL');
  };
};

/** Waits until the server has finished with what came before (the drop's 2,000 closes). */
const settle = async (server: ServerHandle): Promise<void> => {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let before = readCpuMs(server.pid) ?? 0;
  while (Date.now() < deadline) {
    await sleep(SETTLE_WINDOW_MS);
    const now = readCpuMs(server.pid) ?? before;
    if (now - before < SETTLE_CPU_MS) return;
    before = now;
  }
};

/** The same plan for each board on both servers: CARDS_PER_BOARD realistic cards. */
const plans = (): number[][] =>
  Array.from({ length: BOARDS }, () => {
    const doc = new Y.Doc();
    addManyCards(doc, CARDS_PER_BOARD);
    return Array.from(Y.encodeStateAsUpdate(doc));
  });

interface Target {
  key: 'plenary' | 'reference';
  server: ServerHandle;
  worker: StormWorker;
}

/** Plenary's board documents in memory, from its metrics (loopback may read them). */
const documentsLoaded = async (server: ServerHandle): Promise<number> => {
  const text = await (await fetch(`${server.httpBase}/metrics`)).text();
  return Number(/^plenary_documents_loaded (\d+)/m.exec(text)?.[1] ?? Number.NaN);
};

/** Every socket of `t` ends at once; returns when the server is done with the closes. */
const drop = async (t: Target, unloaded: boolean): Promise<void> => {
  await t.worker.request({ type: 'drop' });
  await settle(t.server);
  // Everyone away for longer than the unload grace: Plenary reads the boards from its store again.
  if (unloaded && t.key === 'plenary')
    await waitFor('the boards to unload', async () => (await documentsLoaded(t.server)) === 0, UNLOAD_WAIT_MS, UNLOAD_POLL_MS);
};

const stormOnce = async (t: Target): Promise<RunFigures> => {
  const cpu0 = readCpuMs(t.server.pid) ?? 0;
  const machine0 = readMachineCpu();
  const overflows0 = readListenOverflows();
  const m = await t.worker.request({ type: 'storm', timeoutMs: STORM_TIMEOUT_MS });
  const machine1 = readMachineCpu();
  const overflows1 = readListenOverflows();
  const cpu1 = readCpuMs(t.server.pid) ?? cpu0;
  const gone = t.server.exitStatus();
  if (gone) throw new Error(`${t.server.label} exited during a storm (code ${gone.code}, signal ${gone.signal}):\n${t.server.errors.slice(-20).join('\n')}`);
  return {
    report: (m as Extract<FromStormWorker, { type: 'storm-result' }>).report,
    serverCpuMs: cpu1 - cpu0,
    busy: machineBusy(machine0, machine1),
    load: loadAverage(),
    overflows: overflows0 === null || overflows1 === null ? null : overflows1 - overflows0
  };
};

export const benchReconnectStorm = async (ctx: { log: (line: string) => void }): Promise<ReconnectStormFigures> => {
  const { log } = ctx;
  const repeats = Math.max(1, Number(process.env.BENCH_STORM_REPEATS ?? 5));
  const unloaded = process.env.BENCH_STORM_BOARDS === 'unloaded';
  const profileDir = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;
  const otherBundle = process.env.BENCH_STORM_BUNDLE ? path.resolve(process.env.BENCH_STORM_BUNDLE) : null;
  const perBoard = CONNECTIONS / BOARDS;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-storm-'));
  const targets: Target[] = [];
  let stopBurners: (() => void) | null = null;
  log(`\n[storm] Reconnect storm: ${CONNECTIONS} connections over ${BOARDS} boards of ${CARDS_PER_BOARD} cards, ${repeats} repeats, quiet and busy`);
  try {
    const plenary = await startPlenary({
      store: 'sqlite',
      dataDir,
      redisUrl: '',
      keyPrefix: 'storm:',
      secret: randomBytes(24).toString('hex'),
      // As deployed: the server's own log level (every connection is logged at info).
      logLevel: 'info',
      // An earlier build elsewhere serves this checkout's web app (it is not measured here).
      ...(otherBundle ? { bundle: otherBundle, env: { WEB_DIR: path.join(REPO_ROOT, 'web', 'build') } } : {}),
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
    });
    const reference = await startReference();
    const workshop = await createWorkshop(
      plenary.httpBase,
      'Storm',
      Array.from({ length: BOARDS }, (_, i) => `Storm theme ${i + 1}`)
    );
    const boardPlans = plans();
    const rooms = {
      plenary: workshop.boards.map((b, i): StormRoom => ({ url: syncUrl(plenary.port, b.id, workshop.tokens.delegate), plan: boardPlans[i]! })),
      reference: boardPlans.map((plan, i): StormRoom => ({ url: `ws://127.0.0.1:${reference.port}/storm-board-${i}`, plan }))
    };
    for (const [key, server] of [
      ['plenary', plenary],
      ['reference', reference]
    ] as const) {
      const worker = new WorkerProcess<ToStormWorker, FromStormWorker>(WORKER, 'storm worker');
      targets.push({ key, server, worker });
      const primed = (await worker.request({ type: 'prime', rooms: rooms[key], clientsPerRoom: perBoard, timeoutMs: PRIME_TIMEOUT_MS })) as Extract<
        FromStormWorker,
        { type: 'primed' }
      >;
      log(`  ${server.label}: ${primed.clients} clients connected and holding their board (${round(primed.ms)} ms)`);
    }

    const runs: Record<Condition, Record<Target['key'], RunFigures[]>> = {
      quiet: { plenary: [], reference: [] },
      busy: { plenary: [], reference: [] }
    };
    for (let r = 0; r < repeats; r++) {
      for (const condition of ['quiet', 'busy'] as const) {
        // Alternate which server storms first, so neither always follows the other's storm.
        const order = r % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          collectOwnGarbage();
          await drop(t, unloaded);
          if (condition === 'busy') {
            stopBurners = startBurners();
            await sleep(BURN_LEAD_MS);
          }
          const run = await stormOnce(t);
          stopBurners?.();
          stopBurners = null;
          runs[condition][t.key].push(run);
          const rep = run.report;
          log(
            `  ${condition} #${r + 1} ${t.server.label}: all synced in ${round(Math.max(...rep.syncedMs))} ms (p50 ${round(percentile(rep.syncedMs, 0.5))}, ` +
              `p99 ${round(percentile(rep.syncedMs, 0.99))}), failed ${rep.failed}${describeReport(rep)}, accept queue overflows ${run.overflows}, server CPU ${round(run.serverCpuMs)} ms, load process CPU ${round(rep.cpuMs)} ms, machine ${round(run.busy * 100)}% busy, load ${run.load}`
          );
        }
      }
    }

    const conditions = (['quiet', 'busy'] as const).map((condition): StormConditionFigures => {
      const both = [...runs[condition].plenary, ...runs[condition].reference];
      const p = summarise(runs[condition].plenary, STORM_TIMEOUT_MS);
      const ref = summarise(runs[condition].reference, STORM_TIMEOUT_MS);
      return {
        condition,
        burners: condition === 'busy' ? os.cpus().length : 0,
        loadAverage: round(median(both.map((x) => x.load)), 2),
        machineBusyPct: round(median(both.map((x) => x.busy * 100))),
        plenary: p,
        reference: ref,
        met: p.failed === 0 && p.allSyncedMs <= ref.allSyncedMs
      };
    });
    const figures: ReconnectStormFigures = {
      boards: unloaded ? 'unloaded' : 'loaded',
      connections: CONNECTIONS,
      boardCount: BOARDS,
      cardsPerBoard: CARDS_PER_BOARD,
      repeats,
      cores: os.cpus().length,
      client: 'raw y-websocket protocol clients in one separate load process per server (sync step 1 + presence on open; synced = server step 2 received)',
      conditions,
      met: conditions.every((c) => c.met)
    };
    log(stormText(figures));
    return figures;
  } finally {
    stopBurners?.();
    for (const t of targets) t.worker.close();
    for (const t of targets) await t.server.stop();
    if (profileDir) log(summariseServerProfile(profileDir));
    rmSync(dataDir, { recursive: true, force: true });
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const figures = await benchReconnectStorm({ log: (line) => console.log(line) });
    console.log(JSON.stringify(figures, null, 2));
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    killAll();
  }
}
