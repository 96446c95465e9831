/**
 * What a room keeps while its document is not yet integrated (room.ts): joins are answered from the
 * stored bytes meanwhile, and everything that needs the document waits here, in the order it came.
 *
 * - messages from the other instances, applied once the document is built;
 * - the connections that joined: they get the server's sync step 1 then (it names what the
 *   server holds), and integrating waits a little until each has its answer (`waiting`);
 * - a client's edits, replayed after (its step 1 is answered and its presence goes round at once).
 */
import type { Connection } from './connection.ts';
import type { ClientMessage } from './protocol.ts';

export interface HeldMessage {
  conn: Connection;
  msg: ClientMessage;
}

export class UntilLoaded {
  private peer: Uint8Array[] = [];
  private joined = new Set<Connection>();
  /** Joiners whose step 1 is not answered yet. */
  private unanswered = new Set<Connection>();
  private held: HeldMessage[] = [];

  peerMessage(bytes: Uint8Array): void {
    this.peer.push(bytes);
  }

  join(conn: Connection): void {
    this.joined.add(conn);
    this.unanswered.add(conn);
  }

  leave(conn: Connection): void {
    this.joined.delete(conn);
    this.unanswered.delete(conn);
  }

  /** The connection's step 1 has been answered (from the stored bytes, or once loaded). */
  answered(conn: Connection): void {
    this.unanswered.delete(conn);
  }

  hold(conn: Connection, msg: ClientMessage): void {
    this.held.push({ conn, msg });
  }

  /** True while a joiner still waits for its answer, or its answer has not all left for its socket. */
  get waiting(): boolean {
    return this.unanswered.size > 0 || [...this.joined].some((conn) => conn.unsentBytes > 0);
  }

  /** Everything kept, to be served now that the document is built; keeps nothing after. */
  drain(): { peer: Uint8Array[]; joined: Connection[]; held: HeldMessage[] } {
    const kept = { peer: this.peer, joined: [...this.joined], held: this.held };
    this.peer = [];
    this.joined.clear();
    this.unanswered.clear();
    this.held = [];
    return kept;
  }
}
