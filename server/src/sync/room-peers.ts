/**
 * What a room says to and hears from the other instances serving its board (peer-bus.ts): each
 * stored tick's merged update and this instance's presence go out; peers' updates and presence
 * come in (origin PEER, so they are neither stored nor published again here); which device writes
 * under which Yjs client id goes both ways (writer-ids.ts), and so does which device announced
 * which presence (room-presence.ts); and after an outage of the transport
 * the instances exchange state vectors, each answering with what the other lacks.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { PEER } from './origins.ts';
import { PeerKind, decodePeer, encodePeer, type PeerBus } from './peer-bus.ts';
import { isEmptyUpdate } from './protocol.ts';
import { type WriterIds, decodeBindings, encodeBindings } from './writer-ids.ts';

/** The room as its peer traffic sees it. */
export interface PeerRoom {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly writers: WriterIds;
  /** Who speaks for which presence (room-presence.ts). */
  readonly presence: {
    learnBound(bindings: [number, string][]): void;
    learnHeld(bindings: [number, string][]): void;
    answer(): void;
  };
  readonly closed: boolean;
  /** Sends what the room's tick holds now. */
  flush(): void;
  /** Resolves once the write of everything accepted so far has been tried. */
  save(): Promise<void>;
}

export class RoomPeers {
  constructor(
    private readonly room: PeerRoom,
    private readonly deps: { bus: PeerBus; metrics: Metrics; log: Logger }
  ) {}

  publish(kind: PeerKind, payload: Uint8Array): void {
    this.deps.bus.publish(this.room.name, encodePeer(kind, payload)).catch((err) => this.deps.log.debug({ err }, 'publish to peers failed'));
  }

  /** One message from a peer, applied to the integrated document. */
  receive(bytes: Uint8Array): void {
    this.deps.metrics.peerMessages.inc();
    const { kind, payload } = decodePeer(bytes);
    try {
      if (kind === PeerKind.update) Y.applyUpdate(this.room.doc, payload, PEER);
      else if (kind === PeerKind.awareness) applyAwarenessUpdate(this.room.awareness, payload, PEER);
      else if (kind === PeerKind.stateVector || kind === PeerKind.stateVectorReply) void this.answerStateVector(kind, payload);
      else if (kind === PeerKind.writers) this.room.writers.learn(decodeBindings(payload));
      else if (kind === PeerKind.presenceBound) this.room.presence.learnBound(decodeBindings(payload));
      else if (kind === PeerKind.presenceHeld) this.room.presence.learnHeld(decodeBindings(payload));
      else if (kind === PeerKind.presenceQuery) this.room.presence.answer();
    } catch (err) {
      this.deps.log.warn({ err }, 'ignored an undecodable peer message');
    }
  }

  /** Tells the peers which device now writes under which client ids. */
  publishWriters(entries: Iterable<[number, string]>): void {
    this.publish(PeerKind.writers, encodeBindings(entries));
  }

  /** Tells the peers what this instance holds, so each sends what it lacks (after an outage). */
  announce(): void {
    this.publish(PeerKind.stateVector, Y.encodeStateVector(this.room.doc));
  }

  /**
   * Sends a peer what it lacks once the write of what this instance accepted so far has been
   * tried (peers see stored edits only; a store that is failing right now fails the peer too).
   */
  private async answerStateVector(kind: PeerKind, stateVector: Uint8Array): Promise<void> {
    this.room.flush();
    await this.room.save();
    if (this.room.closed) return;
    const missing = Y.encodeStateAsUpdate(this.room.doc, stateVector);
    if (!isEmptyUpdate(missing)) this.publish(PeerKind.update, missing);
    if (kind === PeerKind.stateVector) this.publish(PeerKind.stateVectorReply, Y.encodeStateVector(this.room.doc));
  }
}
