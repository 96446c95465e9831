/**
 * A room's whole document as bytes, for the clients that join it: a base (one update holding the
 * document at some moment — right after a load, the stored snapshot itself) and the updates since
 * (the tail). Answering a fresh device takes no Y.Doc on the way, so a room can answer from the
 * bytes it read from the store while it is still integrating them, and a loaded room does not
 * re-encode a large board for every newcomer.
 *
 * The answer is the tail merged into one update frame, then sync step 2 with the base. A client
 * applies the tail first: Yjs holds back what builds on edits it has not seen, and integrates it
 * within the same `applyUpdate` that applies the base. So by the time step 2 tells the client it
 * is synced, it holds everything, exactly as if step 2 had carried one merged update — without
 * the server merging the base (which costs about as much as applying it).
 *
 * A fresh device's frames are kept until the bytes change, so every fresh device is sent the same
 * frame objects: the sync socket deflates a frame once for all of them (deflate-once.ts). The base's
 * frame outlives the tail's: edits after it change only the small frame in front of it, so a board
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
  /** Sync step 2 carrying the base, built once per base (its last bytes are the base). */
  private baseFrame: Uint8Array | null = null;

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
    const missingTail = tail ? Y.diffUpdate(tail, stateVector) : null;
    const frames = missingTail && !isEmptyDiff(missingTail) ? [writeUpdate(missingTail)] : [];
    frames.push(writeSyncStep2(Y.diffUpdate(base, stateVector)));
    return frames;
  }

  /** The frames a device holding nothing is sent: the same objects until the bytes change. */
  fresh(): Uint8Array[] {
    return [...(this.freshFrames ??= this.frameFresh())];
  }

  /**
   * The frame that carries the base to a device holding nothing (null without a base): the same
   * object until the base changes. The base is kept once, as the frame's last bytes.
   */
  baseStep2(): Uint8Array | null {
    if (this.base === null) return null;
    if (this.baseFrame === null) {
      this.baseFrame = writeSyncStep2(this.base);
      this.base = this.baseFrame.subarray(this.baseFrame.length - this.base.length);
    }
    return this.baseFrame;
  }

  /** The document encoded again: the new base, with nothing after it. */
  rebase(doc: Y.Doc): void {
    this.freshFrames = null;
    this.baseFrame = null;
    this.base = Y.encodeStateAsUpdate(doc);
    this.tail = [];
    this.tailBytes = 0;
  }

  private drop(): void {
    this.freshFrames = null;
    this.baseFrame = null;
    this.base = null;
    this.tail = [];
    this.tailBytes = 0;
  }

  private frameFresh(): Uint8Array[] {
    const step2 = this.baseStep2() ?? writeSyncStep2(EMPTY_UPDATE);
    const tail = this.mergeTail();
    return tail ? [writeUpdate(tail), step2] : [step2];
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

/** An update with no structs and no deletions. */
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

const isEmptyDiff = (update: Uint8Array): boolean => update.length <= EMPTY_UPDATE.length;
