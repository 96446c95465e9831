/**
 * `pnpm bench`: Plenary's figures from one run, printed as tables and written to
 * tests/bench/results.json.
 *
 *  0. Memory at rest: the compiled server started, nobody connected, beside the reference server
 *     (tests/bench/rest-memory.ts).
 *  1. Joining a board with 100,000 edits in its history (random edits, state about 1.2 MB;
 *     BENCH_HISTORY=typing for a typed one), on SQLite and on Redis: cold (fresh process, after
 *     kill -9 and after a clean stop) and warm, against the client's own apply time (the floor).
 *  2. Fan-out latency, 16 rooms × 30 clients at 1, 3 and 5 edits per second each, for Plenary
 *     (SQLite store writing) and the reference y-websocket@2 server, with server memory and CPU.
 *  2c. Twice the load in Redis mode: Plenary on the Redis store (persistence and fan-out through
 *     Redis) at 5 and 10 edits per second per client (2,400 and 4,800 edits/s), with Redis's own
 *     CPU and commands per edit (redis-work.ts), and the reference at 10 (BENCH_SKIP=redis leaves
 *     both out).
 *  3. Web figures from tests/bench/web-board.ts and export figures from tests/bench/export-bench.ts,
 *     when those modules exist.
 *  4. Join-code guessing: wrong codes checked per minute from one address, without and with the
 *     lock-out (tests/bench/join-guessing.ts; BENCH_JOIN_S seconds per phase).
 *
 *  7. First open on an emulated phone (4× CPU slowdown, 1.6 Mbps, 150 ms) and on localhost: cold and
 *     repeat visit until the board is usable, and the board page's JavaScript as received
 *     (tests/bench/web-phone.ts).
 *  8. Reconnect storms: 2,000 connections over 16 boards reconnecting at once, on a quiet and on a
 *     busy machine, Plenary beside the reference (tests/bench/reconnect-storm.ts).
 *  9. What a board of 200 cards and its saved versions keep in Redis's memory, its versions beside
 *     the plain JSON they were stored as before (tests/bench/stored-size.ts), for docs/SCALING.md.
 *
 *  6. Server memory under slow readers, without and with MAX_BUFFERED_BYTES (tests/bench/slow-reader.ts;
 *     BENCH_SLOW_MIB sent per phase).
 *
 * The machine's speed (a fixed single-core workload, tests/bench/machine-speed.ts) is timed at the
 * start and at the end, and printed in the notes: on a shared machine it drifts within the hour.
 *
 * Settings (environment): BENCH_EDITS, BENCH_HISTORY (scattered | typing), BENCH_JOIN_REPEATS (server
 * starts per stored state, default 7), BENCH_WARMUP_S, BENCH_MEASURE_S, BENCH_LOAD_WORKERS,
 * BENCH_SKIP (comma list of rest, cold, plenary, reference, redis, scale, web, phone, storm, export, join, slow, stored), REDIS_URL, and BENCH_CPU_PROFILE=<dir> to
 * record a CPU profile of Plenary and of the reference during the fan-out runs (their heaviest functions are printed), and
 * BENCH_PLENARY_ENV="TICK_MS=20,COMPACT_AFTER_ENTRIES=1000" to try server settings in the fan-out run,
 * BENCH_NODE_ARGS="--heapsnapshot-signal=SIGUSR2" to start Plenary's fan-out process with more Node flags,
 * BENCH_JOIN_TRACE=1 to print each join's frames as the client receives them (joining-client.ts),
 * BENCH_JOIN_ASYNC=1 to have the joining client inflate through ws's own zlib stream instead of at once,
 * BENCH_LOAD_DEFLATE=1 to have the fan-out's load clients compress every message they send, as browsers do,
 * BENCH_PHONE_RUNS (first opens per condition, default 3) and BENCH_PHONE_TRACE=1 to print each
 * phone open's waterfall (every response and sync frame with its time and bytes), and
 * BENCH_WEB_DIR=<a web/build copy> to open another build of the web app on the phone (an A/B of two
 * builds, one after the other, on the same machine).
 * Targets are printed beside the figures as met / not met; nothing here fails on a figure.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateHistory, generateScatteredHistory } from './board-history.ts';
import { measureRest } from './rest-memory.ts';
import { joinGuessingText, type JoinGuessingFigures } from './join-guessing.ts';
import { summariseServerProfile } from './cpu-profile.ts';
import { slowReaderText, type SlowReaderPhase } from './slow-reader.ts';
import { runColdLoad, type ColdLoadFigures } from './cold-load.ts';
import { runFanout, type FanoutFigures, type FanoutSettings } from './fanout.ts';
import { collectOwnGarbage } from './own-heap.ts';
import { benchScaleOut, scaleOutText, type ScaleOutFigures } from './scale-out.ts';
import { benchWebPhone, webPhoneText, type WebPhoneFigures } from './web-phone.ts';
import { benchReconnectStorm } from './reconnect-storm.ts';
import { stormText, type ReconnectStormFigures } from './storm-figures.ts';
import { benchStoredSize, storedSizeText, type StoredSizeFigures } from './stored-size.ts';
import { createWorkshop, syncUrl } from './plenary-api.ts';
import { compileServer, killAll, startPlenary, startReference, type PlenaryOptions, type StoreKind } from './processes.ts';
import { describeMachine, loadAverage } from './proc-stats.ts';
import { machineSpeedText, measureMachineSpeed } from './machine-speed.ts';
import { deleteKeys, redisAnswers, uniqueKeyPrefix } from './redis-keys.ts';
import {
  coldLoadText,
  disturbanceNotes,
  fanoutText,
  machineText,
  memoryText,
  restText,
  verdictText,
  verdicts,
  type RestFigures,
  type Verdict
} from './report.ts';

const env = process.env;
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const skip = new Set(
  (env.BENCH_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
);
const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
const edits = Number(env.BENCH_EDITS ?? 100_000);
const historyKind = env.BENCH_HISTORY === 'typing' ? 'typing' : 'scattered';
/**
 * Seven server starts per stored state: with five, rows where the server does nothing different
 * from one to the next (the warm joins) read 0.91–1.32× within one run, the join's share of two
 * busy cores landing in some repeats and not others; the median of seven moves less.
 */
const joinRepeats = Math.max(1, Number(env.BENCH_JOIN_REPEATS ?? 7));
const fanoutSettings: FanoutSettings = {
  rooms: 16,
  clientsPerRoom: 30,
  rates: [1, 3, 5],
  warmupMs: Number(env.BENCH_WARMUP_S ?? 3) * 1000,
  measureMs: Number(env.BENCH_MEASURE_S ?? 15) * 1000,
  drainTimeoutMs: 10_000,
  // One load process by default: on a 2-core machine it leaves the other core to the server.
  workers: Number(env.BENCH_LOAD_WORKERS ?? 1)
};
/** Server settings under trial (BENCH_PLENARY_ENV), applied to the fan-out run and named in the notes. */
const plenarySettings: Record<string, string> = Object.fromEntries(
  (env.BENCH_PLENARY_ENV ?? '')
    .split(',')
    .map((kv) => kv.trim())
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as [string, string])
);
const THEMES = Array.from({ length: fanoutSettings.rooms }, (_, i) => `Bench theme ${i + 1}`);

const log = (line: string) => console.log(line);
const scratchDirs: string[] = [];
const redisPrefixes: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenary-bench-'));
  scratchDirs.push(dir);
  return dir;
};

let cleanedUp = false;
const cleanUp = async (): Promise<void> => {
  if (cleanedUp) return;
  cleanedUp = true;
  killAll();
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  for (const prefix of redisPrefixes) {
    const n = await deleteKeys(redisUrl, prefix).catch((err) => {
      log(`could not delete Redis keys ${prefix}*: ${err}`);
      return 0;
    });
    if (n > 0) log(`deleted ${n} Redis keys under ${prefix}`);
  }
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`\n${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const plenaryOptions = (store: StoreKind): Omit<PlenaryOptions, 'logLevel' | 'env'> => {
  const keyPrefix = uniqueKeyPrefix();
  if (store === 'redis') redisPrefixes.push(keyPrefix);
  return { store, dataDir: scratch(), redisUrl, keyPrefix, secret: randomBytes(24).toString('hex') };
};

const coldLoad = async (notes: string[]): Promise<ColdLoadFigures[]> => {
  log(`\n[1] Joining a board: generating a history of ${edits} ${historyKind === 'typing' ? 'typed' : 'random'} edits…`);
  const history = historyKind === 'typing' ? generateHistory(edits) : generateScatteredHistory(edits);
  const stores: StoreKind[] = ['sqlite'];
  if (await redisAnswers(redisUrl)) stores.push('redis');
  else notes.push(`Redis did not answer at ${redisUrl}: joins measured on SQLite only.`);
  const out: ColdLoadFigures[] = [];
  for (const store of stores) {
    log(` ${store}:`);
    out.push(await runColdLoad(plenaryOptions(store), history, joinRepeats, log));
  }
  return out;
};

const rest = async (): Promise<RestFigures> => {
  log('\n[0] Memory at rest (started, nobody connected)');
  return measureRest(plenaryOptions('sqlite'), log);
};

/** Twice the load: the rates of the Redis-mode run (edits per second per client). */
const REDIS_RATES = [5, 10];

/** Plenary's fan-out on one store: SQLite at the compared rates, Redis (store and fan-out) at twice the load. */
const fanoutPlenary = async (store: StoreKind, rates: number[]): Promise<FanoutFigures> => {
  const label = store === 'redis' ? 'Plenary (Redis)' : 'Plenary (SQLite)';
  log(`\n[${store === 'redis' ? '2c' : '2a'}] Fan-out: ${label}, writing every update, at ${rates.join(', ')} edits/s per client`);
  const profileDir = env.BENCH_CPU_PROFILE ? path.resolve(env.BENCH_CPU_PROFILE, store) : null;
  const server = await startPlenary({
    ...plenaryOptions(store),
    env: plenarySettings,
    nodeArgs: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...(env.BENCH_NODE_ARGS ? env.BENCH_NODE_ARGS.split(' ') : [])]
  });
  try {
    const w = await createWorkshop(server.httpBase, 'Bench', THEMES);
    const urls = w.boards.map((b) => syncUrl(server.port, b.id, w.tokens.delegate));
    const figures = await runFanout(server, urls, { ...fanoutSettings, rates }, log, store === 'redis' ? redisUrl : undefined);
    return { ...figures, server: label };
  } finally {
    await server.stop();
    if (profileDir) log(summariseServerProfile(profileDir));
  }
};

const fanoutReference = async (rates = fanoutSettings.rates): Promise<FanoutFigures> => {
  log(`\n[2b] Fan-out: reference y-websocket@2 server (in memory, no store) at ${rates.join(', ')} edits/s per client`);
  const profileDir = env.BENCH_CPU_PROFILE ? path.resolve(env.BENCH_CPU_PROFILE, `reference-${rates.join('-')}`) : null;
  const nodeArgs = profileDir ? ['--require', fileURLToPath(new URL('./exit-on-term.cjs', import.meta.url)), '--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startReference({ nodeArgs });
  try {
    const urls = THEMES.map((_, i) => `ws://127.0.0.1:${server.port}/bench-room-${i}`);
    const figures = await runFanout(server, urls, { ...fanoutSettings, rates }, log);
    return { ...figures, server: 'y-websocket@2 reference' };
  } finally {
    await server.stop();
    if (profileDir) log(summariseServerProfile(profileDir));
  }
};

/**
 * Figures measured by modules other parts of the product keep in this folder (web-board.ts for the
 * board in the browser, export-bench.ts for exports): each exports an async function returning its
 * figures. A module that does not exist yet is skipped with a note.
 */
const optionalFigures = async (title: string, file: string, fnName: string, notes: string[]): Promise<unknown> => {
  const url = new URL(`./${file}`, import.meta.url);
  if (!existsSync(url)) {
    notes.push(`${title}: tests/bench/${file} does not exist yet; skipped.`);
    return null;
  }
  collectOwnGarbage();
  log(`\n${title} (tests/bench/${file})`);
  const mod = (await import(url.href)) as Record<string, unknown>;
  const fn = mod[fnName];
  if (typeof fn !== 'function') {
    notes.push(`${title}: tests/bench/${file} exports no ${fnName}(); skipped.`);
    return null;
  }
  try {
    return await (fn as (ctx: { log: (line: string) => void }) => Promise<unknown>)({ log });
  } catch (err) {
    notes.push(`${title} failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
};

/** A module's figures, or null with a note when it failed (the rest of the run goes on). */
const measured = async <T>(title: string, run: () => Promise<T>, notes: string[]): Promise<T | null> => {
  collectOwnGarbage();
  log(`\n${title}`);
  try {
    return await run();
  } catch (err) {
    notes.push(`${title} failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
};

const phoneVerdicts = (f: WebPhoneFigures | null): Verdict[] =>
  f
    ? [
        ['board usable on a cold first open, emulated phone', f.phone.coldUsable],
        ['board usable on a repeat visit, emulated phone', f.phone.repeatUsable],
        [`board page JavaScript as received (${f.phone.boardPageJs.files} files)`, f.phone.boardPageJs]
      ].map(([what, fig]) => {
        const x = fig as WebPhoneFigures['phone']['coldUsable'];
        return { target: `${what} ≤ ${x.target} ${x.unit}`, figure: `${x.value} ${x.unit}`, met: x.met };
      })
    : [];

const stormVerdicts = (f: ReconnectStormFigures | null): Verdict[] =>
  f
    ? f.conditions.map((c) => ({
        target: `reconnect storm, ${c.condition} machine: every connection synced no later than on the reference`,
        figure: `${c.plenary.allSyncedMs} ms vs ${c.reference.allSyncedMs} ms (load average ${c.loadAverage})`,
        met: c.met
      }))
    : [];

const main = async () => {
  const started = Date.now();
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  const speedAtStart = measureMachineSpeed();
  // Every Plenary measured runs as `pnpm start` runs it: compiled from the sources as they are now.
  compileServer();
  log(machineText(machine));
  log(`Machine speed at the start: ${speedAtStart.medianMs} ms for the fixed work (tests/bench/machine-speed.ts)`);
  const notes: string[] = [
    'Plenary runs as `pnpm start` runs it (compiled from the sources at the start of this run, into server/dist-bench), with its SQLite store writing every update; settings ' +
      (Object.keys(plenarySettings).length > 0 ? `changed for the fan-out run: ${JSON.stringify(plenarySettings)}.` : 'at their defaults.'),
    'Latency: per (edit, receiving client) pair, from just before the sender writes the frame to the receiver seeing the marker; ' +
      '"all-rcv p99" is the time until the last client of the room had the edit; "missing" counts pairs not delivered ' +
      `within ${fanoutSettings.drainTimeoutMs / 1000} s after the phase's last edit.`,
    'Load generator: separate process(es) of raw y-websocket clients that do not apply updates; "load CPU %" and "load lag p99" ' +
      '(its event-loop delay) show whether it kept up. "others CPU %" is what the rest of the machine used meanwhile (% of one core).'
  ];
  const restFigures = skip.has('rest') ? null : await rest();
  const cold = skip.has('cold') ? [] : await coldLoad(notes);
  const plenary = skip.has('plenary') ? undefined : await fanoutPlenary('sqlite', fanoutSettings.rates);
  const reference = skip.has('reference') ? undefined : await fanoutReference();
  const redisAvailable = !skip.has('redis') && (await redisAnswers(redisUrl));
  if (!skip.has('redis') && !redisAvailable) notes.push(`Redis did not answer at ${redisUrl}: the Redis-mode fan-out was not measured.`);
  const plenaryRedis = redisAvailable ? await fanoutPlenary('redis', REDIS_RATES) : undefined;
  const referenceTwice = redisAvailable && !skip.has('reference') ? await fanoutReference([Math.max(...REDIS_RATES)]) : undefined;
  const web = skip.has('web') ? null : await optionalFigures('[3] Web figures', 'web-board.ts', 'benchWebBoard', notes);
  const exports = skip.has('export') ? null : await optionalFigures('[4] Export figures', 'export-bench.ts', 'exportFigures', notes);
  const slowReader = skip.has('slow') ? null : await optionalFigures('[6] Slow readers', 'slow-reader.ts', 'benchSlowReader', notes);
  const scaleOut: ScaleOutFigures | null = skip.has('scale') ? null : await benchScaleOut({ log });
  const phone: WebPhoneFigures | null = skip.has('phone') ? null : await measured('[7] First open on a phone', () => benchWebPhone({ log }), notes);
  const storm: ReconnectStormFigures | null = skip.has('storm') ? null : await measured('[8] Reconnect storms', () => benchReconnectStorm({ log }), notes);
  const joinGuessing = skip.has('join') ? null : await optionalFigures('[5] Join-code guessing', 'join-guessing.ts', 'benchJoinGuessing', notes);
  const storedRedis = !skip.has('stored') && (redisAvailable || (await redisAnswers(redisUrl)));
  if (!skip.has('stored') && !storedRedis) notes.push(`Redis did not answer at ${redisUrl}: what a board keeps in Redis was not measured.`);
  const stored: StoredSizeFigures | null = storedRedis ? await measured('[9] What a board keeps in Redis', () => benchStoredSize({ log }), notes) : null;
  const fanout = [plenary, reference, plenaryRedis, referenceTwice].filter((f): f is FanoutFigures => f !== undefined);
  notes.push(...disturbanceNotes(fanout));
  notes.push(
    `Machine load average (1 min): ${loadAtStart} at the start, ${loadAverage()} at the end (above ~${machine.cores} other work competed for the cores).`
  );
  const speedAtEnd = measureMachineSpeed();
  notes.push(machineSpeedText(speedAtStart, speedAtEnd));
  const v = [...verdicts(cold, plenary, reference, restFigures, plenaryRedis, referenceTwice), ...phoneVerdicts(phone), ...stormVerdicts(storm)];

  log(`\n${machineText(machine)}`);
  log(`Machine load average (1 min) at the start: ${loadAtStart}`);
  if (restFigures) log(`\nMemory at rest (started, nobody connected)\n${restText(restFigures)}`);
  if (cold.length > 0) {
    log(
      `\nJoining a board with ${edits} ${historyKind === 'typing' ? 'typed' : 'random'} edits in its history: a new client (y-websocket provider) from connecting to synced, ` +
        `median of ${joinRepeats} server starts; cold = fresh server process, warm = a second client while the board is loaded; floor = the client's own Y.applyUpdate of the whole state\n` +
        coldLoadText(cold)
    );
  }
  if (fanout.length > 0) {
    log(
      `\nFan-out latency (${fanoutSettings.rooms} rooms × ${fanoutSettings.clientsPerRoom} clients; ${fanoutSettings.warmupMs / 1000} s warm-up, ${fanoutSettings.measureMs / 1000} s measured per level)\n` +
        fanoutText(fanout)
    );
    log(`\nServer memory per load level\n${memoryText(fanout)}`);
  }
  if (scaleOut) log(`\nScale-out: one instance against three on one Redis (each board's clients spread over all three)\n${scaleOutText(scaleOut)}`);
  if (phone) log(`\nFirst open of a board\n${webPhoneText(phone)}`);
  if (storm) log(`\nReconnect storm: ${storm.connections} connections over ${storm.boards} boards at once (${storm.client})\n${stormText(storm)}`);
  if (web) log(`\nWeb figures (board in Chromium)\n${JSON.stringify(web, null, 2)}`);
  if (exports) log(`\nExport figures\n${JSON.stringify(exports, null, 2)}`);
  if (slowReader)
    log(`\nServer memory under slow readers (4 paused clients, 1 MiB updates from one writer)\n${slowReaderText(slowReader as SlowReaderPhase[])}`);
  if (joinGuessing) log(`\nJoin-code guessing from one address\n${joinGuessingText(joinGuessing as JoinGuessingFigures)}`);
  if (stored) log(`\nWhat a board keeps in Redis (MEMORY USAGE after a clean stop)\n${storedSizeText(stored)}`);
  log(`\nTargets\n${verdictText(v)}`);
  log(`\nNotes\n${notes.map((n) => `- ${n}`).join('\n')}`);
  const durationS = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        measuredAt: new Date(started).toISOString(),
        durationS,
        machine,
        machineSpeed: { atStart: speedAtStart, atEnd: speedAtEnd },
        settings: { edits, history: historyKind, joinRepeats, fanout: fanoutSettings, plenary: plenarySettings },
        rest: restFigures,
        coldLoad: cold,
        fanout,
        web,
        exports,
        joinGuessing,
        slowReader,
        scaleOut,
        phone,
        storm,
        stored,
        targets: v,
        notes
      },
      null,
      2
    )}\n`
  );
  log(`\nWritten to ${path.relative(process.cwd(), RESULTS)} (${durationS} s in all).`);
};

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
