/**
 * How fast this machine runs one core's fixed work right now, for `pnpm bench`: the same Yjs and
 * zlib work every time, timed at the start and at the end of the run. On the shared development
 * machine the speed drifts within the hour (the same 4,800 edits/s phase took 86 % of a core in one
 * run and 100 % half an hour later), so a run's figures are read against the speed it had; the
 * figures themselves are still compared only with the peer or floor measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import * as Y from 'yjs';

const Settings = {
  /** Edits in the fixed document (about 60 KB of state). */
  edits: 5_000,
  /** Untimed rounds first, so the JIT has compiled the work. */
  warmup: 2,
  /** Timed rounds; the median is the figure. */
  rounds: 25
} as const;

export interface MachineSpeed {
  /** Median ms of one round: a fresh document applying the fixed state, and that state deflated. */
  medianMs: number;
  roundsMs: number[];
}

/** The same document every run: a seeded generator, not Math.random. */
const fixedState = (): Uint8Array => {
  let seed = 20_261_204;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const doc = new Y.Doc();
  doc.clientID = 1;
  const text = doc.getText('t');
  for (let i = 0; i < Settings.edits; i++) text.insert(Math.floor(next() * (text.length + 1)), String.fromCharCode(97 + Math.floor(next() * 26)));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
};

/** The work itself, timed in this process. */
const timeFixedWork = (): MachineSpeed => {
  const state = fixedState();
  const round = () => {
    for (let i = 0; i < 10; i++) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      doc.destroy();
      deflateRawSync(state, { level: 6 });
    }
  };
  for (let i = 0; i < Settings.warmup; i++) round();
  const roundsMs: number[] = [];
  for (let i = 0; i < Settings.rounds; i++) {
    const start = performance.now();
    round();
    roundsMs.push(Math.round((performance.now() - start) * 10) / 10);
  }
  const sorted = [...roundsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, roundsMs };
};

/**
 * Times the fixed work in a fresh Node process, so the measure at the end of a run meets the same
 * compiler state as the one at the start (in the bench's own process, ten minutes of Yjs work
 * made the same rounds a fifth faster).
 */
export const measureMachineSpeed = (): MachineSpeed => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, PLENARY_MACHINE_SPEED: '1' },
    encoding: 'utf8'
  });
  if (run.status !== 0) throw new Error(`machine speed probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as MachineSpeed;
};

if (process.env.PLENARY_MACHINE_SPEED === '1') process.stdout.write(JSON.stringify(timeFixedWork()));

export const machineSpeedText = (atStart: MachineSpeed, atEnd: MachineSpeed): string =>
  `Machine speed (fixed single-core work: a Yjs apply and a deflate, median of ${Settings.rounds}): ` +
  `${atStart.medianMs} ms at the start, ${atEnd.medianMs} ms at the end` +
  ` (${(atEnd.medianMs / atStart.medianMs).toFixed(2)}× the start's time; more is slower).`;
