/**
 * The embedded store (the default, no server to run): one SQLite file in DATA_DIR, WAL mode.
 *
 * A document is a snapshot row (folded bytes plus `upto`, the last log id folded into it) and the
 * log rows appended after it. Compaction reads in one transaction, folds outside any lock, then
 * commits in a second transaction only if the snapshot is still the one it read (another process
 * on the same file may have compacted meanwhile), deleting exactly the rows it folded. Appends
 * from other connections during the fold get larger ids and stay.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION_RETENTION, type CompactResult, type Store, type StoredDoc, type VersionEntry, type VersionRetention } from './store.ts';
import { foldInWorker } from './fold-pool.ts';
import { storedDocOf } from './snapshot-parts.ts';
import type { ConnectionListener } from './redis-client.ts';
import { createSqliteOperations, type SqliteOperations } from './sqlite-operations.ts';
import { createSqliteRecords, type SqliteRecords } from './sqlite-records.ts';
import { openSqlite, type SqliteDb, type SqliteDriver } from './sqlite-driver.ts';
import { SqliteCheckpoints, type CheckpointOptions } from './sqlite-checkpoints.ts';

export interface SqliteStoreOptions {
  dataDir: string;
  /** SQLITE_DRIVER; unset: node:sqlite on Node 22.13 and newer, better-sqlite3 before (sqlite-driver.ts). */
  driver?: SqliteDriver;
  /** When the write-ahead log is checkpointed, in a thread (sqlite-checkpoints.ts). */
  checkpoints?: CheckpointOptions;
}

export const SQLITE_FILE_NAME = 'plenary.sqlite';

/**
 * The snapshot table keeps rowids: its rows hold a whole board each (1.2 MB for a board of 100,000
 * edits). In a table WITHOUT ROWID the row lives in the key's own tree, and SQLite reads a row's
 * whole overflowing payload to compare keys with it, so every lookup of any document (an empty
 * control document, the stored bytes counted after each append) read the large snapshots on its
 * path: 5 ms for one absent document beside one 1.2 MB snapshot, against 0.05 ms with rowids.
 */
const snapshotTable = (name: string) => `
CREATE TABLE IF NOT EXISTS ${name} (
  doc  TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto INTEGER NOT NULL
)`;

const SCHEMA = `${snapshotTable('snapshot')};
CREATE TABLE IF NOT EXISTS log (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  doc  TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS log_doc_id ON log (doc, id);
-- Entry count and bytes of each document's log, kept with every append so that appends do not
-- scan the log; rebuilt from the log when the store opens.
CREATE TABLE IF NOT EXISTS log_stats (
  doc   TEXT PRIMARY KEY,
  n     INTEGER NOT NULL,
  bytes INTEGER NOT NULL
) WITHOUT ROWID;
-- Saved versions of a document; seq gives their order (newest = highest).
CREATE TABLE IF NOT EXISTS version (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  doc        TEXT NOT NULL,
  id         TEXT NOT NULL,
  created_at TEXT NOT NULL,
  auto       INTEGER NOT NULL,
  meta       TEXT NOT NULL,
  data       BLOB NOT NULL,
  UNIQUE (doc, id)
);
CREATE INDEX IF NOT EXISTS version_doc_seq ON version (doc, seq);
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/** Moves the snapshots of a store written before its snapshot table kept rowids into one that does (once). */
const snapshotsWithRowids = (db: SqliteDb): void => {
  const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'snapshot'").get();
  if (!table || !/WITHOUT\s+ROWID/i.test(table.sql)) return;
  db.exec(`${snapshotTable('snapshot_rowid')};
    INSERT INTO snapshot_rowid (doc, data, upto) SELECT doc, data, upto FROM snapshot;
    DROP TABLE snapshot;
    ALTER TABLE snapshot_rowid RENAME TO snapshot;`);
};

// BLOBs come back as Buffer (better-sqlite3) or Uint8Array (node:sqlite); both are Uint8Arrays.
interface LogRow {
  id: number;
  data: Uint8Array;
}
interface VersionRow {
  id: string;
  created_at: string;
  auto: number;
  meta: string;
}
const entryOf = (row: VersionRow): VersionEntry => ({ id: row.id, createdAt: row.created_at, auto: row.auto === 1, meta: row.meta });

interface SnapshotRow {
  data: Uint8Array;
  upto: number;
}

const asBytes = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly #db: SqliteDb;
  readonly #q;
  readonly #ops: SqliteOperations;
  readonly #records: SqliteRecords;
  readonly #checkpoints: SqliteCheckpoints;
  #closing: Promise<void> | null = null;
  /** Appends waiting for this turn's commit (appendUpdates). */
  #queued: { name: string; updates: Uint8Array[]; resolve: (r: { logLength: number; bytes: number }) => void; reject: (err: unknown) => void }[] = [];

  constructor({ dataDir, driver, checkpoints }: SqliteStoreOptions) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, SQLITE_FILE_NAME);
    // Another process on the same file (a second instance, a maintenance script) may hold the
    // write lock briefly; wait for it rather than failing.
    this.#db = openSqlite(file, { driver, busyTimeoutMs: 5_000 });
    this.#db.exec('PRAGMA journal_mode = WAL');
    // NORMAL in WAL mode: a committed append survives the process being killed (it is in the OS
    // page cache and the WAL); only a power loss can drop the last commits. FULL would fsync on
    // every append and stall the event loop under a busy workshop.
    this.#db.exec('PRAGMA synchronous = NORMAL');
    this.#db.exec(SCHEMA);
    const db = this.#db;
    db.immediate(() => snapshotsWithRowids(db));
    const rebuildLogStats = () => {
      db.exec('DELETE FROM log_stats');
      db.exec('INSERT INTO log_stats (doc, n, bytes) SELECT doc, COUNT(*), SUM(LENGTH(data)) FROM log GROUP BY doc');
    };
    db.immediate(rebuildLogStats);
    this.#ops = createSqliteOperations(db, file, rebuildLogStats);
    this.#records = createSqliteRecords(db);
    this.#checkpoints = new SqliteCheckpoints(db, file, checkpoints);
    this.#q = {
      snapshot: db.prepare<[string], SnapshotRow>('SELECT data, upto FROM snapshot WHERE doc = ?'),
      logAfter: db.prepare<[string, number], LogRow>('SELECT id, data FROM log WHERE doc = ? AND id > ? ORDER BY id'),
      logStats: db.prepare<[string], { n: number; bytes: number }>('SELECT n, bytes FROM log_stats WHERE doc = ?'),
      recountLog: db.prepare<[string, string]>(
        `INSERT INTO log_stats (doc, n, bytes) SELECT ?, COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM log WHERE doc = ?
         ON CONFLICT (doc) DO UPDATE SET n = excluded.n, bytes = excluded.bytes`
      ),
      countAppend: db.prepare<[string, number]>(
        `INSERT INTO log_stats (doc, n, bytes) VALUES (?, 1, ?)
         ON CONFLICT (doc) DO UPDATE SET n = n + 1, bytes = bytes + excluded.bytes`
      ),
      deleteStats: db.prepare<[string]>('DELETE FROM log_stats WHERE doc = ?'),
      snapshotBytes: db.prepare<[string], { bytes: number }>('SELECT LENGTH(data) AS bytes FROM snapshot WHERE doc = ?'),
      logHas: db.prepare<[string, number], { id: number }>('SELECT id FROM log WHERE doc = ? AND id = ?'),
      append: db.prepare<[string, Buffer]>('INSERT INTO log (doc, data) VALUES (?, ?)'),
      upsertSnapshot: db.prepare<[string, Buffer, number]>(
        'INSERT INTO snapshot (doc, data, upto) VALUES (?, ?, ?) ON CONFLICT (doc) DO UPDATE SET data = excluded.data, upto = excluded.upto'
      ),
      deleteLogUpTo: db.prepare<[string, number]>('DELETE FROM log WHERE doc = ? AND id <= ?'),
      deleteLog: db.prepare<[string]>('DELETE FROM log WHERE doc = ?'),
      deleteSnapshot: db.prepare<[string]>('DELETE FROM snapshot WHERE doc = ?'),
      insertVersion: db.prepare<[string, string, string, number, string, Buffer]>(
        'INSERT INTO version (doc, id, created_at, auto, meta, data) VALUES (?, ?, ?, ?, ?, ?)'
      ),
      listVersions: db.prepare<[string], VersionRow>('SELECT id, created_at, auto, meta FROM version WHERE doc = ? ORDER BY seq DESC'),
      getVersion: db.prepare<[string, string], VersionRow & { data: Uint8Array }>(
        'SELECT id, created_at, auto, meta, data FROM version WHERE doc = ? AND id = ?'
      ),
      deleteVersion: db.prepare<[string, string]>('DELETE FROM version WHERE doc = ? AND id = ?'),
      countVersions: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM version WHERE doc = ?'),
      oldestVersions: db.prepare<[string, number, number], { id: string }>('SELECT id FROM version WHERE doc = ? AND auto >= ? ORDER BY seq LIMIT ?'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      insertMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
    };
  }

  /** Which SQLite library this store runs on (sqlite-driver.ts). */
  get driver(): SqliteDriver {
    return this.#db.driver;
  }

  #read = (name: string) => {
    const snapshot = this.#q.snapshot.get(name);
    const log = this.#q.logAfter.all(name, snapshot?.upto ?? 0);
    return { snapshot, log };
  };

  #stats(name: string): { logLength: number; bytes: number } {
    const log = this.#q.logStats.get(name);
    const snap = this.#q.snapshotBytes.get(name);
    return { logLength: log?.n ?? 0, bytes: (log?.bytes ?? 0) + (snap?.bytes ?? 0) };
  }

  async loadDoc(name: string): Promise<StoredDoc | null> {
    this.#commitQueued();
    // One read transaction: a compaction committed by another connection cannot land between
    // reading the snapshot and reading the log.
    const { snapshot, log } = this.#db.transaction(() => this.#read(name));
    return storedDocOf(
      snapshot ? asBytes(snapshot.data) : null,
      log.map((r) => asBytes(r.data))
    );
  }

  /**
   * Appends are committed together, once per turn of the event loop: each commit writes its pages
   * to the write-ahead log whatever it holds (about 90 µs an append alone), and the rooms of a
   * process write on a shared clock (sync/write-clock.ts), so the boards' appends of one turn share
   * one transaction. Each still gets its own figures.
   */
  appendUpdates(name: string, updates: Uint8Array[]): Promise<{ logLength: number; bytes: number }> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ name, updates, resolve, reject });
      if (this.#queued.length === 1) setImmediate(() => this.#commitQueued());
    });
  }

  #append(name: string, updates: Uint8Array[]): { logLength: number; bytes: number } {
    for (const u of updates) {
      this.#q.append.run(name, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      this.#q.countAppend.run(name, u.byteLength);
    }
    this.#ops.touched(name);
    return this.#stats(name);
  }

  /**
   * Commits the queued appends now; every other use of a document's rows comes after them. When
   * the transaction fails, every append of it fails (each room keeps its edits and tries again):
   * what fails one (a full disk, another process holding the lock past the busy timeout) fails
   * them all, and trying each alone would hold the event loop for a busy timeout apiece.
   */
  #commitQueued(): void {
    const queued = this.#queued;
    if (queued.length === 0) return;
    this.#queued = [];
    let results: { logLength: number; bytes: number }[];
    try {
      results = this.#db.immediate(() => queued.map((a) => this.#append(a.name, a.updates)));
    } catch (err) {
      for (const a of queued) a.reject(err);
      return;
    }
    queued.forEach((a, i) => a.resolve(results[i]!));
  }

  async compact(name: string): Promise<CompactResult> {
    this.#commitQueued();
    const { snapshot, log } = this.#db.transaction(() => this.#read(name));
    const last = log.at(-1);
    if (!last) return { compacted: true, bytes: this.#stats(name).bytes };
    const stored = storedDocOf(
      snapshot ? asBytes(snapshot.data) : null,
      log.map((r) => asBytes(r.data))
    );
    const folded = await foldInWorker(stored!.updates);
    return this.#db.immediate((): CompactResult => {
      const current = this.#q.snapshot.get(name);
      // Someone else compacted or deleted the document since we read (log ids are never
      // reused, so a vanished row means exactly that): leave their result alone.
      if ((current?.upto ?? 0) !== (snapshot?.upto ?? 0) || !this.#q.logHas.get(name, last.id)) {
        return { compacted: false, bytes: this.#stats(name).bytes };
      }
      this.#q.upsertSnapshot.run(name, Buffer.from(folded.buffer, folded.byteOffset, folded.byteLength), last.id);
      this.#q.deleteLogUpTo.run(name, last.id);
      this.#q.recountLog.run(name, name);
      return { compacted: true, bytes: this.#stats(name).bytes };
    });
  }

  async deleteDoc(name: string): Promise<void> {
    this.#commitQueued();
    this.#db.immediate(() => {
      this.#q.deleteLog.run(name);
      this.#q.deleteSnapshot.run(name);
      this.#q.deleteStats.run(name);
      this.#ops.forget(name);
    });
  }

  async saveVersion(name: string, entry: VersionEntry, data: Uint8Array, retention: VersionRetention = VERSION_RETENTION): Promise<{ pruned: string[] }> {
    return this.#db.immediate(() => {
      const q = this.#q;
      q.insertVersion.run(name, entry.id, entry.createdAt, entry.auto ? 1 : 0, entry.meta, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      this.#ops.touched(name);
      const pruned: string[] = [];
      const prune = (onlyAuto: boolean, limit: number) => {
        const over = (q.countVersions.get(name)?.n ?? 0) - limit;
        if (over <= 0) return;
        for (const { id } of q.oldestVersions.all(name, onlyAuto ? 1 : 0, over)) {
          q.deleteVersion.run(name, id);
          pruned.push(id);
        }
      };
      // Automatic versions go first; named ones only past the hard cap.
      prune(true, retention.keep);
      prune(false, retention.hardCap);
      return { pruned };
    });
  }

  async listVersions(name: string): Promise<VersionEntry[]> {
    return this.#q.listVersions.all(name).map(entryOf);
  }

  async getVersion(name: string, id: string): Promise<{ entry: VersionEntry; data: Uint8Array } | null> {
    const row = this.#q.getVersion.get(name, id);
    return row ? { entry: entryOf(row), data: asBytes(row.data) } : null;
  }

  async deleteVersion(name: string, id: string): Promise<boolean> {
    return Number(this.#q.deleteVersion.run(name, id).changes) > 0;
  }

  async getMeta(key: string): Promise<string | null> {
    return this.#q.getMeta.get(key)?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.#q.setMeta.run(key, value);
  }

  async setMetaIfAbsent(key: string, value: string): Promise<string> {
    return this.#db.immediate(() => {
      this.#q.insertMeta.run(key, value);
      const stored = this.#q.getMeta.get(key);
      if (!stored) throw new Error(`meta ${key} vanished while being set`);
      return stored.value;
    });
  }

  // ---- Operations (sqlite-operations.ts) ----
  recentlyActive(since: Date, limit: number) {
    this.#commitQueued();
    return this.#ops.recentlyActive(since, limit);
  }

  noteOpen(names: string[]) {
    return this.#ops.noteOpen(names);
  }

  docInfo(name: string) {
    this.#commitQueued();
    return this.#ops.docInfo(name);
  }
  listMeta(prefix: string) {
    return this.#ops.listMeta(prefix);
  }
  deleteMeta(keys: string[]) {
    return this.#ops.deleteMeta(keys);
  }
  backup(file: string) {
    this.#commitQueued();
    return this.#ops.backup(file);
  }
  restore(file: string) {
    this.#commitQueued();
    return this.#ops.restore(file);
  }

  // ---- Append-only records (sqlite-records.ts) ----
  appendRecord(list: string, value: string, max: number) {
    return this.#records.appendRecord(list, value, max);
  }
  listRecords(list: string) {
    return this.#records.listRecords(list);
  }
  deleteRecords(list: string) {
    return this.#records.deleteRecords(list);
  }

  /** Same shape as the Redis store's; an embedded file never disconnects, so it never fires. */
  onStateChange(_listener: ConnectionListener): () => void {
    return () => undefined;
  }

  async ping(): Promise<boolean> {
    try {
      return this.#db.prepare('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#checkpoints.close();
      // Appends queued before the close (or while the thread's connection closed) are committed;
      // the store's connection is then the file's last, and SQLite folds the rest of the log in as it closes.
      this.#commitQueued();
      this.#db.close();
      this.#checkpoints.release();
    })();
    return this.#closing;
  }
}
