/**
 * The rooms of this process. Concurrent joins of one board share one load; a failed load is
 * forgotten (never saved over what is stored) so the next join tries again; a room that unloads
 * finishes its teardown before the same board can load again.
 */
import { EventEmitter } from 'node:events';
import { workshopOfControlDoc } from '@plenary/shared/protocol';
import type { Logger } from '../log.ts';
import type { RoomDirectory, RoomEventMap, SyncPolicy } from './policy.ts';
import { Room, type RoomDeps } from './room.ts';

export class RoomManager implements RoomDirectory {
  private readonly rooms = new Map<string, { room: Room; ready: Promise<Room> }>();
  private readonly teardowns = new Map<string, Promise<void>>();
  private readonly log: Logger;
  /** What happens in the rooms (policy.ts RoomEventMap), for services that react to it. */
  readonly events = new EventEmitter<RoomEventMap>();

  constructor(
    private readonly deps: Omit<RoomDeps, 'policy' | 'events'>,
    /** The workshop's rules (facilitation/policy.ts), asked at the moments named in policy.ts. */
    readonly policy: SyncPolicy
  ) {
    this.log = deps.log.child({ module: 'rooms' });
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

  /** Every room loaded in this process. */
  *loaded(): Iterable<Room> {
    for (const { room } of this.rooms.values()) if (room.loaded && !room.closed) yield room;
  }

  /** The room of a document, loaded, with the policy's `afterLoad` done. */
  open(name: string): Promise<Room> {
    const existing = this.rooms.get(name);
    if (existing) return existing.ready;
    const room = new Room(name, { ...this.deps, policy: this.policy, events: this.events }, (r) => this.unload(r));
    const ready = (async () => {
      await this.teardowns.get(name);
      await room.load();
      await this.policy.afterLoad(room, this);
      this.countRooms();
      return room;
    })();
    this.rooms.set(name, { room, ready });
    ready.catch((err) => {
      this.log.error({ doc: name, err: String(err) }, 'document load failed');
      if (this.rooms.get(name)?.room === room) this.rooms.delete(name);
      void room.destroy();
    });
    return ready;
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

  /** Writes every room out (SIGTERM). Returns the names of rooms whose writes did not finish. */
  async drainAll(timeoutMs: number): Promise<string[]> {
    const failed: string[] = [];
    await Promise.all(
      [...this.rooms.values()].map(async ({ room, ready }) => {
        const loaded = await ready.then(() => true, () => false);
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
