/**
 * A room: one board document in memory while people are connected (plus a grace period).
 *
 * Data flows one way: connection → room.receive → Y.Doc → (once per tick) one merged frame to every
 * connection and one append to the store → (once stored) one message to the other instances
 * (room-peers.ts, which also applies what they send). Transaction origins
 * (origins.ts) keep edits from peers or the store from being stored or published twice.
 *
 * Nothing accepted is dropped: the room's writer (room-writer.ts) keeps what a failed store write
 * could not write and retries, and the room does not unload while anything is unsaved.
 */
import type { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../persistence/store.ts';
import type { Connection, ConnectionRoom } from './connection.ts';
import type { PolicyRoom, RoomEventMap, SyncPolicy } from './policy.ts';
import { RoomTick } from './room-tick.ts';
import { RoomWriter } from './room-writer.ts';
import { RoomUnload } from './room-unload.ts';
import { SERVER } from './origins.ts';
import { RoomPresence } from './room-presence.ts';
import { migrateBoard } from '@plenary/shared/schema';
import { workshopOfControlDoc } from '@plenary/shared/protocol';
import { capCards } from './card-cap.ts';
import { PeerKind, type PeerBus } from './peer-bus.ts';
import { RoomPeers } from './room-peers.ts';
import { isEmptyStateVector, writeSyncStep1, type ClientMessage } from './protocol.ts';
import { RoomAnswers } from './room-answers.ts';
import { RoomBuild } from './room-build.ts';
import { RoomEdits } from './room-edits.ts';
import { RoomWriterIds } from './room-writer-ids.ts';
import type { WriterIds } from './writer-ids.ts';
import { UntilLoaded, type IntegrateTiming } from './until-loaded.ts';
import type { TickPacer } from './tick-pacer.ts';
import type { WriteClock } from './write-clock.ts';

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
  /** The tick's length, shared by every room of this process (tick-pacer.ts). */
  pacer: TickPacer;
  /** When the rooms of this process write to the store (write-clock.ts). */
  clock: WriteClock;
}

export const isConnection = (origin: unknown): origin is Connection =>
  typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'connection';
/** Changes this instance must store and publish: its clients' edits and its own. */
const isLocal = (origin: unknown): boolean => origin === SERVER || isConnection(origin);

export class Room implements ConnectionRoom, PolicyRoom {
  readonly doc = new Y.Doc();
  readonly awareness: Awareness;
  /** Which connection speaks for which presence, and from which device (room-presence.ts). */
  readonly presence: RoomPresence;
  /** Which device writes under which Yjs client id here, kept with the board (room-writer-ids.ts). */
  private readonly keptWriters: RoomWriterIds;
  readonly connections = new Set<Connection>();
  /** The stored document is integrated into `doc` (until then joins are answered from the stored bytes). */
  loaded = false;
  closed = false;
  private destroyHooks: (() => void)[] = [];
  /** What a client's edit must pass before it is applied (room-edits.ts). */
  private readonly edits: RoomEdits;
  /** What a device asking for the board is sent (room-answers.ts). */
  private readonly answers = new RoomAnswers();
  /** What the store held, kept from reading it until it is integrated into `doc` (room-build.ts). */
  private build: RoomBuild | null = null;
  private readStarted = 0;
  /** What waits for the document to be integrated, and until when (until-loaded.ts). */
  private readonly early = new UntilLoaded();

  private readonly log: Logger;
  private readonly tick: RoomTick;
  private readonly writer: RoomWriter;
  /** What this room says to and hears from the other instances (room-peers.ts). */
  private readonly peers: RoomPeers;
  /** When nobody holds the room any more, it is written out and unloaded (room-unload.ts). */
  private readonly unloading: RoomUnload;

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
    this.peers = new RoomPeers(this, { bus: deps.bus, metrics: deps.metrics, log: this.log });
    this.writer = new RoomWriter(name, { ...deps, log: this.log }, (merged) => this.peers.publish(PeerKind.update, merged));
    this.keptWriters = new RoomWriterIds(this.doc, {
      name,
      store: deps.store,
      log: this.log,
      publish: (bound) => this.peers.publishWriters(bound)
    });
    this.edits = new RoomEdits(this.doc, {
      room: this,
      policy: deps.policy,
      config: deps.config,
      metrics: deps.metrics,
      storedBytes: () => this.writer.bytes,
      writers: this.keptWriters.ids
    });
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.presence = new RoomPresence(this.awareness, {
      connections: this.connections,
      publish: (kind, payload) => this.peers.publish(kind, payload)
    });
    this.tick = new RoomTick({
      tickMs: () => deps.pacer.tickMs,
      connections: this.connections,
      awareness: this.awareness,
      metrics: deps.metrics,
      onMerged: (merged) => {
        // What a newcomer is answered from changes here: an answer kept from before would lack this tick.
        this.answers.added(merged);
      },
      publishAwareness: (payload) => this.peers.publish(PeerKind.awareness, payload),
      afterFlush: () => this.writer.schedule()
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.unloading = new RoomUnload({
      graceMs: deps.config.UNLOAD_GRACE_MS,
      connections: () => this.connections.size,
      closed: () => this.closed,
      writeOut: async () => {
        this.flush();
        await this.writer.save();
        if (this.writer.logLength > 0) await this.writer.compact();
      },
      hasUnsaved: () => this.hasUnsaved,
      unload: () => {
        this.closed = true;
        this.onUnload(this);
      }
    });
  }

  /**
   * Reads what the store holds, as bytes. From then on the room can answer joining clients from
   * those bytes (whole-state.ts) while `integrate` builds the Y.Doc; peer messages that arrive
   * meanwhile are applied after it.
   */
  async read(): Promise<void> {
    await this.deps.bus.subscribe(this.name, (bytes) => (this.loaded ? this.peers.receive(bytes) : this.early.peerMessage(bytes)));
    // Who is present on the other instances, shown to whoever joins here at once (room-presence.ts).
    this.presence.ask();
    this.readStarted = performance.now();
    // Read beside the board (a short list): which device writes under which id, before any edit.
    const [stored] = await Promise.all([this.deps.store.loadDoc(this.name), this.keptWriters.read()]);
    this.build = stored ? new RoomBuild(this.doc, stored) : null;
    // A Redis that restarted empty lost this document: write all of it again (built first, if
    // the room still answers from what it read: the store no longer holds those bytes).
    const stopRewrites = this.deps.store.onEmptied?.(() => {
      if (this.closed) return;
      this.integrate();
      this.writer.rewrite(Y.encodeStateAsUpdate(this.doc));
      // Which device writes under which id went with it too.
      this.keptWriters.storeAll();
    });
    if (stopRewrites) this.onDestroy(stopRewrites);
    // The snapshot's parts are the base; with no snapshot, the first logged update is.
    const updates = stored?.updates ?? [];
    const baseParts = Math.max(1, stored?.snapshotParts ?? 0);
    const base = updates.length > 0 ? updates.slice(0, baseParts) : null;
    // Compressing a large board takes about as long as reading it (30–45 ms for 1.2 MB): started
    // now, it runs beside the rest of the load and the joiner's first message, not after them. A
    // board read ahead of its people (read-ahead.ts) has its log merged now too, while nobody waits.
    const baseFrames = this.answers.read(base, updates.slice(baseParts), this.early.isReadAhead);
    for (const frame of baseFrames) this.deps.events.emit('wholeState', frame);
  }

  /** Which device writes under which Yjs client id here (what the other instances tell is learned into it). */
  get writers(): WriterIds {
    return this.keptWriters.ids;
  }

  /** The store has been read: connections may join (the document may still be integrating). */
  get joinable(): boolean {
    return this.answers.ready;
  }

  /** Bytes read from the store and not yet integrated into `doc`. */
  get unintegratedBytes(): number {
    return this.loaded ? 0 : (this.build?.stored.bytes ?? 0);
  }

  /**
   * Integrates when something needs the document, or once the joiners have applied what they were
   * sent from the stored bytes (until-loaded.ts says when). Until then joiners are answered from
   * those bytes; what they send other than step 1 and presence waits for it. False, and nothing
   * built, for a board read ahead that nobody joined or needed in time (`readAhead`).
   */
  async integrateWhenNeeded(timing: IntegrateTiming): Promise<boolean> {
    const needed = await this.early.untilNeeded(timing, () => this.loaded || this.closed);
    if (needed) await this.integrateInSteps();
    return needed;
  }

  /**
   * Builds the document a step at a time (room-build.ts), the event loop turning between steps,
   * then finishes as `integrate` does. What needs the document meanwhile (a client's edit, another
   * instance's message) is held as before, until it is built; a synchronous `integrate` meanwhile
   * (a Redis that restarted empty) applies the rest at once.
   */
  private async integrateInSteps(): Promise<void> {
    while (!this.loaded && !this.closed && this.build?.step()) await nextTurn();
    this.integrate();
  }

  /**
   * Read ahead of its people (read-ahead.ts): built only after a join, let go after `holdMs`
   * without one, or once another instance is heard on it.
   */
  readAhead(holdMs: number): void {
    this.early.readAhead(holdMs);
  }

  /** Still answering from the bytes read, with no client's edit waiting for the document: nothing to write. */
  get unbuiltAndUnedited(): boolean {
    return !this.loaded && this.early.holdsNoEdit;
  }

  /** The document is needed now (a reader, shutdown): no more waiting for the joins to calm. */
  needDocument(): void {
    this.early.need();
  }

  /** Builds the document from what `read` got, then serves what waited for it. */
  integrate(): void {
    if (this.loaded || this.closed) return;
    const build = this.build;
    this.build = null;
    if (build) {
      build.rest();
      this.writer.loaded(build.stored.bytes, build.stored.logLength);
    }
    this.doc.on('update', this.onDocUpdate);
    this.answers.changed();
    this.loaded = true;
    const early = this.early.drain();
    for (const bytes of early.peer) this.peers.receive(bytes);
    // Boards written by an older Plenary are upgraded in place; the upgrade is stored like an edit.
    // A board this version cannot read still opens: its people keep their edits.
    try {
      const migration = migrateBoard(this.doc, SERVER);
      if (migration.migrated) this.log.info(migration, 'board migrated');
    } catch (err) {
      this.log.error({ err: String(err) }, 'board could not be migrated; opened as it is');
    }
    // A board never holds more than Limits.maxCards cards, whichever client adds them.
    if (workshopOfControlDoc(this.name) === null) {
      const author = (origin: unknown) => (isConnection(origin) ? origin : null);
      this.onDestroy(capCards(this.doc, { author, restoreOrigin: SERVER }));
    }
    // Unloads after the grace period unless a connection joins (it may have left while we loaded).
    this.unloading.whenIdle();
    const answeredEarly = early.joined.length;
    // Clients that joined meanwhile hold the stored board; now they learn what the server holds,
    // and what they sent meanwhile is handled in the order it came.
    for (const conn of early.joined) if (this.connections.has(conn)) conn.send(writeSyncStep1(this.doc));
    for (const { conn, msg } of early.held) if (this.connections.has(conn)) conn.replay(msg);
    this.log.info(
      { ms: Math.round(performance.now() - this.readStarted), bytes: this.writer.bytes, logLength: this.writer.logLength, answeredEarly },
      'document loaded'
    );
  }

  join(conn: Connection): void {
    // The policy may turn the connection away now that the room is loaded (a link re-issued meanwhile).
    const refused = this.deps.policy.beforeJoin(this, conn);
    if (refused !== null) return conn.close(refused, 'refused when joining');
    this.unloading.cancel();
    this.connections.add(conn);
    // While the room integrates, the server's own step 1 waits: it names what the server holds.
    if (this.loaded) conn.send(writeSyncStep1(this.doc));
    else this.early.join(conn);
    // Everyone's presence goes out with the next tick, one encoding for all who joined within it:
    // encoded for each newcomer, a storm of reconnects would encode every presence once per joiner.
    if (this.awareness.getStates().size > 0) this.tick.queryAwareness(conn);
  }

  leave(conn: Connection): void {
    this.early.leave(conn);
    if (!this.connections.delete(conn)) return;
    this.presence.leave(conn);
    this.unloading.whenIdle();
  }

  /** Keeps the room loaded without a connection until `unpin`. */
  pin(): void {
    this.unloading.pin();
  }

  unpin(): void {
    this.unloading.unpin();
  }

  /** Handles one decoded client message. Throws ProtocolError to have the connection closed. */
  receive(conn: Connection, msg: ClientMessage): void {
    // Step 1 is answered at once, from the stored bytes if need be, and presence goes round at
    // once (it does not touch the document); an edit waits for the document, which it has built now.
    if (!this.loaded && msg.type === 'syncUpdate') return this.early.hold(conn, msg);
    switch (msg.type) {
      case 'syncStep1': {
        const holdsPart = !isEmptyStateVector(msg.stateVector);
        return this.answers.answer(
          conn,
          msg.stateVector,
          this.loaded ? this.doc : null,
          () => !this.closed && this.connections.has(conn),
          () => {
            if (!this.loaded) this.early.answered(conn, holdsPart);
          }
        );
      }
      case 'syncUpdate':
        return this.edits.receive(conn, msg.update, msg.writers);
      case 'awareness':
        return this.presence.receive(conn, msg.entries);
      case 'queryAwareness':
        this.tick.queryAwareness(conn);
        return;
      case 'auth':
        return;
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.edits.changed();
    this.answers.changed();
    if (isConnection(origin)) this.deps.events.emit('edit', this.name);
    if (isLocal(origin)) this.writer.accept(update);
    this.tick.update(update, origin);
  };

  private onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    this.tick.awarenessChanged([...change.added, ...change.updated, ...change.removed], isLocal(origin));
  };

  /** Sends what this tick holds now (room-tick.ts). */
  flush(): void {
    this.tick.flush();
  }

  /** Resolves once the write of everything accepted so far has been tried (room-writer.ts). */
  save(): Promise<void> {
    return this.writer.save();
  }

  /** True while anything accepted is not yet sent or stored. */
  get hasUnsaved(): boolean {
    return this.writer.pending || this.tick.pending;
  }

  /**
   * After an outage of the transport between instances: exchange state vectors with the peers
   * (what they hold in memory) and read back what they stored meanwhile.
   */
  async resync(): Promise<void> {
    this.peers.announce();
    this.presence.ask();
    await this.catchUp();
  }

  /**
   * Reads into the document whatever the store holds: edits another instance stored a moment ago
   * and has not yet published here. For decisions that must see every stored edit at once.
   */
  async catchUp(): Promise<void> {
    const stored = await this.deps.store.loadDoc(this.name);
    if (stored && !this.closed) new RoomBuild(this.doc, stored).rest();
  }

  /** Resolves true once every change made so far is stored; false after `timeoutMs` (still retried). */
  async whenStored(timeoutMs: number): Promise<boolean> {
    this.flush();
    return this.writer.whenStored(timeoutMs);
  }

  /** Writes everything and waits until it is stored (SIGTERM). Gives up after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.flush();
    return this.writer.drain(Date.now() + timeoutMs);
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
    this.unloading.cancel();
    this.tick.stop();
    this.writer.stop();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.presence.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    await this.deps.bus.unsubscribe(this.name).catch(() => undefined);
  }
}
