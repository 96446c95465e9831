/**
 * The joining client in a process of its own, as a device is (cold-load.ts drives it over IPC):
 * it holds the board it joins and nothing else. In the bench's own process the client shared a
 * heap with the 100,000-edit history and everything the other figures keep; that heap grew to
 * 450–500 MB between collections, and each collection's marking (100–250 ms of wall time, up to
 * 130 ms of it in steps on the main thread) landed in the middle of joins and floors alike: the
 * frames of one join reached the provider 20–40 ms apart while it spent 5–10 ms on each.
 *
 * Requests, one at a time:
 *   setup { state }   the board's whole state (base64): applied FLOOR_RUNS times, the floor
 *                     measured before the joins (and the client's Yjs warmed as before)
 *   join { port, boardId, token }
 *                     a cold join, its floor, then a warm join beside it and its floor (each the
 *                     median of FLOOR_AFTER_JOIN applies); the joined boards are compared with
 *                     the state afterwards
 */
import * as Y from 'yjs';
import { describeDifference } from './board-history.ts';
import { join, measureApply, FLOOR_RUNS } from './joining-client.ts';

export interface JoinTimes {
  ms: number;
  answerMs: number;
  /** The floor measured right after this join (the same moment's machine load): median of FLOOR_AFTER_JOIN applies. */
  applyMs: number;
}

export type ToJoinClient = { type: 'setup'; state: string } | { type: 'join'; port: number; boardId: string; token: string } | { type: 'close' };

export type FromJoinClient =
  | { type: 'ready'; applyRunsMs: number[] }
  | { type: 'joined'; cold: JoinTimes; warm: JoinTimes; difference: string | null }
  | { type: 'error'; message: string };

/**
 * Applies timed after each join. One alone ranged 130–255 ms between consecutive joins of one
 * run (the collector and the machine's other work land in some and not others), which moved a
 * join's ratio more than anything the server did.
 */
const FLOOR_AFTER_JOIN = 3;

let state: Uint8Array | null = null;

const floorNow = (): number => {
  const runs = measureApply(state!, FLOOR_AFTER_JOIN).sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
};

const reply = (msg: FromJoinClient): void => {
  process.send!(msg);
};

/** Compared once the joins are timed: the expected board is built from the state only now. */
const differenceFrom = (joined: Y.Doc[]): string | null => {
  const expected = new Y.Doc();
  Y.applyUpdate(expected, state!);
  try {
    for (const doc of joined) {
      const difference = describeDifference(expected, doc);
      if (difference) return difference;
    }
    return null;
  } finally {
    expected.destroy();
  }
};

const handle = async (msg: ToJoinClient): Promise<void> => {
  switch (msg.type) {
    case 'setup': {
      state = new Uint8Array(Buffer.from(msg.state, 'base64'));
      return reply({ type: 'ready', applyRunsMs: measureApply(state, FLOOR_RUNS) });
    }
    case 'join': {
      if (!state) throw new Error('join before setup');
      const cold = await join(msg.port, msg.boardId, msg.token);
      const coldApplyMs = floorNow();
      const warm = await join(msg.port, msg.boardId, msg.token);
      const warmApplyMs = floorNow();
      const difference = differenceFrom([cold.doc, warm.doc]);
      cold.leave();
      warm.leave();
      return reply({
        type: 'joined',
        cold: { ms: cold.ms, answerMs: cold.answerMs, applyMs: coldApplyMs },
        warm: { ms: warm.ms, answerMs: warm.answerMs, applyMs: warmApplyMs },
        difference
      });
    }
    case 'close':
      process.exit(0);
  }
};

process.on('message', (msg: ToJoinClient) => {
  handle(msg).catch((err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
