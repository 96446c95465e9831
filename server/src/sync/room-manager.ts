/**
 * The rooms of this process. Concurrent joins of one board share one load; a failed load is
 * forgotten (never saved over what is stored) so the next join tries again; a room that unloads
 * finishes its teardown before the same board can load again.
 *
 * A load has two steps: reading the stored bytes, then integrating them into the room's Y.Doc.
 * Connections may join between the two (`joinable`): they are answered from the bytes read
 * (whole-state.ts) until the document is built — when something needs it, or once the joins have
 * been quiet for a moment (LOAD_QUIET_MS) — which for a large board is most of a cold join.
 */
import { TickPacer } from './tick-pacer.ts';
import { WriteClock } from './write-clock.ts';
import { EventEmitter } from 'node:events';
import { CloseCode, workshopOfControlDoc } from '@plenary/shared/protocol';
import type { Logger } from '../log.ts';
import type { RoomDirectory, RoomEventMap, SyncPolicy } from './policy.ts';
import { Room, type RoomDeps } from './room.ts';

/** A board read ahead that nobody joined or needed within its hold. */
class NobodyCame extends Error {}

export class RoomManager implements RoomDirectory {
  private readonly rooms = new Map<string, { room: Room; joinable: Promise<Room>; ready: Promise<Room> }>();
  private readonly teardowns = new Map<string, Promise<void>>();
  private readonly log: Logger;
  /** What happens in the rooms (policy.ts RoomEventMap), for services that react to it. */
  readonly events = new EventEmitter<RoomEventMap>();
  /** One tick length for every room: how busy the process is, not one board, decides it. */
  readonly pacer: TickPacer;
  /** One write clock for every room, so that their store writes are committed together. */
  readonly clock = new WriteClock();

  constructor(
    private readonly deps: Omit<RoomDeps, 'policy' | 'events' | 'pacer' | 'clock'>,
    /** The workshop's rules (facilitation/policy.ts), asked at the moments named in policy.ts. */
    readonly policy: SyncPolicy
  ) {
    this.log = deps.log.child({ module: 'rooms' });
    this.pacer = new TickPacer(deps.config.TICK_MS, Math.max(deps.config.TICK_MS, deps.config.TICK_MAX_MS));
    deps.bus.onReconnect(() => {
      this.log.info('peer transport reconnected; reading back what was missed');
      for (const { room } of this.rooms.values()) if (room.loaded) room.resync().catch((err) => this.log.warn({ err: String(err) }, 'resync failed'));
    });
  }

  get size(): number {
    return this.rooms.size;
  }

  get(name: string): Room | undefined {
    return this.rooms.get(name)?.room;
  }

  /** Every room of this process that connections may have joined (its document perhaps still integrating). */
  *loaded(): Iterable<Room> {
    for (const { room } of this.rooms.values()) if (room.joinable && !room.closed) yield room;
  }

  /** The room of a document, loaded (its Y.Doc integrated), with the policy's `afterLoad` done. */
  open(name: string): Promise<Room> {
    const entry = this.entry(name);
    // Whoever opens it reads the document: it is built now, not when the joins calm down.
    entry.room.needDocument();
    return entry.ready;
  }

  /**
   * The room of a document once connections may join it: its stored bytes read and the policy's
   * `afterLoad` done, its Y.Doc perhaps still being integrated (policy.ts `readsDocument`).
   */
  joinable(name: string): Promise<Room> {
    return this.entry(name).joinable;
  }

  /**
   * Reads a board ahead of its people (read-ahead.ts): like a join's load, but the document is
   * built only once someone joins or needs it, and the room is let go unbuilt if nobody has
   * within `holdMs`. Resolves when the board can be joined; a board already open is left as it is.
   */
  readAhead(name: string, holdMs: number): Promise<Room> {
    return this.entry(name, holdMs).joinable;
  }

  private entry(name: string, readAheadHoldMs?: number): { room: Room; joinable: Promise<Room>; ready: Promise<Room> } {
    const existing = this.rooms.get(name);
    if (existing) return existing;
    const room = new Room(name, { ...this.deps, policy: this.policy, events: this.events, pacer: this.pacer, clock: this.clock }, (r) => this.unload(r));
    if (readAheadHoldMs !== undefined) room.readAhead(readAheadHoldMs);
    const joinable = (async () => {
      await this.teardowns.get(name);
      this.policy.beforeLoad?.(name, this);
      await room.read();
      // Nothing to answer from, or a policy that reads the document: integrate before anyone joins.
      if (room.unintegratedBytes === 0 || this.policy.readsDocument(name)) room.integrate();
      await this.policy.afterLoad(room, this);
      return room;
    })();
    const ready = joinable.then(async () => {
      if (!room.loaded) {
        // The connections waiting for `joinable` attach first; those that joined are answered from
        // the stored bytes before the document is built, and apply them before it is built.
        await new Promise((resolve) => setImmediate(resolve));
        const timing = { quietMs: this.deps.config.LOAD_QUIET_MS, maxDeferMs: this.deps.config.LOAD_MAX_DEFER_MS };
        if (!(await room.integrateWhenNeeded(timing))) throw new NobodyCame();
      }
      if (room.closed) throw new Error('the room closed while loading');
      this.countRooms();
      return room;
    });
    const entry = { room, joinable, ready };
    this.rooms.set(name, entry);
    ready.catch((err) => {
      if (err instanceof NobodyCame) {
        this.log.info({ doc: name }, 'board read ahead and not joined: let go');
        return this.unload(room);
      }
      this.log.error({ doc: name, err: String(err) }, 'document load failed');
      if (this.rooms.get(name)?.room === room) this.rooms.delete(name);
      // Connections answered from the stored bytes are told the board could not be opened.
      for (const conn of [...room.connections]) conn.close(CloseCode.loadFailed, 'the board could not be loaded');
      void room.destroy();
    });
    return entry;
  }

  private countRooms(): void {
    const control = [...this.rooms.keys()].filter((name) => workshopOfControlDoc(name) !== null).length;
    this.deps.metrics.documentsLoaded.set(this.rooms.size - control);
    this.deps.metrics.controlDocumentsLoaded.set(control);
  }

  private unload(room: Room): void {
    if (this.rooms.get(room.name)?.room !== room) return;
    this.rooms.delete(room.name);
    this.countRooms();
    const teardown = room.destroy().finally(() => {
      if (this.teardowns.get(room.name) === teardown) this.teardowns.delete(room.name);
    });
    this.teardowns.set(room.name, teardown);
    this.log.info({ doc: room.name }, 'document unloaded');
  }

  /**
   * Writes every room out (SIGTERM; the connections are closed by then). Returns the names of rooms
   * whose writes did not finish. A room still answering from what it read, with no edit waiting
   * for its document, has nothing to write: it is not built just to be dropped (a restart soon
   * after another leaves the boards it read ahead in that state).
   */
  async drainAll(timeoutMs: number): Promise<string[]> {
    const failed: string[] = [];
    await Promise.all(
      [...this.rooms.values()].map(async ({ room, ready }) => {
        if (room.joinable && room.unbuiltAndUnedited) return;
        room.needDocument();
        const loaded = await ready.then(
          () => true,
          () => false
        );
        if (loaded && !(await room.drain(timeoutMs))) failed.push(room.name);
      })
    );
    return failed;
  }

  async destroyAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map(({ room }) => room.destroy()));
    this.rooms.clear();
  }
}
