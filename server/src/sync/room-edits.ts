/**
 * What a client's edit must pass before its room applies it: the connection may write on this
 * board (read-only links, the policy's locks), the board stays under MAX_DOC_BYTES, its new edits
 * are written under the device's own Yjs client ids (writer-ids.ts; another device's are left
 * out), the update is well formed, and what Yjs holds back for it stays under one frame's worth.
 * An answer that only repeats what the board has is never refused (known-update.ts says why).
 *
 * Public API
 *   const edits = new RoomEdits(doc, { room, policy, config, metrics, storedBytes, writers })
 *   edits.receive(conn, update, writers)   applies it, denies it (conn.deny), or throws ProtocolError
 *   edits.changed()                the document changed (from any origin)
 */
import * as Y from 'yjs';
import { CloseCode, DenyReason } from '@plenary/shared/protocol';
import type { Config } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { Connection } from './connection.ts';
import type { PolicyRoom, SyncPolicy } from './policy.ts';
import { changesDoc, DeletionsCache } from './known-update.ts';
import { dropPending, pendingBytes } from './pending-updates.ts';
import { ProtocolError, isDeletionOnly, isEmptyUpdate } from './protocol.ts';
import type { WriterIds } from './writer-ids.ts';

export interface RoomEditsDeps {
  /** The room the policy is asked about. */
  room: PolicyRoom;
  policy: SyncPolicy;
  config: Pick<Config, 'MAX_DOC_BYTES' | 'MAX_MESSAGE_BYTES'>;
  metrics: Metrics;
  /** What the board takes in the store now (the room's writer). */
  storedBytes: () => number;
  /** Which device writes under which client id on this board. */
  writers: WriterIds;
}

export class RoomEdits {
  /** What is deleted, to tell a reconnect's answer from a write on a board it may not change. */
  private readonly deletions: DeletionsCache;

  constructor(
    private readonly doc: Y.Doc,
    private readonly deps: RoomEditsDeps
  ) {
    this.deletions = new DeletionsCache(doc);
  }

  /** The document changed: what it had deleted is read again when next needed. */
  changed(): void {
    this.deletions.clear();
  }

  /**
   * One update from `conn` (`writers`: its writers and end clocks, as decoded): applied with the
   * connection as its origin, denied, or the connection closed.
   */
  receive(conn: Connection, update: Uint8Array, writers: ReadonlyMap<number, number>): void {
    const denied = conn.readOnly ? DenyReason.readOnly : this.deps.policy.writeDenied(this.deps.room, conn);
    if (denied) {
      if (changesDoc(this.doc, this.deletions, update)) conn.deny(denied);
      return;
    }
    // What Yjs holds back (updates waiting for an edit it has not seen) takes memory like the rest.
    // An update holding only what the board already has (a client's answer to the server's sync
    // step 1 repeats edits the room accepted moments ago, e.g. while it was loading) adds nothing
    // and is never refused as growth.
    const pending = pendingBytes(this.doc);
    if (
      this.deps.storedBytes() + pending + update.length > this.deps.config.MAX_DOC_BYTES &&
      !isDeletionOnly(update) &&
      changesDoc(this.doc, this.deletions, update)
    ) {
      conn.deny(DenyReason.documentTooLarge);
      return;
    }
    this.deps.metrics.updatesReceived.inc();
    const device = conn.info.device;
    const admitted = this.deps.writers.admit(update, writers, device);
    try {
      // What is left of an update that only wrote under another device's ids may be nothing.
      if (!admitted.refused || !isEmptyUpdate(admitted.update)) Y.applyUpdate(this.doc, admitted.update, conn);
    } catch (err) {
      throw new ProtocolError(CloseCode.malformedMessage, `update could not be applied: ${(err as Error).message}`);
    }
    this.deps.writers.bind(admitted, device);
    if (admitted.refused) conn.deny(DenyReason.writerTaken);
    this.limitPending(pending);
  }

  /**
   * Yjs merges each gapped update into what it holds back and retries the whole, so a pile of them
   * costs ever more. Past one frame's worth (MAX_MESSAGE_BYTES), the connection that made it grow
   * is closed and what was held back is forgotten (pending-updates.ts says why that loses nothing).
   */
  private limitPending(before: number): void {
    const after = pendingBytes(this.doc);
    if (after <= before || after <= this.deps.config.MAX_MESSAGE_BYTES) return;
    dropPending(this.doc);
    throw new ProtocolError(CloseCode.gappedUpdates, `${after} bytes of updates wait for edits the server never received`);
  }
}
