/** The printed tables and the target verdicts (printed as met / not met, never asserted). */
import type { ColdLoadFigures } from './cold-load.ts';
import type { FanoutFigures } from './fanout.ts';
import type { MachineInfo } from './proc-stats.ts';

export const Target = {
  /** Cold and warm joins within this multiple of the client's own apply time (the floor). */
  joinOverApply: 1.2,
  /** Server RSS at rest (started, nobody connected), compiled bundle. */
  restRssMiB: 80,
  storedOverState: 2,
  p99At5Ms: 50,
  rateCompared: 3,
  rateFast: 5,
  /** Twice the load, in Redis mode: p99 under this at this rate (16 boards × 30 people × 10 edits/s). */
  p99AtTwiceMs: 50,
  rateTwice: 10
} as const;

export interface Verdict {
  target: string;
  figure: string;
  met: boolean | null;
}

const table = (head: string[], rows: (string | number | null)[][]): string => {
  const cells = [head, ...rows.map((r) => r.map((c) => (c === null ? '–' : String(c))))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
};

const mark = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'NOT MET');

export const machineText = (m: MachineInfo): string => `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}`;

export const coldLoadText = (figures: ColdLoadFigures[]): string =>
  table(
    [
      'store / stored state',
      'state B',
      'stored/state',
      'log entries',
      'server copy built ms',
      "answer's first frame ms (cold / warm)",
      'cold join ms',
      'cold/apply',
      'warm join ms',
      'warm/apply',
      'floor: apply ms (cold / warm)',
      'target',
      'content'
    ],
    figures.flatMap((f) =>
      (
        [
          ['after kill -9 (log not folded)', f.afterCrash],
          ['after kill -9, not read ahead', f.afterCrashNotReadAhead],
          ['after a clean stop', f.afterCleanStop]
        ] as const
      ).map(([label, m]) => [
        `${f.store}: ${label}`,
        f.stateBytes,
        `${(m.storedBytes / f.stateBytes).toFixed(2)}×`,
        m.logEntries,
        m.cold.serverLoadMs,
        `${m.cold.answerMs} / ${m.warm.answerMs}`,
        m.cold.connectToSyncedMs,
        `${m.cold.overApply.toFixed(2)}×`,
        m.warm.connectToSyncedMs,
        `${m.warm.overApply.toFixed(2)}×`,
        `${m.cold.applyMs} / ${m.warm.applyMs}`,
        `≤ ${Target.joinOverApply}×`,
        m.cold.verified && m.warm.verified ? 'complete' : 'DIFFERS'
      ])
    )
  );

export interface RestFigures {
  /** What was started for Plenary: the compiled server. */
  plenaryRunsFrom: string;
  /** 5 s after it answered. */
  plenaryEarlyRssMiB: number;
  /** At rest: 30 s after start, nobody connected. */
  plenaryRssMiB: number;
  referenceEarlyRssMiB: number;
  referenceRssMiB: number;
}

export const restText = (r: RestFigures): string =>
  table(
    ['server', 'RSS 5 s after start MiB', 'RSS at rest (30 s) MiB', 'target'],
    [
      [`Plenary (${r.plenaryRunsFrom})`, r.plenaryEarlyRssMiB, r.plenaryRssMiB, `≤ ${Target.restRssMiB} MiB at rest`],
      ['y-websocket@2 reference', r.referenceEarlyRssMiB, r.referenceRssMiB, 'peer']
    ]
  );

export const fanoutText = (figures: FanoutFigures[]): string =>
  table(
    [
      'server',
      'edit/s/client',
      'edit/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'all-rcv p99',
      'missing',
      'srv CPU %',
      'RSS peak MiB',
      'heap peak MiB',
      'load CPU %',
      'load lag p99',
      'others CPU %',
      'Redis CPU %'
    ],
    figures.flatMap((f) =>
      f.phases.map((p) => [
        f.server,
        p.editsPerSecPerClient,
        p.editsPerSec,
        p.pairP50Ms,
        p.pairP99Ms,
        p.pairMaxMs,
        p.allP99Ms,
        `${p.missingPairs}/${p.expectedPairs}`,
        p.serverCpuPct,
        p.serverRssPeakMiB,
        p.serverHeapPeakMiB,
        p.loadCpuPct,
        p.loadLoopDelayP99Ms,
        p.othersCpuPct,
        p.redis ? p.redis.cpuPct : '–'
      ])
    )
  );

export const memoryText = (figures: FanoutFigures[]): string =>
  table(
    ['server', 'idle RSS MiB', 'idle heap MiB', 'RSS per load level: edit/s/client mean/peak MiB'],
    figures.map((f) => [
      f.server,
      f.idleRssMiB,
      f.idleHeapMiB,
      f.phases.map((p) => `@${p.editsPerSecPerClient}/s ${p.serverRssMeanMiB}/${p.serverRssPeakMiB}`).join(', ')
    ])
  );

const phaseAt = (f: FanoutFigures | undefined, rate: number) => f?.phases.find((p) => p.editsPerSecPerClient === rate);

export const verdicts = (
  cold: ColdLoadFigures[],
  plenary: FanoutFigures | undefined,
  reference: FanoutFigures | undefined,
  rest: RestFigures | null = null,
  redis?: FanoutFigures,
  referenceTwice?: FanoutFigures
): Verdict[] => {
  const out: Verdict[] = [];
  for (const c of cold) {
    for (const [label, m] of [
      ['after kill -9', c.afterCrash],
      ['after kill -9, not read ahead', c.afterCrashNotReadAhead],
      ['clean stop', c.afterCleanStop]
    ] as const) {
      for (const [kind, j] of [
        ['cold', m.cold],
        ['warm', m.warm]
      ] as const) {
        out.push({
          target: `${kind} join ≤ ${Target.joinOverApply}× client apply (${c.store}, ${label})`,
          figure: `${j.connectToSyncedMs} ms vs ${j.applyMs} ms: ${j.overApply.toFixed(2)}× (answer's first frame at ${j.answerMs} ms)`,
          met: j.overApply <= Target.joinOverApply
        });
      }
      out.push({
        target: `stored ≤ ${Target.storedOverState}× state (${c.store}, ${label})`,
        figure: `${(m.storedBytes / c.stateBytes).toFixed(2)}×`,
        met: m.storedBytes <= Target.storedOverState * c.stateBytes
      });
      out.push({
        target: `joined board complete (${c.store}, ${label})`,
        figure: m.cold.verified ? 'complete' : (m.cold.difference ?? 'differs'),
        met: m.cold.verified && m.warm.verified
      });
    }
  }
  if (rest) {
    out.push({
      target: `RSS at rest ≤ ${Target.restRssMiB} MiB (${rest.plenaryRunsFrom})`,
      figure: `${rest.plenaryRssMiB} MiB vs reference ${rest.referenceRssMiB} MiB (5 s after start: ${rest.plenaryEarlyRssMiB} vs ${rest.referenceEarlyRssMiB})`,
      met: rest.plenaryRssMiB <= Target.restRssMiB
    });
  }
  const twice = phaseAt(redis, Target.rateTwice);
  if (twice) {
    const ref = phaseAt(referenceTwice, Target.rateTwice);
    out.push({
      target: `Plenary (Redis) p99 < ${Target.p99AtTwiceMs} ms at ${Target.rateTwice} edit/s/client (${twice.editsPerSec} edit/s), nothing undelivered`,
      figure: `${twice.pairP99Ms ?? '–'} ms, ${twice.missingPairs} missing (reference in the same run: ${ref?.pairP99Ms ?? '–'} ms, ${ref?.missingPairs ?? '–'} missing)`,
      met: twice.pairP99Ms != null ? twice.pairP99Ms < Target.p99AtTwiceMs && twice.missingPairs === 0 : null
    });
  }
  if (!plenary) return out;
  const p3 = phaseAt(plenary, Target.rateCompared);
  const r3 = phaseAt(reference, Target.rateCompared);
  out.push({
    target: `Plenary p99 ≤ reference p99 at ${Target.rateCompared} edit/s/client`,
    figure: `${p3?.pairP99Ms ?? '–'} ms vs ${r3?.pairP99Ms ?? '–'} ms`,
    met: p3?.pairP99Ms != null && r3?.pairP99Ms != null ? p3.pairP99Ms <= r3.pairP99Ms : null
  });
  const p5 = phaseAt(plenary, Target.rateFast);
  out.push({
    target: `Plenary p99 < ${Target.p99At5Ms} ms at ${Target.rateFast} edit/s/client`,
    figure: `${p5?.pairP99Ms ?? '–'} ms`,
    met: p5?.pairP99Ms != null ? p5.pairP99Ms < Target.p99At5Ms : null
  });
  for (const f of [plenary, reference, redis]) {
    if (!f) continue;
    const missing = f.phases.reduce((a, p) => a + p.missingPairs, 0);
    out.push({ target: `every edit reaches every other client (${f.server})`, figure: `${missing} missing`, met: missing === 0 });
  }
  return out;
};

export const verdictText = (v: Verdict[]): string =>
  table(
    ['target', 'figure', 'verdict'],
    v.map((x) => [x.target, x.figure, mark(x.met)])
  );

/** CPU (in % of one core) that other processes may use during a phase before the figures are flagged as disturbed. */
export const OTHERS_CPU_WARN_PCT = 25;

export const disturbanceNotes = (figures: FanoutFigures[]): string[] =>
  figures.flatMap((f) =>
    f.phases
      .filter((p) => p.othersCpuPct > OTHERS_CPU_WARN_PCT)
      .map(
        (p) =>
          `DISTURBED: other processes used ${p.othersCpuPct}% of a core while ${f.server} was measured at ${p.editsPerSecPerClient} edit/s/client; ` +
          'those latencies say more about the machine than the server. Re-run on a quiet machine.'
      )
  );
