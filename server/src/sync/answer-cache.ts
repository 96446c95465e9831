/**
 * The last answers a room gave to sync step 1, by state vector, until its document changes. When
 * the venue's Wi-Fi comes back, the 125 devices of a board reconnect within a second holding the
 * same board, so they send the same state vector; each answer is otherwise computed again, and
 * Yjs walks the whole document for it (its deletions) even when the device lacks nothing.
 *
 * The room forgets everything here on every change to what it answers from (an edit from anyone,
 * the store or another instance; its document being built from the stored bytes).
 */

/** Distinct state vectors kept: a board's devices hold one of a few states at a time. */
const MAX_ENTRIES = 8;
/** Answers larger than this together are not kept (a fresh device's whole board is answered from the room's bytes anyway). */
const MAX_BYTES = 256 * 1024;

export class AnswerCache {
  private readonly answers = new Map<string, Uint8Array[]>();
  private bytes = 0;

  /** The frames given for this state vector since the last change, if any. */
  get(stateVector: Uint8Array): Uint8Array[] | undefined {
    return this.answers.get(keyOf(stateVector));
  }

  /** Keeps the frames answering `stateVector` until `clear`. */
  set(stateVector: Uint8Array, frames: Uint8Array[]): void {
    const size = frames.reduce((sum, f) => sum + f.length, 0);
    if (size > MAX_BYTES) return;
    if (this.answers.size >= MAX_ENTRIES || this.bytes + size > MAX_BYTES) this.clear();
    this.answers.set(keyOf(stateVector), frames);
    this.bytes += size;
  }

  clear(): void {
    if (this.answers.size === 0) return;
    this.answers.clear();
    this.bytes = 0;
  }
}

/** A state vector's bytes as a map key (a few bytes per client that ever wrote). */
const keyOf = (stateVector: Uint8Array): string => Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1');
