/**
 * The embedded store's checkpoints, off the event loop. In WAL mode every commit appends the pages
 * it changed to the write-ahead log, and SQLite copies the log back into the database file — a
 * checkpoint, with an fsync of both files — inside whichever commit takes the log past 1,000
 * pages. That commit was the store's own, on the event loop: under the fan-out bench's writes (16
 * boards, one append each per 20 ms) about one commit in 45 took 8–12 ms instead of 0.5–1, and
 * every board of the instance — edits, joins, presence — waited for it, about once a second.
 *
 * So the store's connection never checkpoints on its own (`wal_autocheckpoint = 0`), and a worker
 * thread with a connection of its own to the same file checkpoints it (PASSIVE: it takes no lock
 * the store's writes wait for) once the log holds `logBytes` — SQLite's own point, 1,000 pages —
 * looked at every `everyMs` in the log's index (the `-shm` file SQLite shares between connections,
 * whose header is documented: https://www.sqlite.org/walformat.html, "The WAL-Index Header"): the
 * frames written to the log and the frames already copied into the file. The thread is started at the first checkpoint and stops after a
 * while without one (lib/lazy-pool.ts): a server that writes a few rows now and then (a setting, a
 * record) starts none, as SQLite would not have checkpointed them either. When the thread cannot
 * run a checkpoint, it runs here, on the loop, as before, so the log never grows unchecked.
 * Closing the store closes the thread's connection first, so the store's is the last and SQLite
 * folds what is left of the log into the file as it closes; the index's descriptor is closed after
 * that (LogIndex).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { createLazyPool } from '../lib/lazy-pool.ts';
import { PASSIVE_CHECKPOINT, type CheckpointResult, type CheckpointTask } from './sqlite-checkpoint-task.ts';
import type { SqliteDb } from './sqlite-driver.ts';

export interface CheckpointOptions {
  /** How often the log's size is looked at (milliseconds). */
  everyMs?: number;
  /** The log's size from which it is checkpointed (bytes). */
  logBytes?: number;
}

const EVERY_MS = 250;
/** SQLite's own checkpoint point: 1,000 pages of 4 KiB. */
const LOG_BYTES = 1_000 * 4_096;

/** Where the log's index keeps its figures, in the machine's byte order: the page size, the frames in the log, the frames copied back. */
const INDEX = { pageSize: 14, frames: 16, copied: 96, bytes: 100 } as const;

/**
 * The write-ahead log's index (the `-shm` file), read through one descriptor kept open as long as
 * the store is. Closing any descriptor of a file drops every POSIX lock the process holds on it —
 * SQLite's own locks on the index among them (https://www.sqlite.org/howtocorrupt.html, 2.2) — so
 * opening and closing the index at each look, as this did, left the process holding none: another
 * process opening the database (the operator's CLI beside a running server, a test's second writer)
 * then took the index for unused and truncated it under this process's memory map, which crashed
 * it (SIGBUS) at its next touch of the log.
 */
export class LogIndex {
  #fd: number | null = null;

  constructor(readonly file: string) {}

  /** Bytes of pages in the write-ahead log not yet copied into the file (0 while there is no index). */
  uncheckpointedBytes(): number {
    if (this.#fd === null) {
      try {
        this.#fd = openSync(this.file, 'r');
      } catch {
        return 0;
      }
    }
    const header = Buffer.alloc(INDEX.bytes);
    if (readSync(this.#fd, header, 0, INDEX.bytes, 0) < INDEX.bytes) return 0;
    const le = endianness() === 'LE';
    const u16 = (at: number) => (le ? header.readUInt16LE(at) : header.readUInt16BE(at));
    const u32 = (at: number) => (le ? header.readUInt32LE(at) : header.readUInt32BE(at));
    // A page size of 65,536 is stored as 1.
    const pageSize = u16(INDEX.pageSize) === 1 ? 65_536 : u16(INDEX.pageSize);
    return Math.max(0, u32(INDEX.frames) - u32(INDEX.copied)) * pageSize;
  }

  /** Closes the descriptor: only once every SQLite connection of this process to the file has closed. */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}

/** The thread stops after this long without a checkpoint (a server nobody writes to holds none). */
const IDLE_TIMEOUT_MS = 15_000;

const pool = createLazyPool({ filename: new URL('./checkpoint-worker.mjs', import.meta.url), maxThreads: 1, idleTimeout: IDLE_TIMEOUT_MS });

export class SqliteCheckpoints {
  readonly #index: LogIndex;
  readonly #logBytes: number;
  #running: Promise<CheckpointResult | null> | null = null;
  /** Whether the thread ever opened this file (its connection is closed with the store). */
  #threadOpened = false;
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly db: SqliteDb,
    private readonly file: string,
    { everyMs = EVERY_MS, logBytes = LOG_BYTES }: CheckpointOptions = {}
  ) {
    db.exec('PRAGMA wal_autocheckpoint = 0');
    this.#index = new LogIndex(`${file}-shm`);
    this.#logBytes = logBytes;
    this.#timer = setInterval(() => this.#whenLogFull(), everyMs);
    this.#timer.unref();
  }

  #whenLogFull(): void {
    if (this.#running || !this.db.open) return;
    if (this.#index.uncheckpointedBytes() >= this.#logBytes) void this.run();
  }

  /** One checkpoint now, in the thread (here when the thread cannot run it); one at a time. */
  run(): Promise<CheckpointResult | null> {
    this.#running ??= this.#inThread()
      .catch(() => (this.db.open ? (this.db.prepare<[], CheckpointResult>(PASSIVE_CHECKPOINT).get() ?? null) : null))
      .finally(() => (this.#running = null));
    return this.#running;
  }

  async #inThread(): Promise<CheckpointResult | null> {
    const thread = await pool.started();
    this.#threadOpened = true;
    return (await thread.run(this.#task('checkpoint'))) as CheckpointResult | null;
  }

  #task(op: CheckpointTask['op']): CheckpointTask {
    return { op, file: this.file, driver: this.db.driver };
  }

  /** Stops checking and closes the thread's connection to the file (before the store closes its own). */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
    if (!this.#threadOpened) return;
    const thread = await pool.started().catch(() => null);
    // A thread stopped for idleness took its connections with it; none is started just to close one.
    if (!thread || thread.threads.length === 0) return;
    await thread.run(this.#task('close')).catch(() => undefined);
  }

  /** Lets go of the log's index; the store calls it once its own connection has closed (LogIndex). */
  release(): void {
    this.#index.close();
  }
}
