/**
 * Join-code guessing: how many wrong codes one address gets checked per minute, with the lock-out
 * switched off (limits raised out of reach: what guessing cost before it existed) and with the
 * defaults (JOIN_MAX_MISSES=10, JOIN_LOCKOUT_MINUTES=15). A guess counts as checked when the server
 * answers 404 (it looked the code up and said no); 429 is a refusal (the miss that starts the
 * lock-out is looked up too but answered 429). Each phase hammers the server from loopback for a
 * few seconds with a handful of parallel requests; "per minute" is over that short window, so for
 * the lock-out phase the long-run figure printed below the table is the one that matters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startPlenary } from './processes.ts';

const PHASE_MS = Number(process.env.BENCH_JOIN_S ?? 5) * 1000;
const PARALLEL = 8;
const DEFAULT_MAX_MISSES = 10;
const DEFAULT_LOCKOUT_MIN = 15;

export interface JoinGuessingPhase {
  label: string;
  seconds: number;
  checked: number;
  refused: number;
  checkedPerMinute: number;
}
export interface JoinGuessingFigures {
  phases: JoinGuessingPhase[];
  /** With the lock-out, the most an address can have checked per minute in the long run. */
  sustainedPerMinuteWithLockout: number;
}

/** A code that is never issued (O and I are not in the code alphabet). */
const wrongCode = (i: number) => `OOI-${(i % 1000).toString().padStart(3, '0')}`;

const phase = async (label: string, env: Record<string, string>): Promise<JoinGuessingPhase> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-bench-join-'));
  const server = await startPlenary({ store: 'sqlite', dataDir, redisUrl: '', keyPrefix: 'bench-join', secret: randomBytes(24).toString('hex'), env });
  let checked = 0;
  let refused = 0;
  let n = 0;
  const started = Date.now();
  const deadline = started + PHASE_MS;
  try {
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (Date.now() < deadline) {
          const res = await fetch(`${server.httpBase}/api/join/${wrongCode(n++)}`);
          await res.arrayBuffer();
          if (res.status === 404) checked++;
          else if (res.status === 429) refused++;
          else throw new Error(`unexpected ${res.status} from /api/join`);
        }
      })
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  return { label, seconds: Math.round(seconds * 10) / 10, checked, refused, checkedPerMinute: Math.round((checked / seconds) * 60) };
};

export const benchJoinGuessing = async ({ log }: { log: (line: string) => void }): Promise<JoinGuessingFigures> => {
  const huge = String(1_000_000_000);
  const phases = [await phase('lock-out off', { JOIN_MAX_MISSES: huge, JOIN_PER_MINUTE: huge }), await phase('defaults (10 misses → 15 min lock-out)', {})];
  const figures = { phases, sustainedPerMinuteWithLockout: Math.round((DEFAULT_MAX_MISSES / DEFAULT_LOCKOUT_MIN) * 100) / 100 };
  log(joinGuessingText(figures));
  return figures;
};

export const joinGuessingText = (f: JoinGuessingFigures): string =>
  [
    '| phase | seconds | wrong codes checked | refused (429) | checked per minute |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...f.phases.map((p) => `| ${p.label} | ${p.seconds} | ${p.checked} | ${p.refused} | ${p.checkedPerMinute} |`),
    `With the lock-out an address gets at most ${f.sustainedPerMinuteWithLockout} wrong codes checked per minute in the long run (10 per 15 min).`
  ].join('\n');
