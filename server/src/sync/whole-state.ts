/**
 * A room's whole document as bytes, for the clients that join it: a base (the document at some
 * moment — right after a load, the stored snapshot itself, in its causal slices for a large board)
 * and the updates since (the tail). Answering a fresh device takes no Y.Doc on the way, so a room can answer from the
 * bytes it read from the store while it is still integrating them, and a loaded room does not
 * re-encode a large board for every newcomer.
 *
 * The answer is the base as update frames (one per slice: the device applies each as it arrives,
 * while the server deflates and sends the next), then sync step 2 with the tail merged. The base
 * goes first so that it can leave before the tail is merged: a board read from the store after a crash
 * holds hundreds of logged edits, and merging them in a fresh process takes about as long as
 * compressing the base (20–50 ms). The device applies the base meanwhile (most of its wait), then
 * the tail, which builds on it; step 2 comes last, so when it tells the device it is synced, the
 * device holds everything.
 *
 * A fresh device's frames are kept until the bytes change, so every fresh device is sent the same
 * frame objects: the sync socket deflates a frame once for all of them (deflate-once.ts). The base's
 * frames outlive the tail's: edits after it change only the small frame after it, so a board
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
  private baseBytes: number;
  /** What a device holding nothing is sent, until the base or tail changes. */
  private freshFrames: Uint8Array[] | null = null;
  /** The update frames carrying the base, built once per base (each part is its frame's last bytes). */
  private baseFrames: Uint8Array[] | null = null;
  /** The fresh answer in two parts (`freshInParts`), until the bytes change. */
  private freshParts: FreshParts | null = null;

  constructor(
    /**
     * The document at some moment, as updates each applying after the ones before it (a stored
     * snapshot's parts); null for a document with nothing stored.
     */
    private base: Uint8Array[] | null,
    /** Updates after the base (in any order: Yjs merges them whatever the order). */
    tail: Uint8Array[] = []
  ) {
    this.tail = [...tail];
    this.tailBytes = byteSum(tail);
    this.baseBytes = byteSum(base ?? []);
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
    if (this.tailBytes > this.baseBytes * TAIL_SHARE) this.drop();
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
    // A device that holds part of the board, while the room integrates: only what it lacks, of
    // each part in turn (what a part lacks builds on what it holds and on the parts before).
    const frames: Uint8Array[] = [];
    for (const part of this.base ?? []) {
      const missing = Y.diffUpdate(part, stateVector);
      if (!isEmptyDiff(missing)) frames.push(writeUpdate(missing));
    }
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
      now: this.framesOfBase()!,
      rest: () => (rest ??= this.tail === tail ? this.fresh().slice(-1) : [writeSyncStep2(Y.mergeUpdates(tail))])
    };
    this.freshParts = parts;
    return parts;
  }

  /**
   * The frames that carry the base to a device holding nothing, one per part (null without a
   * base): the same objects until the base changes. Each part is kept once, as its frame's last bytes.
   */
  framesOfBase(): Uint8Array[] | null {
    if (this.base === null) return null;
    if (this.baseFrames === null) {
      const frames = this.base.map((part) => writeUpdate(part));
      this.base = frames.map((frame, i) => frame.subarray(frame.length - this.base![i]!.length));
      this.baseFrames = frames;
    }
    return this.baseFrames;
  }

  /** The document encoded again: the new base, with nothing after it. */
  rebase(doc: Y.Doc): void {
    this.freshFrames = null;
    this.freshParts = null;
    this.baseFrames = null;
    this.base = [Y.encodeStateAsUpdate(doc)];
    this.baseBytes = this.base[0]!.length;
    this.tail = [];
    this.tailBytes = 0;
  }

  private drop(): void {
    this.freshFrames = null;
    this.freshParts = null;
    this.baseFrames = null;
    this.base = null;
    this.baseBytes = 0;
    this.tail = [];
    this.tailBytes = 0;
  }

  private frameFresh(): Uint8Array[] {
    return [...(this.framesOfBase() ?? []), writeSyncStep2(this.mergeTail() ?? EMPTY_UPDATE)];
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

const byteSum = (updates: Uint8Array[]): number => updates.reduce((sum, u) => sum + u.length, 0);
