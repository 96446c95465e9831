/**
 * What a room read from the store, until it is built into the room's document (room.ts): applied
 * all at once, or a step at a time with the event loop turning between steps. Applying a large
 * board holds the process for as long as a device takes to apply it (about 120–300 ms for 1.2 MB,
 * seconds near MAX_DOC_BYTES), and every other board of the instance — its edits, joins and
 * presence — waited for all of it; built in steps, it waits for one. A step is one of the
 * snapshot's slices (each applies whole on the ones before it, with nothing pending:
 * persistence/causal-slices.ts) or the log's next entries up to a slice's size. A board of one
 * step's size is built at once, in one transaction, as is what a loaded room reads again to catch up.
 */
import * as Y from 'yjs';
import { SNAPSHOT_SLICES } from '../persistence/fold.ts';
import type { StoredDoc } from '../persistence/store.ts';
import { STORE } from './origins.ts';

/** The most of the log one step applies: as much as one of a large snapshot's slices, a few ms. */
const STEP_BYTES = SNAPSHOT_SLICES.most;

export class RoomBuild {
  /** How many of `stored.updates` are applied to the document already. */
  private applied = 0;

  constructor(
    private readonly doc: Y.Doc,
    readonly stored: StoredDoc
  ) {}

  /** Applies the next step of a board built in steps; true while steps remain. A small board takes none (`rest` builds it). */
  step(): boolean {
    const { updates, snapshotParts } = this.stored;
    if (this.stored.bytes <= STEP_BYTES || this.applied >= updates.length) return false;
    let to = this.applied + 1;
    if (this.applied >= snapshotParts) {
      for (let bytes = updates[this.applied]!.length; to < updates.length && bytes + updates[to]!.length <= STEP_BYTES; to++) bytes += updates[to]!.length;
    }
    this.apply(to);
    return this.applied < updates.length;
  }

  /** Applies whatever is not applied yet, in one transaction. */
  rest(): void {
    if (this.applied < this.stored.updates.length) this.apply(this.stored.updates.length);
  }

  private apply(to: number): void {
    const from = this.applied;
    this.applied = to;
    Y.transact(this.doc, () => this.stored.updates.slice(from, to).forEach((u) => Y.applyUpdate(this.doc, u)), STORE);
  }
}
