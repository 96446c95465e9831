/**
 * Who speaks for which presence in a room, on every instance that has the board open.
 *
 * A connection speaks for the awareness client id it announces first (presence.ts). When a
 * phone's Wi-Fi drops, the server often does not see it go: nothing reaches it, and the old socket
 * stays open until two pings go unanswered (PING_INTERVAL_MS, 15 s each). Meanwhile the tab
 * reconnects under the same id with the next clock, and was closed as a forger
 * (`awarenessForged`, after which its provider stops for good): the board was dead on that phone
 * until a reload. So a connection may take over an id held by a connection of the same device (its
 * DEVICE_COOKIE key, device-key.ts): an id is drawn at random for each tab, so the same id from the
 * same device is that tab, back. The old connection is let go (closed `replaced`); its presence
 * stays, as the new connection's now. Another device, or a connection without a device key, is
 * refused as before.
 *
 * The old connection may be on another instance (a load balancer sent the reconnect elsewhere, or
 * the instance it was on was killed and its connections never said goodbye). So each instance tells
 * the others which device announced each id (PeerKind.presenceBound), and lets its own connection
 * go when another instance's connection of the same device announces its id. An instance that opens
 * the board later asks the others who is present (PeerKind.presenceQuery); each answers with its
 * connections' ids and devices (presenceHeld) and their presence. That answer is also what shows
 * the people on the other instances to whoever opened the board there: until it, they appeared
 * only with their next renewal, up to 15 s later.
 * What is kept: the device of each id whose presence the room holds, dropped with the presence.
 *
 * Public API
 *   const presence = new RoomPresence(awareness, { connections, publish })
 *   presence.receive(conn, entries)   applies what `conn` may say; throws ProtocolError for a forgery
 *   presence.leave(conn)              a connection gone: its presence goes for everyone
 *   presence.ask()                    asks the other instances who is present with them
 *   presence.learnBound(bindings)     ids just announced on another instance: a connection here holding one is let go
 *   presence.learnHeld(bindings)      ids another instance's connections speak for (its answer): learned only
 *   presence.answer()                 tells the other instances who is present here
 */
import { type Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '@plenary/shared/protocol';
import type { Connection } from './connection.ts';
import { PeerKind } from './peer-bus.ts';
import { ownPresence } from './presence.ts';
import { encodeAwarenessEntries, type AwarenessEntry } from './protocol.ts';
import { encodeBindings } from './writer-ids.ts';

export interface RoomPresenceDeps {
  /** The room's connections on this instance. */
  connections: ReadonlySet<Connection>;
  /** Tells the other instances (room-peers.ts). */
  publish: (kind: PeerKind, payload: Uint8Array) => void;
}

const NOTHING = new Uint8Array(0);

export class RoomPresence {
  /** Presence id → the device that announced it, for the ids whose presence the room holds or was just told of. */
  private readonly devices = new Map<number, string>();

  constructor(
    private readonly awareness: Awareness,
    private readonly deps: RoomPresenceDeps
  ) {
    awareness.on('update', this.onUpdate);
  }

  receive(conn: Connection, entries: AwarenessEntry[]): void {
    const before = conn.awarenessId;
    const device = conn.info.device;
    const own = ownPresence(this.awareness, conn, entries, (id) => device !== undefined && this.devices.get(id) === device);
    const bound = conn.awarenessId;
    if (bound !== before && bound !== undefined && device !== undefined) {
      // A connection of this device that held the id here is this tab's earlier connection. One of
      // another device keeps it (its presence had lapsed, so the id was free to bind): letting it go
      // would let anyone with the link close a phone whose presence went quiet for 30 s.
      for (const other of this.deps.connections) if (other !== conn && other.awarenessId === bound && other.info.device === device) this.letGo(other);
      this.devices.set(bound, device);
      this.deps.publish(PeerKind.presenceBound, encodeBindings([[bound, device]]));
    }
    if (own.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
  }

  /** A connection let go here was unbound first, so the presence its tab took elsewhere stays. */
  leave(conn: Connection): void {
    if (conn.awarenessId !== undefined) removeAwarenessStates(this.awareness, [conn.awarenessId], conn);
  }

  ask(): void {
    this.deps.publish(PeerKind.presenceQuery, NOTHING);
  }

  learnBound(bindings: [client: number, device: string][]): void {
    for (const [id, device] of bindings) {
      this.devices.set(id, device);
      // A connection here of another device keeps its id: only the same tab can be back elsewhere.
      for (const conn of this.deps.connections) if (conn.awarenessId === id && conn.info.device === device) this.letGo(conn);
    }
  }

  /**
   * Learned only: an answer may name the old connection of a tab that has since come back here,
   * and the connection here is the newer one.
   */
  learnHeld(bindings: [client: number, device: string][]): void {
    for (const [id, device] of bindings) this.devices.set(id, device);
  }

  answer(): void {
    const states = this.awareness.getStates();
    const here = [...this.deps.connections].flatMap((conn) => (conn.awarenessId !== undefined && states.has(conn.awarenessId) ? [conn] : []));
    if (here.length === 0) return;
    const bindings = here.flatMap((conn): [number, string][] => (conn.info.device === undefined ? [] : [[conn.awarenessId!, conn.info.device]]));
    // The devices first: the presence that follows may be taken over as soon as it is held.
    if (bindings.length > 0) this.deps.publish(PeerKind.presenceHeld, encodeBindings(bindings));
    this.deps.publish(
      PeerKind.awareness,
      encodeAwarenessUpdate(
        this.awareness,
        here.map((conn) => conn.awarenessId!)
      )
    );
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
  }

  /** Unbound first, so that its leaving does not remove the presence the tab's new connection holds. */
  private letGo(conn: Connection): void {
    conn.awarenessId = undefined;
    conn.close(CloseCode.replaced, 'the same tab connected again');
  }

  private onUpdate = ({ removed }: { removed: number[] }): void => {
    for (const id of removed) this.devices.delete(id);
  };
}
