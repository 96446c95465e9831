/**
 * A room's tick: what happened since the last flush (edits, presence changes, presence queries),
 * sent at most once per tick (TICK_MS, longer while the server is busy: tick-pacer.ts). A quiet
 * room sends at once (next turn of the event loop); a busy one merges everything that arrives
 * within the tick into one update frame per connection, one presence frame and one message to the
 * other instances.
 *
 * Presence on its own (someone arrives, leaves, or moves their caret without typing) waits longer
 * in a big room: every flush writes one frame to each of its connections, so when the venue's
 * Wi-Fi comes back and a board's 125 devices rejoin within a second, a presence frame per arrival
 * would be 125 × 125 socket writes in that second. Presence that comes with an edit goes with it.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { Metrics } from '../metrics.ts';
import type { Connection } from './connection.ts';
import { writeAwareness, writeUpdate } from './protocol.ts';

/** Presence on its own waits this long per connection of the room, after the last flush… */
const PRESENCE_MS_PER_CONNECTION = 0.4;
/** …but never longer than this (about 50 ms from 125 connections on). */
const PRESENCE_MAX_MS = 50;

export interface RoomTickDeps {
  /** The tick's length now (tick-pacer.ts: longer while the server is busy). */
  tickMs(): number;
  connections: ReadonlySet<Connection>;
  awareness: Awareness;
  metrics: Metrics;
  /** Each tick's merged update, once. */
  onMerged(merged: Uint8Array): void;
  /** Presence this instance's clients changed, for the other instances. */
  publishAwareness(payload: Uint8Array): void;
  /** After every flush (the room's writer schedules its store write). */
  afterFlush(): void;
}

export class RoomTick {
  private outgoing: { update: Uint8Array; from: unknown }[] = [];
  private awarenessLocal = new Set<number>();
  private awarenessOther = new Set<number>();
  /** Connections that asked for every presence: answered once at the next flush, however often they ask. */
  private awarenessQueries = new Set<Connection>();
  private timer: NodeJS.Timeout | null = null;
  /** When the pending timer fires (performance.now()). */
  private timerDue = 0;
  /**
   * Never, at first: performance.now() counts from the start of the process (or worker thread), so
   * a 0 here held a new room's first edit for up to a tick when the process was younger than one.
   */
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: RoomTickDeps) {}

  /** An update applied to the document; `from` gets no echo of a tick holding only its own. */
  update(update: Uint8Array, from: unknown): void {
    this.outgoing.push({ update, from });
    this.schedule(this.deps.tickMs());
  }

  /** Presence entries that changed; `local` when this instance's clients (or the server) changed them. */
  awarenessChanged(ids: Iterable<number>, local: boolean): void {
    const target = local ? this.awarenessLocal : this.awarenessOther;
    for (const id of ids) target.add(id);
    this.schedule(this.presenceWaitMs());
  }

  queryAwareness(conn: Connection): void {
    this.awarenessQueries.add(conn);
    this.schedule(this.presenceWaitMs());
  }

  /** True while an update waits to be sent. */
  get pending(): boolean {
    return this.outgoing.length > 0;
  }

  /** How long presence on its own waits after the last flush: longer the more connections a flush writes to. */
  private presenceWaitMs(): number {
    return Math.max(this.deps.tickMs(), Math.min(PRESENCE_MAX_MS, this.deps.connections.size * PRESENCE_MS_PER_CONNECTION));
  }

  /** Flushes `afterMs` after the last flush, or sooner if a flush is already due sooner (an edit never waits for presence). */
  private schedule(afterMs: number): void {
    const due = this.lastFlush + afterMs;
    if (this.timer) {
      if (due >= this.timerDue) return;
      this.stop();
    }
    this.timerDue = due;
    const wait = due - performance.now();
    this.timer = wait > 0 ? setTimeout(() => this.flush(), wait) : (setImmediate(() => this.flush()) as unknown as NodeJS.Timeout);
  }

  stop(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    clearImmediate(this.timer as unknown as NodeJS.Immediate);
    this.timer = null;
  }

  /** Once per tick: one merged update frame per connection, one awareness frame, one peer message, one store write. */
  flush(): void {
    this.stop();
    this.lastFlush = performance.now();
    const { connections, awareness, metrics } = this.deps;
    const batch = this.outgoing;
    this.outgoing = [];
    if (batch.length > 0) {
      const merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
      this.deps.onMerged(merged);
      const frame = writeUpdate(merged);
      // A client needs no echo of a tick that holds only its own edits.
      const sole = batch.every((b) => b.from === batch[0]!.from) ? batch[0]!.from : null;
      let sent = 0;
      for (const conn of connections) {
        if (conn === sole) continue;
        conn.send(frame);
        sent++;
      }
      if (sent > 0) metrics.updatesFannedOut.inc(sent);
    }
    if (this.awarenessLocal.size + this.awarenessOther.size > 0) {
      const all = [...new Set([...this.awarenessLocal, ...this.awarenessOther])];
      const frame = writeAwareness(encodeAwarenessUpdate(awareness, all));
      for (const conn of connections) conn.send(frame);
      if (this.awarenessLocal.size > 0) this.deps.publishAwareness(encodeAwarenessUpdate(awareness, [...this.awarenessLocal]));
      this.awarenessLocal.clear();
      this.awarenessOther.clear();
    }
    if (this.awarenessQueries.size > 0) {
      const frame = writeAwareness(encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]));
      for (const conn of this.awarenessQueries) if (connections.has(conn)) conn.send(frame);
      this.awarenessQueries.clear();
    }
    this.deps.afterFlush();
  }
}
