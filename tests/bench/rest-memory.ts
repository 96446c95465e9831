/**
 * Memory at rest: the server process started and answering, nobody connected, as `pnpm start`
 * runs it (the compiled bundle in server/dist; the sources through tsx when no bundle was built,
 * which the figure then names), beside the reference y-websocket@2 server in the same run, neither
 * with the heap probe preloaded. Read 5 s after start and again at rest, 30 s after: by then V8
 * has found the process idle and given back what start-up used (its memory reducer runs about
 * 20 s into a quiet spell). Both servers run side by side, so the section takes half a minute.
 */
import { existsSync } from 'node:fs';
import { readMemory } from './proc-stats.ts';
import { PLENARY_BUNDLE, sleep, startPlenary, startReference, type PlenaryOptions, type ServerHandle } from './processes.ts';
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
  const bundle = existsSync(PLENARY_BUNDLE);
  const [plenary, reference] = await Promise.all([startPlenary({ ...o, bundle, probe: false }), startReference({ probe: false })]);
  try {
    const [p, r] = await Promise.all([readings(plenary), readings(reference)]);
    const plenaryRunsFrom = bundle ? 'server/dist/index.mjs' : 'sources through tsx: run pnpm build first';
    log(`  Plenary (${plenaryRunsFrom}) ${p.early} MiB after 5 s, ${p.rest} MiB at rest; reference ${r.early} / ${r.rest} MiB`);
    return { plenaryRunsFrom, plenaryEarlyRssMiB: p.early, plenaryRssMiB: p.rest, referenceEarlyRssMiB: r.early, referenceRssMiB: r.rest };
  } finally {
    await Promise.all([plenary.stop(), reference.stop()]);
  }
};
