/**
 * Scale-out: the same fan-out load (16 boards × 30 clients) served by one Plenary instance and by
 * three instances on the same Redis, each board's 30 clients spread over all three (client i on
 * instance i mod 3), so two thirds of every board's (edit, receiver) pairs cross Redis pub/sub.
 * Both configurations run in the same call, one after the other, with the Redis store writing.
 *
 * Figures: cross-instance p50/p99 (pairs whose sender and receiver sit on different instances),
 * p99 over all pairs, CPU per instance and CPU ms per edit (all instances together), RSS per
 * connection, and Redis's own CPU and commands per edit (redis-work.ts; not for the cluster).
 * docs/SCALING.md turns them into a capacity estimate.
 *
 * `benchScaleOut({ log })` is what `pnpm bench` calls; `node --import tsx tests/bench/scale-out.ts`
 * runs it alone (BENCH_MEASURE_S, BENCH_WARMUP_S, BENCH_SCALE_RATES="1,3", REDIS_URL).
 * BENCH_SCALE_CLUSTER=1 adds a third configuration: the three instances on a throw-away local Redis
 * Cluster of three masters (tests/utils/redis-cluster.ts), sharded pub/sub.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runFanout, type FanoutFigures, type FanoutSettings } from './fanout.ts';
import { createWorkshop, syncUrl } from './plenary-api.ts';
import { killAll, startPlenary, type ServerHandle } from './processes.ts';
import { describeMachine, loadAverage, readMemory } from './proc-stats.ts';
import { deleteKeys, redisAnswers, uniqueKeyPrefix } from './redis-keys.ts';

const env = process.env;
const MiB = 1024 * 1024;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface ScaleOutConfig {
  instances: number;
  /** 'redis' (one server) or 'cluster' (three local masters). */
  redis: 'redis' | 'cluster';
  loadAverageBefore: number;
  loadAverageAfter: number;
  /** RSS of the first instance before any client connected and with all its clients connected. */
  rssBeforeMiB: number;
  rssConnectedMiB: number;
  connectionsOnFirst: number;
  fanout: FanoutFigures;
}

export interface ScaleOutFigures {
  redisUrl: string;
  settings: FanoutSettings;
  configs: ScaleOutConfig[];
}

const settingsFromEnv = (): FanoutSettings => ({
  rooms: 16,
  clientsPerRoom: 30,
  rates: (env.BENCH_SCALE_RATES ?? '1,3')
    .split(',')
    .map(Number)
    .filter((n) => n > 0),
  warmupMs: Number(env.BENCH_WARMUP_S ?? 3) * 1000,
  measureMs: Number(env.BENCH_MEASURE_S ?? 15) * 1000,
  drainTimeoutMs: 10_000,
  workers: Number(env.BENCH_LOAD_WORKERS ?? 1),
  idleMs: 5_000
});

const THEMES = Array.from({ length: 16 }, (_, i) => `Scale theme ${i + 1}`);

const runConfig = async (
  instanceCount: number,
  redisUrl: string,
  s: FanoutSettings,
  log: (line: string) => void,
  redisKind: 'redis' | 'cluster' = 'redis'
): Promise<ScaleOutConfig> => {
  const keyPrefix = uniqueKeyPrefix();
  const secret = randomBytes(24).toString('hex');
  const dirs: string[] = [];
  const instances: ServerHandle[] = [];
  const loadAverageBefore = loadAverage();
  try {
    for (let i = 0; i < instanceCount; i++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-scale-'));
      dirs.push(dataDir);
      instances.push(await startPlenary({ store: 'redis', dataDir, redisUrl, keyPrefix, secret }));
    }
    const first = instances[0]!;
    const rssBefore = readMemory(first.pid)?.rss ?? 0;
    const w = await createWorkshop(first.httpBase, 'Scale-out bench', THEMES.slice(0, s.rooms));
    const urls = w.boards.map((b) => instances.map((inst) => syncUrl(inst.port, b.id, w.tokens.delegate)));
    const fanout = await runFanout(instances, instanceCount === 1 ? urls.map((u) => u[0]!) : urls, s, log, redisUrl);
    return {
      instances: instanceCount,
      redis: redisKind,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      rssBeforeMiB: round(rssBefore / MiB),
      rssConnectedMiB: fanout.idleRssMiB,
      connectionsOnFirst: Math.ceil(s.clientsPerRoom / instanceCount) * s.rooms,
      fanout: { ...fanout, server: `Plenary ×${instanceCount} (${redisKind === 'cluster' ? 'Redis Cluster' : 'Redis'})` }
    };
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    if (redisKind === 'redis') await deleteKeys(redisUrl, keyPrefix).catch(() => 0);
  }
};

/**
 * CPU ms spent by all instances together per edit actually sent in the window (one edit reaches 29
 * receivers). Per edit sent, not per edit planned: a starved load generator sends fewer.
 */
export const cpuMsPerEdit = (cpuPct: number, edits: number, measureMs: number): number => (edits > 0 ? round(((cpuPct / 100) * measureMs) / edits, 3) : 0);

export const scaleOutText = (f: ScaleOutFigures): string => {
  const rows = [
    'instances | edit/s (sent) | p50 cross | p99 cross | p99 all | missing | CPU % per instance | CPU ms/edit (all) | idle CPU % (all) | RSS/conn KiB | Redis CPU % (µs/edit) | Redis commands/edit | load avg',
    '--------- | ------------- | --------- | --------- | ------- | ------- | ------------------ | ----------------- | ---------------- | ------------ | --------------------- | ------------------- | --------'
  ];
  for (const c of f.configs) {
    const perConnKiB = c.connectionsOnFirst > 0 ? round(((c.rssConnectedMiB - c.rssBeforeMiB) * 1024) / c.connectionsOnFirst, 0) : 0;
    for (const p of c.fanout.phases) {
      rows.push(
        [
          c.redis === 'cluster' ? `${c.instances} (cluster)` : c.instances,
          `${p.editsPerSec} (${Math.round(p.edits / (f.settings.measureMs / 1000))})`,
          p.crossP50Ms ?? '–',
          p.crossP99Ms ?? '–',
          p.pairP99Ms,
          `${p.missingPairs}/${p.expectedPairs}`,
          p.serverCpuPctEach.join(' / '),
          cpuMsPerEdit(p.serverCpuPct, p.edits, f.settings.measureMs),
          c.fanout.idleCpuPct ?? '–',
          perConnKiB,
          p.redis ? `${p.redis.cpuPct} (${p.redis.cpuUsPerEdit})` : '–',
          p.redis ? p.redis.commandsPerEdit : '–',
          `${c.loadAverageBefore} → ${c.loadAverageAfter}`
        ].join(' | ')
      );
    }
  }
  return rows.join('\n');
};

export const benchScaleOut = async ({ log }: { log: (line: string) => void }): Promise<ScaleOutFigures | null> => {
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!(await redisAnswers(redisUrl))) {
    log(`  Redis did not answer at ${redisUrl}: scale-out skipped`);
    return null;
  }
  const s = settingsFromEnv();
  const configs: ScaleOutConfig[] = [];
  for (const n of [1, 3]) {
    log(` ${n} instance(s) on ${redisUrl}:`);
    configs.push(await runConfig(n, redisUrl, s, log));
  }
  if (env.BENCH_SCALE_CLUSTER === '1') {
    const { startLocalCluster } = await import('../utils/redis-cluster.ts');
    const cluster = await startLocalCluster(3);
    try {
      log(` 3 instances on a local Redis Cluster (${cluster.url}):`);
      configs.push(await runConfig(3, cluster.url, s, log, 'cluster'));
    } finally {
      await cluster.close();
    }
  }
  return { redisUrl, settings: s, configs };
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line: string) => console.log(line);
  try {
    const machine = describeMachine();
    log(JSON.stringify(machine));
    const figures = await benchScaleOut({ log });
    if (figures) {
      log(`\nScale-out (16 boards × 30 clients; three instances: each board's clients spread over all three)\n${scaleOutText(figures)}`);
      log(`\n${JSON.stringify(figures)}`);
    }
  } finally {
    killAll();
  }
}
