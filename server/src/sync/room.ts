/**
 * A room: one board document in memory while people are connected (plus a grace period).
 *
 * Data flows one way: connection → room.receive → Y.Doc → (once per tick) one merged frame to every
 * connection and one append to the store → (once stored) one message to the other instances. Transaction origins
 * (origins.ts) keep edits from peers or the store from being stored or published twice.
 *
 * Nothing accepted is dropped: the room's writer (room-writer.ts) keeps what a failed store write
 * could not write and retries, and the room does not unload while anything is unsaved.
 */
import type { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode, DenyReason } from '@plenary/shared/protocol';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../persistence/store.ts';
import type { Connection, ConnectionRoom } from './connection.ts';
import type { PolicyRoom, RoomEventMap, SyncPolicy } from './policy.ts';
import { RoomWriter } from './room-writer.ts';
import { PEER, SERVER, STORE } from './origins.ts';
import { ownPresence } from './presence.ts';
import { migrateBoard } from '@plenary/shared/schema';
import { workshopOfControlDoc } from '@plenary/shared/protocol';
import { capCards } from './card-cap.ts';
import { dropPending, pendingBytes } from './pending-updates.ts';
import { PeerKind, decodePeer, encodePeer, type PeerBus } from './peer-bus.ts';
import { ProtocolError, encodeAwarenessEntries, isDeletionOnly, isEmptyStateVector, isEmptyUpdate, writeAwareness, writeSyncStep1, writeSyncStep2, writeUpdate, type AwarenessEntry, type ClientMessage } from './protocol.ts';

export interface RoomDeps {
  store: Store;
  bus: PeerBus;
  config: Config;
  log: Logger;
  metrics: Metrics;
  /** The workshop's rules: who may join and write (policy.ts). */
  policy: SyncPolicy;
  /** Where the room tells what happened (the room manager's events). */
  events: EventEmitter<RoomEventMap>;
}

type Origin = Connection | typeof PEER | typeof STORE | typeof SERVER;
export const isConnection = (origin: unknown): origin is Connection =>
  typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'connection';
/** Changes this instance must store and publish: its clients' edits and its own. */
const isLocal = (origin: unknown): boolean => origin === SERVER || isConnection(origin);

export class Room implements ConnectionRoom, PolicyRoom {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly connections = new Set<Connection>();
  loaded = false;
  closed = false;
  /** Holders other than connections (the server writing, a board keeping its control doc). */
  private pins = 0;
  private destroyHooks: (() => void)[] = [];
  /** The whole state encoded for fresh devices; null after any change. */
  private fullState: Uint8Array | null = null;

  private readonly log: Logger;
  private outgoing: { update: Uint8Array; from: Origin }[] = [];
  private awarenessLocal = new Set<number>();
  private awarenessOther = new Set<number>();
  /** Connections that asked for every presence: answered once at the next flush, however often they ask. */
  private awarenessQueries = new Set<Connection>();
  private flushTimer: NodeJS.Timeout | null = null;
  private lastFlush = 0;
  private readonly writer: RoomWriter;
  private unloadTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly name: string,
    private readonly deps: RoomDeps,
    /** Called when the room decides to unload; returns once the manager has forgotten it. */
    private readonly onUnload: (room: Room) => void
  ) {
    this.log = deps.log.child({ doc: name });
    // Peers see stored edits only. Another instance shows what it receives to its clients at once
    // but does not store it (the author's instance does); were the author's instance killed
    // between publishing and storing, people elsewhere would have seen an edit the store never
    // got, and no one would send it again (their instance already holds it). Published after the
    // append, every edit a client anywhere has seen is stored. Its own clients still see it at
    // once; if this instance dies before storing, they hold the edit and send it to whichever
    // instance they reconnect to.
    this.writer = new RoomWriter(name, { ...deps, log: this.log }, (merged) => this.publish(PeerKind.update, merged));
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
  }

  /** Reads the document from the store. Peer messages that arrive meanwhile are applied after. */
  async load(): Promise<void> {
    const early: Uint8Array[] = [];
    await this.deps.bus.subscribe(this.name, (bytes) => (this.loaded ? this.receivePeer(bytes) : early.push(bytes)));
    const started = performance.now();
    const stored = await this.deps.store.loadDoc(this.name);
    if (stored) {
      Y.transact(this.doc, () => stored.updates.forEach((u) => Y.applyUpdate(this.doc, u)), STORE);
      this.writer.loaded(stored.bytes, stored.logLength);
      // A compacted board is exactly its snapshot: fresh devices can be sent those bytes as they are.
      if (stored.updates.length === 1) this.fullState = stored.updates[0]!;
    }
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.loaded = true;
    for (const bytes of early) this.receivePeer(bytes);
    // Boards written by an older Plenary are upgraded in place; the upgrade is stored like an edit.
    // A board this version cannot read still opens: its people keep their edits.
    try {
      const migration = migrateBoard(this.doc, SERVER);
      if (migration.migrated) this.log.info(migration, 'board migrated');
    } catch (err) {
      this.log.error({ err: String(err) }, 'board could not be migrated; opened as it is');
    }
    // A Redis that restarted empty lost this document: write all of it again.
    const stopRewrites = this.deps.store.onEmptied?.(() => {
      if (!this.closed) this.writer.rewrite(Y.encodeStateAsUpdate(this.doc));
    });
    if (stopRewrites) this.onDestroy(stopRewrites);
    // A board never holds more than Limits.maxCards cards, whichever client adds them.
    if (workshopOfControlDoc(this.name) === null) {
      const author = (origin: unknown) => (isConnection(origin) ? origin : null);
      this.onDestroy(capCards(this.doc, { author, restoreOrigin: SERVER }));
    }
    // Unloads after the grace period unless a connection joins (it may have left while we loaded).
    this.scheduleUnload();
    this.log.info({ ms: Math.round(performance.now() - started), bytes: this.writer.bytes, logLength: this.writer.logLength }, 'document loaded');
  }

  join(conn: Connection): void {
    // The policy may turn the connection away now that the room is loaded (a link re-issued meanwhile).
    const refused = this.deps.policy.beforeJoin(this, conn);
    if (refused !== null) return conn.close(refused, 'refused when joining');
    this.cancelUnload();
    this.connections.add(conn);
    conn.send(writeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) conn.send(writeAwareness(encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (conn.awarenessId !== undefined) removeAwarenessStates(this.awareness, [conn.awarenessId], conn);
    if (this.connections.size === 0 && this.pins === 0) this.scheduleUnload();
  }

  /** Keeps the room loaded without a connection until `unpin`. */
  pin(): void {
    this.pins++;
    this.cancelUnload();
  }

  unpin(): void {
    this.pins = Math.max(0, this.pins - 1);
    if (this.connections.size === 0 && this.pins === 0) this.scheduleUnload();
  }

  /** Handles one decoded client message. Throws ProtocolError to have the connection closed. */
  receive(conn: Connection, msg: ClientMessage): void {
    switch (msg.type) {
      case 'syncStep1':
        conn.send(writeSyncStep2(this.missingFor(msg.stateVector)));
        return;
      case 'syncUpdate':
        return this.receiveUpdate(conn, msg.update);
      case 'awareness':
        return this.receiveAwareness(conn, msg.entries);
      case 'queryAwareness':
        this.awarenessQueries.add(conn);
        this.scheduleFlush();
        return;
      case 'auth':
        return;
    }
  }

  /** Applies the presence a connection may announce (presence.ts). */
  private receiveAwareness(conn: Connection, entries: AwarenessEntry[]): void {
    const own = ownPresence(this.awareness, conn, entries);
    if (own.length > 0) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
  }

  /**
   * What a client with this state vector lacks. Fresh devices (an empty vector) all get the whole
   * state, which is encoded once and kept until the next change; right after a load it is the
   * stored snapshot itself.
   */
  private missingFor(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return Y.encodeStateAsUpdate(this.doc, stateVector);
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  private receiveUpdate(conn: Connection, update: Uint8Array): void {
    const denied = conn.readOnly ? DenyReason.readOnly : this.deps.policy.writeDenied(this, conn);
    if (denied) {
      if (!isEmptyUpdate(update)) conn.deny(denied);
      return;
    }
    // What Yjs holds back (updates waiting for an edit it has not seen) takes memory like the rest.
    const pending = pendingBytes(this.doc);
    if (this.writer.bytes + pending + update.length > this.deps.config.MAX_DOC_BYTES && !isDeletionOnly(update)) {
      conn.deny(DenyReason.documentTooLarge);
      return;
    }
    this.deps.metrics.updatesReceived.inc();
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      throw new ProtocolError(CloseCode.malformedMessage, `update could not be applied: ${(err as Error).message}`);
    }
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

  private receivePeer(bytes: Uint8Array): void {
    this.deps.metrics.peerMessages.inc();
    const { kind, payload } = decodePeer(bytes);
    try {
      if (kind === PeerKind.update) Y.applyUpdate(this.doc, payload, PEER);
      else if (kind === PeerKind.awareness) applyAwarenessUpdate(this.awareness, payload, PEER);
      else if (kind === PeerKind.stateVector || kind === PeerKind.stateVectorReply) void this.answerStateVector(kind, payload);
    } catch (err) {
      this.log.warn({ err }, 'ignored an undecodable peer message');
    }
  }

  /**
   * Sends a peer what it lacks once the write of what this instance accepted so far has been
   * tried (peers see stored edits only; a store that is failing right now fails the peer too).
   */
  private async answerStateVector(kind: PeerKind, stateVector: Uint8Array): Promise<void> {
    this.flush();
    await this.writer.save();
    if (this.closed) return;
    const missing = Y.encodeStateAsUpdate(this.doc, stateVector);
    if (!isEmptyUpdate(missing)) this.publish(PeerKind.update, missing);
    if (kind === PeerKind.stateVector) this.publish(PeerKind.stateVectorReply, Y.encodeStateVector(this.doc));
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullState = null;
    this.outgoing.push({ update, from: origin as Origin });
    if (isConnection(origin)) this.deps.events.emit('edit', this.name);
    if (isLocal(origin)) this.writer.accept(update);
    this.scheduleFlush();
  };

  private onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const target = isLocal(origin) ? this.awarenessLocal : this.awarenessOther;
    for (const id of [...change.added, ...change.updated, ...change.removed]) target.add(id);
    this.scheduleFlush();
  };

  /**
   * At most one flush per TICK_MS: a quiet room sends at once (next turn of the event loop), a busy
   * one merges everything that arrives within the tick into one frame per connection.
   */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const wait = this.lastFlush + this.deps.config.TICK_MS - performance.now();
    this.flushTimer = wait > 0 ? setTimeout(() => this.flush(), wait) : (setImmediate(() => this.flush()) as unknown as NodeJS.Timeout);
  }

  /** Once per tick: one merged update frame per connection, one awareness frame, one peer message, one store write. */
  flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      clearImmediate(this.flushTimer as unknown as NodeJS.Immediate);
    }
    this.flushTimer = null;
    this.lastFlush = performance.now();
    const { metrics } = this.deps;
    const batch = this.outgoing;
    this.outgoing = [];
    if (batch.length > 0) {
      const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
      const frame = writeUpdate(merged);
      // A client needs no echo of a tick that holds only its own edits.
      const sole = batch.every((b) => b.from === batch[0]!.from) ? batch[0]!.from : null;
      let sent = 0;
      for (const conn of this.connections) {
        if (conn === sole) continue;
        conn.send(frame);
        sent++;
      }
      if (sent > 0) metrics.updatesFannedOut.inc(sent);
    }
    if (this.awarenessLocal.size + this.awarenessOther.size > 0) {
      const all = [...new Set([...this.awarenessLocal, ...this.awarenessOther])];
      const frame = writeAwareness(encodeAwarenessUpdate(this.awareness, all));
      for (const conn of this.connections) conn.send(frame);
      if (this.awarenessLocal.size > 0) this.publish(PeerKind.awareness, encodeAwarenessUpdate(this.awareness, [...this.awarenessLocal]));
      this.awarenessLocal.clear();
      this.awarenessOther.clear();
    }
    if (this.awarenessQueries.size > 0) {
      const frame = writeAwareness(encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
      for (const conn of this.awarenessQueries) if (this.connections.has(conn)) conn.send(frame);
      this.awarenessQueries.clear();
    }
    this.writer.schedule();
  }

  private publish(kind: PeerKind, payload: Uint8Array): void {
    this.deps.bus.publish(this.name, encodePeer(kind, payload)).catch((err) => this.log.debug({ err }, 'publish to peers failed'));
  }

  /** True while anything accepted is not yet sent or stored. */
  get hasUnsaved(): boolean {
    return this.writer.pending || this.outgoing.length > 0;
  }

  /**
   * After an outage of the transport between instances: exchange state vectors with the peers
   * (what they hold in memory) and read back what they stored meanwhile.
   */
  async resync(): Promise<void> {
    this.publish(PeerKind.stateVector, Y.encodeStateVector(this.doc));
    const stored = await this.deps.store.loadDoc(this.name);
    if (stored && !this.closed) Y.transact(this.doc, () => stored.updates.forEach((u) => Y.applyUpdate(this.doc, u)), STORE);
  }

  /** Writes everything and waits until it is stored (SIGTERM). Gives up after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.flush();
    return this.writer.drain(Date.now() + timeoutMs);
  }

  private scheduleUnload(): void {
    this.cancelUnload();
    this.unloadTimer = setTimeout(() => void this.tryUnload(), this.deps.config.UNLOAD_GRACE_MS);
  }

  private cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  private async tryUnload(): Promise<void> {
    this.unloadTimer = null;
    if (this.connections.size > 0 || this.pins > 0 || this.closed) return;
    this.flush();
    await this.writer.save();
    if (this.writer.logLength > 0) await this.writer.compact();
    // Someone may have joined, or a write may have failed, while we awaited.
    if (this.connections.size > 0 || this.pins > 0) return;
    if (this.hasUnsaved) return this.scheduleUnload();
    this.closed = true;
    this.onUnload(this);
  }

  /** Runs when the room is destroyed (unloaded or failed to load). */
  onDestroy(hook: () => void): void {
    this.destroyHooks.push(hook);
  }

  /** Releases memory and the peer subscription. The store holds everything by now. */
  async destroy(): Promise<void> {
    if (this.closed && this.destroyHooks.length === 0 && this.doc.isDestroyed) return;
    this.closed = true;
    for (const hook of this.destroyHooks.splice(0)) hook();
    this.cancelUnload();
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      clearImmediate(this.flushTimer as unknown as NodeJS.Immediate);
    }
    this.writer.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    await this.deps.bus.unsubscribe(this.name).catch(() => undefined);
  }
}
