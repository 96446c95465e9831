/**
 * What a room owes the store. Accepted updates are written at the next tick of the process's write
 * clock (every WRITE_INTERVAL_MS, well inside the 100 ms durability promise: write-clock.ts),
 * merged into one append. A failed write keeps them in memory and retries with back-off; nothing
 * accepted is dropped. Past the compaction thresholds the log is folded into the snapshot.
 *
 * Each append is handed to `onStored` once the store has it: the room tells the other instances
 * only then (see room.ts, "Peers see stored edits only").
 */
import * as Y from 'yjs';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Store } from '../persistence/store.ts';
import type { WriteClock } from './write-clock.ts';

/** Longest wait between two attempts while the store is failing. */
const MAX_RETRY_MS = 5000;

export interface RoomWriterDeps {
  store: Store;
  /** When the process's rooms write (write-clock.ts). */
  clock: WriteClock;
  config: Config;
  metrics: Metrics;
  log: Logger;
}

export class RoomWriter {
  /** Stored bytes plus bytes accepted and not yet compacted: what MAX_DOC_BYTES is checked against. */
  bytes = 0;
  /** Log entries not yet folded into the snapshot. */
  logLength = 0;
  private logBytes = 0;
  private unsaved: Uint8Array[] = [];
  private writing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private compacting: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly deps: RoomWriterDeps,
    /** Called with every append once the store holds it. */
    private readonly onStored: (merged: Uint8Array) => void
  ) {}

  /** What the store held when the room loaded. */
  loaded(bytes: number, logLength: number): void {
    this.bytes = bytes;
    this.logLength = logLength;
  }

  /** How many updates were accepted, and how many of the first of them the store holds. */
  private acceptedCount = 0;
  private storedCount = 0;
  private storedWaiters: { upTo: number; resolve: (stored: boolean) => void }[] = [];

  /** An update this instance must store (a client's edit or the server's own). */
  accept(update: Uint8Array): void {
    this.unsaved.push(update);
    this.bytes += update.length;
    this.acceptedCount++;
  }

  /**
   * Resolves true once the store holds every update accepted so far (written now, not at the next
   * interval), or false after `timeoutMs` — the updates then stay pending and are retried.
   */
  whenStored(timeoutMs: number): Promise<boolean> {
    const upTo = this.acceptedCount;
    if (this.storedCount >= upTo) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { upTo, resolve };
      this.storedWaiters.push(waiter);
      setTimeout(() => {
        this.storedWaiters = this.storedWaiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs).unref();
      void this.save();
    });
  }

  private markStored(upTo: number): void {
    this.storedCount = Math.max(this.storedCount, upTo);
    const done = this.storedWaiters.filter((w) => w.upTo <= this.storedCount);
    if (done.length === 0) return;
    this.storedWaiters = this.storedWaiters.filter((w) => w.upTo > this.storedCount);
    for (const w of done) w.resolve(true);
  }

  /**
   * The store lost the document (a Redis restarted empty): `full`, the whole document, replaces
   * whatever was waiting (it holds all of it) and is written as the new start of the log.
   */
  rewrite(full: Uint8Array): void {
    this.unsaved = [full];
    this.bytes = full.length;
    this.logLength = 0;
    this.logBytes = 0;
    this.schedule();
  }

  /** True while anything accepted is not yet in the store. */
  get pending(): boolean {
    return this.unsaved.length > 0 || this.writing !== null || this.retryTimer !== null;
  }

  /** Writes at the next tick of the process's write clock (write-clock.ts), with the other boards. */
  schedule(): void {
    if (this.unsaved.length === 0) return;
    this.deps.clock.enlist(this.onClock);
  }

  private readonly onClock = (): void => void this.save();

  /** Writes unsaved updates now; on failure keeps them and retries with back-off. */
  save(): Promise<void> {
    if (this.writing || this.retryTimer || this.unsaved.length === 0) return this.writing ?? Promise.resolve();
    const batch = this.unsaved;
    this.unsaved = [];
    // Everything accepted so far is in this batch or already stored.
    const upTo = this.acceptedCount;
    const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    const { store, metrics, config, log } = this.deps;
    const started = performance.now();
    this.writing = store
      .appendUpdates(this.name, [merged])
      .then((result) => {
        metrics.storeWriteSeconds.observe((performance.now() - started) / 1000);
        if (this.failures > 0) log.info({ failures: this.failures }, 'store writes resumed');
        this.failures = 0;
        this.onStored(merged);
        this.markStored(upTo);
        this.logLength = result.logLength;
        this.logBytes += merged.length;
        if (this.logLength >= config.COMPACT_AFTER_ENTRIES || this.logBytes >= config.COMPACT_AFTER_BYTES) void this.compact();
      })
      .catch((err) => {
        metrics.storeErrors.inc();
        this.unsaved = batch.concat(this.unsaved);
        this.failures++;
        const delay = Math.min(MAX_RETRY_MS, 50 * 2 ** this.failures);
        log.warn({ err: String(err), failures: this.failures, retryMs: delay }, 'store write failed; kept in memory');
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.save();
        }, delay);
      })
      .finally(() => {
        this.writing = null;
        if (this.unsaved.length === 0 || this.retryTimer) return;
        // What arrived during the write goes at once when someone waits for it, else on the clock.
        if (this.storedWaiters.length > 0) void this.save();
        else this.schedule();
      });
    return this.writing;
  }

  compact(): Promise<void> {
    this.compacting ??= this.deps.store
      .compact(this.name)
      .then((result) => {
        if (!result.compacted) return;
        this.deps.metrics.compactions.inc();
        this.bytes = result.bytes;
        this.logLength = 0;
        this.logBytes = 0;
      })
      .catch((err) => this.deps.log.warn({ err: String(err) }, 'compaction failed'))
      .finally(() => (this.compacting = null));
    return this.compacting;
  }

  /** Writes everything now, retrying without back-off until `deadline`; then folds the log. */
  async drain(deadline: number): Promise<boolean> {
    while (this.pending) {
      if (Date.now() > deadline) return false;
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
      }
      // A Redis that hangs never answers a command already sent: stop waiting at the deadline.
      await Promise.race([this.save(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
      if (this.unsaved.length > 0) await new Promise((r) => setTimeout(r, 100));
    }
    await this.compacting;
    // Leave the board folded, so the next start loads one snapshot.
    if (this.logLength > 0) await this.compact();
    return true;
  }

  stop(): void {
    this.deps.clock.cancel(this.onClock);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
