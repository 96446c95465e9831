/**
 * The reconnect storm's figures (tests/bench/reconnect-storm.ts runs the storms): what one storm
 * measured, the repeats of each server summed up as medians, and the table the bench prints.
 */
import type { StormReport } from './storm-worker.ts';

export type Condition = 'quiet' | 'busy';

export interface StormFigures {
  /** Median over the repeats of each storm's per-connection p50 / p99 and all-synced time, ms. */
  p50Ms: number;
  p99Ms: number;
  allSyncedMs: number;
  /** Each repeat's all-synced time, ms, in the order run. */
  allSyncedEachMs: number[];
  /** Clients that did not sync within the time-out, summed over the repeats. */
  failed: number;
  /** Server CPU during the storm (median), ms. */
  serverCpuMs: number;
  /** CPU of the load process during the storm (median), ms: it shares the machine with the server. */
  loadCpuMs: number;
  /**
   * Connection attempts the kernel dropped because the server's accept queue was full (median per
   * storm; machine-wide counter, nothing else listening is stormed meanwhile): each costs its client
   * a retransmission of a second or more.
   */
  listenOverflows: number | null;
  /** Connections closed by the server before syncing, by code, summed over the repeats. */
  closes: Record<string, number>;
  /** Socket errors (e.g. connection reset), summed over the repeats. */
  errors: Record<string, number>;
}

export interface StormConditionFigures {
  condition: Condition;
  /** Busy-looping processes running through the storm (0 when quiet). */
  burners: number;
  /** 1-minute load average at the end of the storms (median). */
  loadAverage: number;
  /** Share of all cores busy during the storms (median), %. */
  machineBusyPct: number;
  plenary: StormFigures;
  reference: StormFigures;
  /** Plenary's all-synced time at or below the reference's. */
  met: boolean;
}

export interface ReconnectStormFigures {
  /** 'loaded': the boards were still in Plenary's memory (a short drop); 'unloaded': read from its store again (BENCH_STORM_BOARDS). */
  boards: 'loaded' | 'unloaded';
  connections: number;
  boardCount: number;
  cardsPerBoard: number;
  repeats: number;
  cores: number;
  client: string;
  conditions: StormConditionFigures[];
  /** Met in every condition. */
  met: boolean;
}

export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const percentile = (xs: number[], q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** One storm of one server, as measured around it. */
export interface RunFigures {
  report: StormReport;
  serverCpuMs: number;
  busy: number;
  load: number;
  overflows: number | null;
}

/** A storm's closes and socket errors, for its log line. */
export const describeReport = (r: StormReport): string => {
  const parts = [...Object.entries(r.closes).map(([code, n]) => `${n}× closed ${code}`), ...Object.entries(r.errors).map(([e, n]) => `${n}× ${e}`)];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};

/** The repeats of one server's storm as its figures; a storm with a client not synced counts as `timeoutMs`. */
export const summarise = (runs: RunFigures[], timeoutMs: number): StormFigures => {
  const sum = (pick: (r: StormReport) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const r of runs) for (const [k, n] of Object.entries(pick(r.report))) out[k] = (out[k] ?? 0) + n;
    return out;
  };
  const all = runs.map((r) => (r.report.failed > 0 ? timeoutMs : Math.max(...r.report.syncedMs)));
  return {
    p50Ms: round(median(runs.map((r) => percentile(r.report.syncedMs, 0.5)))),
    p99Ms: round(median(runs.map((r) => percentile(r.report.syncedMs, 0.99)))),
    allSyncedMs: round(median(all)),
    allSyncedEachMs: all.map((ms) => round(ms)),
    failed: runs.reduce((n, r) => n + r.report.failed, 0),
    serverCpuMs: round(median(runs.map((r) => r.serverCpuMs))),
    loadCpuMs: round(median(runs.map((r) => r.report.cpuMs))),
    listenOverflows: runs.some((r) => r.overflows === null) ? null : median(runs.map((r) => r.overflows!)),
    closes: sum((r) => r.closes),
    errors: sum((r) => r.errors)
  };
};

/** The storm figures as a small table. */
export const stormText = (f: ReconnectStormFigures): string => {
  const rows = f.conditions.flatMap((c) =>
    (['plenary', 'reference'] as const).map((k) => {
      const s = c[k];
      return [
        c.condition,
        k === 'plenary' ? 'Plenary' : 'reference',
        String(c.loadAverage),
        `${c.machineBusyPct}%`,
        String(s.p50Ms),
        String(s.p99Ms),
        String(s.allSyncedMs),
        s.allSyncedEachMs.join(' '),
        String(s.failed),
        String(s.serverCpuMs),
        String(s.listenOverflows ?? '–'),
        k === 'plenary' ? (c.met ? 'met' : 'NOT MET') : ''
      ];
    })
  );
  const head = [
    'machine',
    'server',
    'load avg',
    'busy',
    'p50 ms',
    'p99 ms',
    'all synced ms',
    'each repeat ms',
    'failed',
    'server CPU ms',
    'SYNs dropped',
    'target'
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
