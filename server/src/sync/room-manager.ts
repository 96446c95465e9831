/**
 * The rooms of this process. Concurrent joins of one board share one load; a failed load is
 * forgotten (never saved over what is stored) so the next join tries again; a room that unloads
 * finishes its teardown before the same board can load again.
 */
import { DenyReason, Role, controlDocName, workshopOfControlDoc } from '@plenary/shared/protocol';
import type { Logger } from '../log.ts';
import { Room, type RoomDeps } from './room.ts';

export interface RoomHooks {
  /** A workshop's link generations changed in its control document (maybe on another instance). */
  onGenerations?: (workshopId: string, generations: unknown) => void;
}

export class RoomManager {
  private readonly rooms = new Map<string, { room: Room; ready: Promise<Room> }>();
  private readonly teardowns = new Map<string, Promise<void>>();
  private readonly log: Logger;

  constructor(
    private readonly deps: RoomDeps,
    private readonly hooks: RoomHooks = {}
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

  /**
   * The room of a board or control document, loaded. A board keeps its workshop's control
   * document loaded too: its lock lives there.
   */
  open(name: string, workshopId?: string): Promise<Room> {
    const existing = this.rooms.get(name);
    if (existing) return existing.ready;
    const room = new Room(name, this.deps, (r) => this.unload(r));
    const ready = (async () => {
      await this.teardowns.get(name);
      await room.load();
      await this.applyPolicy(room, workshopId);
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

  private async applyPolicy(room: Room, workshopId: string | undefined): Promise<void> {
    const controlOf = workshopOfControlDoc(room.name);
    if (controlOf !== null) {
      // Only the server writes the control document (facilitation actions over HTTP).
      room.writeDenied = () => DenyReason.readOnly;
      const meta = room.doc.getMap('meta');
      meta.observe((event) => {
        if (event.keysChanged.has('generations')) this.hooks.onGenerations?.(controlOf, meta.get('generations'));
      });
      return;
    }
    room.protectSettings();
    if (!workshopId) return;
    const control = await this.open(controlDocName(workshopId), workshopId);
    control.pin();
    room.onDestroy(() => control.unpin());
    const locks = control.doc.getMap('locks');
    room.writeDenied = (conn) => (conn.info.role !== Role.facilitator && locks.get(room.name) === true ? DenyReason.locked : null);
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
