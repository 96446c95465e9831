/**
 * The fan-out figure for one server: 16 rooms × 30 raw clients, phases of 1, 3 and 5 edits per
 * second per client. Load runs in separate worker processes; the runner samples the server's
 * memory and CPU from /proc while each phase is measured.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ServerHandle } from './processes.ts';
import { WorkerProcess } from './worker-process.ts';
import { collectOwnGarbage } from './own-heap.ts';
import { machineBusy, readCpuMs, readMachineCpu, readMemory } from './proc-stats.ts';
import { count, createHistogram, merge, quantile, unpack } from './histogram.ts';
import { readRedisWork, redisWorkBetween, redisWorkText, type RedisWork } from './redis-work.ts';
import type { FromWorker, PhaseReport, RoomAssignment, ToWorker } from './load-protocol.ts';

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
const SAMPLE_EVERY_MS = 250;

export interface FanoutSettings {
  rooms: number;
  clientsPerRoom: number;
  rates: number[];
  warmupMs: number;
  measureMs: number;
  drainTimeoutMs: number;
  workers: number;
  /** When set: CPU of the servers is also read over this long with every client connected and nobody editing. */
  idleMs?: number;
}

export interface PhaseFigures {
  editsPerSecPerClient: number;
  editsPerSec: number;
  edits: number;
  expectedPairs: number;
  receivedPairs: number;
  missingPairs: number;
  pairP50Ms: number | null;
  pairP99Ms: number | null;
  pairMaxMs: number | null;
  allP50Ms: number | null;
  allP99Ms: number | null;
  /** Pairs whose sender and receiver sat on different instances (scale-out runs only). */
  crossP50Ms: number | null;
  crossP99Ms: number | null;
  /** CPU of every server instance together, in % of one core. */
  serverCpuPct: number;
  /** CPU of each instance, in % of one core (one entry for a single server). */
  serverCpuPctEach: number[];
  serverRssPeakMiB: number;
  serverRssMeanMiB: number;
  serverHeapPeakMiB: number | null;
  loadCpuPct: number;
  loadLoopDelayP99Ms: number;
  machineBusyPct: number;
  /** CPU used by everything else on the machine (other processes), in % of one core. */
  othersCpuPct: number;
  closes: Record<string, number>;
  strayMarkers: number;
  /** Redis's own work over the window, for a server on Redis (`redisUrl`): null otherwise. */
  redis: RedisWork | null;
}

export interface FanoutFigures {
  server: string;
  connectMs: number;
  idleRssMiB: number;
  idleHeapMiB: number | null;
  /** CPU of all servers together with every client connected and nobody editing (% of one core; with `idleMs`). */
  idleCpuPct?: number;
  phases: PhaseFigures[];
}

const MiB = 1024 * 1024;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const startWorker = () => new WorkerProcess<ToWorker, FromWorker>(WORKER, 'load worker');

/** Samples the server's RSS and heap until stopped. */
const sampleServer = (server: ServerHandle) => {
  const rss: number[] = [];
  let heapPeak: number | null = null;
  const take = () => {
    const m = readMemory(server.pid);
    if (m) rss.push(m.rss);
    const h = server.heap();
    if (h) heapPeak = Math.max(heapPeak ?? 0, h.heapUsed);
  };
  take();
  const timer = setInterval(take, SAMPLE_EVERY_MS);
  return () => {
    clearInterval(timer);
    take();
    return {
      peak: Math.max(...rss),
      mean: rss.reduce((a, b) => a + b, 0) / Math.max(1, rss.length),
      heapPeak: heapPeak as number | null
    };
  };
};

/**
 * `server` may be several instances serving the same boards (on one Redis): then each room's URL
 * is a list, one per instance, and the room's clients are spread over them in turn. CPU is summed
 * over the instances (and kept per instance); memory is sampled on the first.
 */
export const runFanout = async (
  serverOrInstances: ServerHandle | ServerHandle[],
  roomUrls: (string | string[])[],
  s: FanoutSettings,
  log: (line: string) => void,
  /** The Redis the servers use, whose own CPU and commands are read over each window. */
  redisUrl?: string
): Promise<FanoutFigures> => {
  const instances = Array.isArray(serverOrInstances) ? serverOrInstances : [serverOrInstances];
  const server = instances[0]!;
  const workers = Array.from({ length: s.workers }, startWorker);
  try {
    const started = Date.now();
    await Promise.all(
      workers.map((w, i) => {
        const rooms: RoomAssignment[] = roomUrls
          .map((url, room): RoomAssignment => (Array.isArray(url) ? { room, url: url[0]!, spread: url } : { room, url }))
          .filter((r) => r.room % s.workers === i);
        return w.request({ type: 'connect', rooms, clientsPerRoom: s.clientsPerRoom });
      })
    );
    const connectMs = Date.now() - started;
    log(`  ${s.rooms * s.clientsPerRoom} clients connected and synced in ${connectMs} ms`);
    const idle = readMemory(server.pid);
    const idleHeap = server.heap();
    let idleCpuPct: number | undefined;
    if (s.idleMs) {
      const before = instances.map((i) => readCpuMs(i.pid) ?? 0);
      await new Promise((r) => setTimeout(r, s.idleMs));
      idleCpuPct = round((instances.reduce((sum, i, n) => sum + ((readCpuMs(i.pid) ?? before[n]!) - before[n]!), 0) / s.idleMs) * 100);
      log(`  idle with everyone connected: server CPU ${idleCpuPct}%`);
    }

    const phases: PhaseFigures[] = [];
    for (const [phase, rate] of s.rates.entries()) {
      collectOwnGarbage();
      log(`  phase ${phase + 1}/${s.rates.length}: ${rate} edit/s per client (${rate * s.rooms * s.clientsPerRoom} edit/s)…`);
      const pending = workers.map((w) =>
        w.request({ type: 'phase', phase, editsPerSec: rate, warmupMs: s.warmupMs, measureMs: s.measureMs, drainTimeoutMs: s.drainTimeoutMs })
      );
      // Server readings over the measurement window only (after warm-up).
      await new Promise((r) => setTimeout(r, s.warmupMs));
      const redis0 = redisUrl ? await readRedisWork(redisUrl) : null;
      const cpu0 = instances.map((i) => readCpuMs(i.pid) ?? 0);
      const machine0 = readMachineCpu();
      const stopSampling = sampleServer(server);
      await new Promise((r) => setTimeout(r, s.measureMs));
      const mem = stopSampling();
      const cpu1 = instances.map((i, n) => readCpuMs(i.pid) ?? cpu0[n]!);
      const cpuEach = cpu1.map((c, n) => ((c - cpu0[n]!) / s.measureMs) * 100);
      const machine1 = readMachineCpu();
      const redis1 = redis0 && redisUrl ? await readRedisWork(redisUrl) : null;
      const reports = (await Promise.all(pending)).map((m) => (m as Extract<FromWorker, { type: 'phase-result' }>).report);
      phases.push(
        summarise(rate, s, reports, {
          serverCpuPct: cpuEach.reduce((a, b) => a + b, 0),
          serverCpuPctEach: cpuEach,
          rssPeak: mem.peak,
          rssMean: mem.mean,
          heapPeak: mem.heapPeak,
          machineBusy: machineBusy(machine0, machine1)
        })
      );
      // Per edit sent in the window (the load's own count), as the server's CPU per edit is.
      const sent = phases.at(-1)!.edits;
      phases.at(-1)!.redis = redis0 && redis1 ? redisWorkBetween(redis0, redis1, s.measureMs, sent) : null;
      for (const instance of instances) {
        const gone = instance.exitStatus();
        if (!gone) continue;
        throw new Error(
          `${instance.label} exited during the ${rate} edit/s phase (code ${gone.code}, signal ${gone.signal}):\n` +
            [...instance.errors, ...instance.logs].slice(-30).join('\n')
        );
      }
      const f = phases.at(-1)!;
      const closed = Object.entries(f.closes)
        .map(([code, n]) => `${n}× ${code}`)
        .join(', ');
      log(
        `    p50 ${f.pairP50Ms} ms, p99 ${f.pairP99Ms} ms, missing ${f.missingPairs}/${f.expectedPairs}, server CPU ${f.serverCpuPct}%, load CPU ${f.loadCpuPct}%` +
          (closed ? `, connections closed by the server: ${closed}` : '')
      );
      if (f.redis) log(`    ${redisWorkText(f.redis)}`);
    }
    return {
      server: server.label,
      connectMs,
      idleRssMiB: round((idle?.rss ?? 0) / MiB),
      idleHeapMiB: idleHeap ? round(idleHeap.heapUsed / MiB) : null,
      idleCpuPct,
      phases
    };
  } finally {
    for (const w of workers) w.close();
  }
};

const summarise = (
  rate: number,
  s: FanoutSettings,
  reports: PhaseReport[],
  server: { serverCpuPct: number; serverCpuPctEach: number[]; rssPeak: number; rssMean: number; heapPeak: number | null; machineBusy: number }
): PhaseFigures => {
  const pairs = createHistogram();
  const all = createHistogram();
  const cross = createHistogram();
  const closes: Record<string, number> = {};
  let edits = 0,
    expected = 0,
    received = 0,
    cpuMs = 0,
    loop = 0,
    stray = 0;
  for (const r of reports) {
    merge(pairs, unpack(r.pairLatency));
    merge(all, unpack(r.allLatency));
    merge(cross, unpack(r.crossLatency));
    edits += r.edits;
    expected += r.expectedPairs;
    received += r.receivedPairs;
    cpuMs += r.cpuMs;
    loop = Math.max(loop, r.loopDelayP99Ms);
    stray += r.strayMarkers;
    for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
  }
  const q = (h: number[], p: number) => {
    const v = quantile(h, p);
    return v === null ? null : round(v, 2);
  };
  return {
    editsPerSecPerClient: rate,
    editsPerSec: rate * s.rooms * s.clientsPerRoom,
    edits,
    expectedPairs: expected,
    receivedPairs: received,
    missingPairs: expected - received,
    pairP50Ms: q(pairs, 0.5),
    pairP99Ms: q(pairs, 0.99),
    pairMaxMs: q(pairs, 1),
    allP50Ms: count(all) ? q(all, 0.5) : null,
    allP99Ms: count(all) ? q(all, 0.99) : null,
    crossP50Ms: count(cross) ? q(cross, 0.5) : null,
    crossP99Ms: count(cross) ? q(cross, 0.99) : null,
    serverCpuPct: round(server.serverCpuPct),
    serverCpuPctEach: server.serverCpuPctEach.map((c) => round(c)),
    serverRssPeakMiB: round(server.rssPeak / MiB),
    serverRssMeanMiB: round(server.rssMean / MiB),
    serverHeapPeakMiB: server.heapPeak === null ? null : round(server.heapPeak / MiB),
    loadCpuPct: round((cpuMs / s.measureMs) * 100),
    loadLoopDelayP99Ms: round(loop, 2),
    machineBusyPct: round(server.machineBusy * 100),
    othersCpuPct: round(Math.max(0, server.machineBusy * os.cpus().length * 100 - server.serverCpuPct - (cpuMs / s.measureMs) * 100)),
    closes,
    strayMarkers: stray,
    redis: null
  };
};
