/**
 * Memory at rest: the server process started and answering, nobody connected, as `pnpm start`
 * runs it (the compiled server, server/dist/index.mjs), beside the reference y-websocket@2 server
 * in the same run, neither with the heap probe preloaded. Read 5 s after start and again at rest,
 * 30 s after: by then V8 has found the process idle and given back what start-up used (its memory
 * reducer runs about 20 s into a quiet spell). Both servers run side by side, so the section takes
 * half a minute.
 */
import path from 'node:path';
import { readMemory } from './proc-stats.ts';
import { PLENARY_BUNDLE, REPO_ROOT, sleep, startPlenary, startReference, type PlenaryOptions, type ServerHandle } from './processes.ts';
import type { RestFigures } from './report.ts';

const EARLY_MS = 5_000;
const REST_MS = 30_000;
const SAMPLES = 5;
const MiB = 1024 * 1024;

/** Median RSS (MiB) of a few readings, 200 ms apart. */
const rss = async (server: ServerHandle): Promise<number> => {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(readMemory(server.pid)?.rss ?? 0);
    await sleep(200);
  }
  samples.sort((a, b) => a - b);
  return Math.round((samples[Math.floor(SAMPLES / 2)]! / MiB) * 10) / 10;
};

/** RSS 5 s after the server answered, and at rest. */
const readings = async (server: ServerHandle): Promise<{ early: number; rest: number }> => {
  const started = Date.now();
  await sleep(EARLY_MS);
  const early = await rss(server);
  await sleep(Math.max(0, REST_MS - (Date.now() - started)));
  return { early, rest: await rss(server) };
};

export const measureRest = async (o: Omit<PlenaryOptions, 'logLevel' | 'env'>, log: (line: string) => void): Promise<RestFigures> => {
  const [plenary, reference] = await Promise.all([startPlenary({ ...o, probe: false }), startReference({ probe: false })]);
  try {
    const [p, r] = await Promise.all([readings(plenary), readings(reference)]);
    const plenaryRunsFrom = path.relative(REPO_ROOT, PLENARY_BUNDLE);
    log(`  Plenary (${plenaryRunsFrom}) ${p.early} MiB after 5 s, ${p.rest} MiB at rest; reference ${r.early} / ${r.rest} MiB`);
    return { plenaryRunsFrom, plenaryEarlyRssMiB: p.early, plenaryRssMiB: p.rest, referenceEarlyRssMiB: r.early, referenceRssMiB: r.rest };
  } finally {
    await Promise.all([plenary.stop(), reference.stop()]);
  }
};
