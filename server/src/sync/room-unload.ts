/**
 * When a room goes (room.ts): once nobody holds it — no connection, and no pin (the server
 * writing, a board keeping its control document) — for UNLOAD_GRACE_MS, it sends and writes
 * everything and folds its log, then unloads. Someone arriving meanwhile keeps it; a write that
 * failed meanwhile has it wait another grace period, so a room never unloads with anything unsaved.
 */
export interface RoomUnloadDeps {
  graceMs: number;
  /** The room's open connections. */
  connections(): number;
  closed(): boolean;
  /** Sends what the tick holds, writes everything accepted and folds the log. */
  writeOut(): Promise<void>;
  hasUnsaved(): boolean;
  /** Closes the room and has the manager forget it. */
  unload(): void;
}

export class RoomUnload {
  /** Holders other than connections. */
  private pins = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RoomUnloadDeps) {}

  /** Keeps the room loaded without a connection until `unpin`. */
  pin(): void {
    this.pins++;
    this.cancel();
  }

  unpin(): void {
    this.pins = Math.max(0, this.pins - 1);
    this.whenIdle();
  }

  /** Starts the grace period if nobody holds the room (a connection left, the document was built). */
  whenIdle(): void {
    if (this.idle) this.schedule();
  }

  /** Someone holds the room again (a connection joined), or it is destroyed. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private get idle(): boolean {
    return this.deps.connections() === 0 && this.pins === 0 && !this.deps.closed();
  }

  private schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => void this.tryUnload(), this.deps.graceMs);
  }

  private async tryUnload(): Promise<void> {
    this.timer = null;
    if (!this.idle) return;
    await this.deps.writeOut();
    // Someone may have joined, or a write may have failed, while we awaited.
    if (!this.idle) return;
    if (this.deps.hasUnsaved()) return this.schedule();
    this.deps.unload();
  }
}
