/**
 * A room's whole document as bytes, for the clients that join it: a base (one update holding the
 * document at some moment — right after a load, the stored snapshot itself) and the updates since
 * (the tail). Answering a fresh device takes no Y.Doc on the way, so a room can answer from the
 * bytes it read from the store while it is still integrating them, and a loaded room does not
 * re-encode a large board for every newcomer.
 *
 * The answer is the base as an update frame, then sync step 2 with the tail merged. The base goes
 * first so that it can leave before the tail is merged: a board read from the store after a crash
 * holds hundreds of logged edits, and merging them in a fresh process takes about as long as
 * compressing the base (20–50 ms). The device applies the base meanwhile (most of its wait), then
 * the tail, which builds on it; step 2 comes last, so when it tells the device it is synced, the
 * device holds everything.
 *
 * A fresh device's frames are kept until the bytes change, so every fresh device is sent the same
 * frame objects: the sync socket deflates a frame once for all of them (deflate-once.ts). The base's
 * frame outlives the tail's: edits after it change only the small frame after it, so a board
 * being edited is not deflated whole again for each device that joins it fresh.
 */
import * as Y from 'yjs';
import { isEmptyStateVector, writeSyncStep2, writeUpdate } from './protocol.ts';

/**
 * Past this share of the base, the bytes are dropped and the next newcomer has the document
 * encoded again: merging costs in proportion to the tail, encoding to the whole board.
 */
const TAIL_SHARE = 1 / 8;

export class WholeState {
  private tail: Uint8Array[];
  private tailBytes: number;
  /** What a device holding nothing is sent, until the base or tail changes. */
  private freshFrames: Uint8Array[] | null = null;
  /** The update frame carrying the base, built once per base (its last bytes are the base). */
  private baseFrame: Uint8Array | null = null;
  /** The fresh answer in two parts (`freshInParts`), until the bytes change. */
  private freshParts: FreshParts | null = null;

  constructor(
    /** The document at some moment, as one update; null for a document with nothing stored. */
    private base: Uint8Array | null,
    /** Updates after the base (in any order: Yjs merges them whatever the order). */
    tail: Uint8Array[] = []
  ) {
    this.tail = [...tail];
    this.tailBytes = tail.reduce((sum, u) => sum + u.length, 0);
  }

  /**
   * An update the integrated document took after the base (the room adds each tick's merged
   * update). Kept as it is — merging waits for someone to join — until the tail outgrows its share
   * of the base; then nothing is kept and the next answer encodes the document.
   */
  add(update: Uint8Array): void {
    if (this.base === null) return;
    this.freshFrames = null;
    this.freshParts = null;
    this.tail.push(update);
    this.tailBytes += update.length;
    if (this.tailBytes > this.base.length * TAIL_SHARE) this.drop();
  }

  /**
   * The frames answering a client's sync step 1: what it lacks, with step 2 last. `doc` is the
   * room's integrated document, or null while the room still integrates what it read: then the
   * answer is cut from the stored bytes alone.
   */
  answer(stateVector: Uint8Array, doc: Y.Doc | null): Uint8Array[] {
    if (doc && !isEmptyStateVector(stateVector)) return [writeSyncStep2(Y.encodeStateAsUpdate(doc, stateVector))];
    if (doc && this.base === null) this.rebase(doc);
    if (isEmptyStateVector(stateVector)) return this.fresh();
    const tail = this.mergeTail();
    const base = this.base ?? EMPTY_UPDATE;
    // A device that holds part of the board, while the room integrates: only what it lacks.
    const missingBase = Y.diffUpdate(base, stateVector);
    const frames = isEmptyDiff(missingBase) ? [] : [writeUpdate(missingBase)];
    frames.push(writeSyncStep2(tail ? Y.diffUpdate(tail, stateVector) : EMPTY_UPDATE));
    return frames;
  }

  /** The frames a device holding nothing is sent: the same objects until the bytes change. */
  fresh(): Uint8Array[] {
    return [...(this.freshFrames ??= this.frameFresh())];
  }

  /**
   * The same answer, in two parts when the tail is not merged yet: `now` (the base) can be sent at
   * once, and `rest()` merges the tail as it is now — called once the base has left, so that the
   * merge does not hold the base back. `rest` is null when `now` is the whole answer; `doc` as for
   * `answer`. Edits after this call reach the device as every other connection's do; one that
   * also lands in `rest` is applied once (Yjs ignores what it holds).
   */
  freshInParts(doc: Y.Doc | null): FreshParts {
    if (doc && this.base === null) this.rebase(doc);
    if (this.freshFrames || this.base === null || this.tail.length <= 1) return { now: this.fresh(), rest: null };
    if (this.freshParts) return this.freshParts;
    const tail = this.tail;
    let rest: Uint8Array[] | null = null;
    // Merged once for every device waiting on it; into the answer kept for later devices unless
    // the base was encoded again or dropped meanwhile.
    const parts: FreshParts = {
      now: [this.frameOfBase()!],
      rest: () => (rest ??= this.tail === tail ? this.fresh().slice(1) : [writeSyncStep2(Y.mergeUpdates(tail))])
    };
    this.freshParts = parts;
    return parts;
  }

  /**
   * The frame that carries the base to a device holding nothing (null without a base): the same
   * object until the base changes. The base is kept once, as the frame's last bytes.
   */
  frameOfBase(): Uint8Array | null {
    if (this.base === null) return null;
    if (this.baseFrame === null) {
      this.baseFrame = writeUpdate(this.base);
      this.base = this.baseFrame.subarray(this.baseFrame.length - this.base.length);
    }
    return this.baseFrame;
  }

  /** The document encoded again: the new base, with nothing after it. */
  rebase(doc: Y.Doc): void {
    this.freshFrames = null;
    this.freshParts = null;
    this.baseFrame = null;
    this.base = Y.encodeStateAsUpdate(doc);
    this.tail = [];
    this.tailBytes = 0;
  }

  private drop(): void {
    this.freshFrames = null;
    this.freshParts = null;
    this.baseFrame = null;
    this.base = null;
    this.tail = [];
    this.tailBytes = 0;
  }

  private frameFresh(): Uint8Array[] {
    const base = this.frameOfBase();
    const step2 = writeSyncStep2(this.mergeTail() ?? EMPTY_UPDATE);
    return base ? [base, step2] : [step2];
  }

  private mergeTail(): Uint8Array | null {
    if (this.tail.length === 0) return null;
    if (this.tail.length > 1) {
      const merged = Y.mergeUpdates(this.tail);
      this.tail = [merged];
      this.tailBytes = merged.length;
    }
    return this.tail[0]!;
  }
}

/** What a device holding nothing is sent: `now` at once, then what `rest` returns (null: nothing more). */
export interface FreshParts {
  now: Uint8Array[];
  rest: (() => Uint8Array[]) | null;
}

/** An update with no structs and no deletions. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

const isEmptyDiff = (update: Uint8Array): boolean => update.length <= EMPTY_UPDATE.length;
