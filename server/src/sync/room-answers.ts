/**
 * What a room sends a device that asks for the board (its sync step 1): the board's whole state as
 * bytes (whole-state.ts) for a device holding nothing, what it lacks for one holding part, and the
 * last answers kept until the board changes (answer-cache.ts). A device holding nothing, while the
 * log read from the store is not merged yet, gets the base at once (in its slices, for a large
 * board) and the merged log once the base has left its socket (`WholeState.freshInParts`).
 */
import type * as Y from 'yjs';
import type { Connection } from './connection.ts';
import { AnswerCache } from './answer-cache.ts';
import { isEmptyStateVector } from './protocol.ts';
import { WholeState } from './whole-state.ts';

export class RoomAnswers {
  /** Set once the store is read. */
  private whole: WholeState | null = null;
  /** Answers since the last change: a reconnect storm asks the same question over and over. */
  private readonly kept = new AnswerCache();

  /**
   * What the store held: a base (in its parts) and the updates after it. Returns the frames that
   * carry the base to every device holding nothing (none without a base), to be compressed before
   * anyone asks; `mergeNow` (a board read ahead, nobody waiting) merges the log at once as well.
   */
  read(base: Uint8Array[] | null, tail: Uint8Array[], mergeNow: boolean): Uint8Array[] {
    this.whole = new WholeState(base, tail);
    const baseFrames = this.whole.framesOfBase() ?? [];
    if (mergeNow) this.whole.fresh();
    return baseFrames;
  }

  /** The store has been read: devices may be answered. */
  get ready(): boolean {
    return this.whole !== null;
  }

  /** The document changed: no answer kept from before holds it. */
  changed(): void {
    this.kept.clear();
  }

  /** A tick's merged update, which what devices holding nothing are sent now includes. */
  added(merged: Uint8Array): void {
    this.kept.clear();
    this.whole?.add(merged);
  }

  /**
   * Sends `conn` what it lacks for `stateVector`; `doc` is the room's integrated document, or null
   * while it still integrates what it read. `answered` runs once the whole answer is queued;
   * `present` says whether the connection is still in the room when the second part is due.
   */
  answer(conn: Connection, stateVector: Uint8Array, doc: Y.Doc | null, present: () => boolean, answered: () => void): void {
    const whole = this.whole!;
    const send = (frames: Uint8Array[]) => {
      for (const frame of frames) conn.send(frame);
      answered();
    };
    const kept = this.kept.get(stateVector);
    if (kept) return send(kept);
    if (isEmptyStateVector(stateVector)) {
      const { now, rest } = whole.freshInParts(doc);
      if (rest) {
        for (const frame of now.slice(0, -1)) conn.send(frame);
        return conn.send(now.at(-1)!, () => {
          if (present()) send(rest());
        });
      }
    }
    const frames = whole.answer(stateVector, doc);
    this.kept.set(stateVector, frames);
    send(frames);
  }
}
