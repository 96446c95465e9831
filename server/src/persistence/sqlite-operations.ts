/**
 * The embedded store's operations for operators (store.ts, StoreOperations): document sizes and
 * last writes, listing and removing meta records, and backups.
 *
 * The last write of each document is kept in its own table, `doc_written`, set in the same
 * transaction as every append and saved version (one row per document, so it costs one upsert per
 * append call). It lives apart from the main schema so that existing files gain it by
 * `CREATE TABLE IF NOT EXISTS`; documents written before it existed report their newest version's
 * time, or none. When a document was last held open on devices is kept beside it, in `doc_open`
 * (not a write: the operators' last write does not move).
 *
 * A backup is SQLite's online backup (sqlite-driver.ts, either library): a consistent copy of the
 * file while the store stays in use. A restore attaches the backup and replaces every table's rows in
 * one transaction, keeping the log ids the snapshots refer to.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type { SqliteDb } from './sqlite-driver.ts';
import type { BackupSummary, DocInfo } from './store.ts';
import { RECORDS_COLUMNS } from './sqlite-records.ts';

export const OPERATIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_written (
  doc TEXT PRIMARY KEY,
  at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_open (
  doc TEXT PRIMARY KEY,
  at  TEXT NOT NULL
) WITHOUT ROWID;
`;

/** Tables copied by a restore, with their columns (log_stats is rebuilt from the log instead). */
const TABLES = {
  snapshot: 'doc, data, upto',
  log: 'id, doc, data',
  version: 'seq, doc, id, created_at, auto, meta, data',
  meta: 'key, value',
  doc_written: 'doc, at',
  doc_open: 'doc, at',
  record: RECORDS_COLUMNS
} as const;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const ATTACHED = 'restore_source';

/** The first bytes of `file` (a backup's header), read without reading the rest. */
const headOf = (file: string, length: number): string => {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(length);
    return head.subarray(0, readSync(fd, head, 0, length, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
};

/**
 * Whether `other` is the store's own database file or one of SQLite's files beside it. Backing up
 * onto it would overwrite the live file, restoring from it would empty every table into itself,
 * and even opening and closing it here would drop the process's locks on it
 * (https://www.sqlite.org/howtocorrupt.html, 2.2).
 */
const isStoreFile = (storeFile: string, other: string): boolean => {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return null;
    }
  };
  const target = real(other);
  return target !== null && [storeFile, `${storeFile}-wal`, `${storeFile}-shm`].some((f) => real(f) === target);
};

export const createSqliteOperations = (db: SqliteDb, storeFile: string, rebuildLogStats: () => void) => {
  const refuseStoreFile = (file: string) => {
    if (isStoreFile(storeFile, file))
      throw new Error(`${file} is the embedded store's own database file: back up to another file, and restore from such a backup`);
  };
  db.exec(OPERATIONS_SCHEMA);
  const q = {
    written: db.prepare<[string, string]>('INSERT INTO doc_written (doc, at) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET at = MAX(at, excluded.at)'),
    forget: db.prepare<[string]>('DELETE FROM doc_written WHERE doc = ?'),
    opened: db.prepare<[string, string]>('INSERT INTO doc_open (doc, at) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET at = MAX(at, excluded.at)'),
    forgetOpen: db.prepare<[string]>('DELETE FROM doc_open WHERE doc = ?'),
    writtenAt: db.prepare<[string], { at: string }>('SELECT at FROM doc_written WHERE doc = ?'),
    // ISO 8601 instants in UTC sort as text. A scan of one row per document, at start only.
    recent: db.prepare<[string, string, number], { doc: string }>(
      'SELECT doc FROM (SELECT doc, at FROM doc_written WHERE at >= ? UNION ALL SELECT doc, at FROM doc_open WHERE at >= ?) GROUP BY doc ORDER BY MAX(at) DESC LIMIT ?'
    ),
    snapshotBytes: db.prepare<[string], { bytes: number }>('SELECT LENGTH(data) AS bytes FROM snapshot WHERE doc = ?'),
    logStats: db.prepare<[string], { n: number; bytes: number }>('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM log WHERE doc = ?'),
    versions: db.prepare<[string], { n: number; bytes: number; newest: string | null }>(
      'SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(data)), 0) AS bytes, MAX(created_at) AS newest FROM version WHERE doc = ?'
    ),
    // instr = 1: the key starts with the prefix, with no LIKE wildcards to escape.
    listMeta: db.prepare<[string], { key: string; value: string }>('SELECT key, value FROM meta WHERE instr(key, ?) = 1'),
    deleteMeta: db.prepare<[string]>('DELETE FROM meta WHERE key = ?')
  };

  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  return {
    /** Called inside the append / saveVersion transaction. */
    touched(name: string): void {
      q.written.run(name, new Date().toISOString());
    },
    /** Called inside deleteDoc's transaction. */
    forget(name: string): void {
      q.forget.run(name);
      q.forgetOpen.run(name);
    },

    async noteOpen(names: string[]): Promise<void> {
      if (names.length === 0) return;
      const at = new Date().toISOString();
      db.immediate(() => {
        for (const name of names) q.opened.run(name, at);
      });
    },

    async recentlyActive(since: Date, limit: number): Promise<string[]> {
      const from = since.toISOString();
      return q.recent.all(from, from, limit).map((r) => r.doc);
    },

    async docInfo(name: string): Promise<DocInfo | null> {
      const snap = q.snapshotBytes.get(name);
      const log = q.logStats.get(name) ?? { n: 0, bytes: 0 };
      const versions = q.versions.get(name) ?? { n: 0, bytes: 0, newest: null };
      if (!snap && log.n === 0 && versions.n === 0) return null;
      const written = q.writtenAt.get(name)?.at ?? null;
      const candidates = [written, versions.newest].filter((t): t is string => t !== null).sort();
      return {
        bytes: (snap?.bytes ?? 0) + log.bytes,
        versions: versions.n,
        versionBytes: versions.bytes,
        lastWriteAt: candidates.at(-1) ?? null
      };
    },

    async listMeta(prefix: string): Promise<{ key: string; value: string }[]> {
      // Plain objects: node:sqlite's rows have no prototype.
      return q.listMeta.all(prefix).map(({ key, value }) => ({ key, value }));
    },

    async deleteMeta(keys: string[]): Promise<number> {
      return db.immediate(() => keys.reduce((n, key) => n + Number(q.deleteMeta.run(key).changes), 0));
    },

    async backup(file: string): Promise<BackupSummary> {
      refuseStoreFile(file);
      await db.backup(file);
      const items = Object.keys(TABLES).reduce((n, t) => n + count(t), 0);
      return { items, bytes: statSync(file).size };
    },

    async restore(file: string): Promise<BackupSummary> {
      refuseStoreFile(file);
      const head = headOf(file, SQLITE_MAGIC.length);
      if (head !== SQLITE_MAGIC) throw new Error(`${file} is not a backup of the embedded store (a Redis backup restores only with REDIS_URL set)`);
      db.prepare<[string]>(`ATTACH DATABASE ? AS ${ATTACHED}`).run(file);
      try {
        const present = new Set((db.prepare(`SELECT name FROM ${ATTACHED}.sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
        for (const required of ['snapshot', 'log', 'version', 'meta']) {
          if (!present.has(required)) throw new Error(`${file} is not a Plenary backup: it has no ${required} table`);
        }
        let items = 0;
        db.immediate(() => {
          for (const [table, columns] of Object.entries(TABLES)) {
            db.exec(`DELETE FROM main.${table}`);
            if (!present.has(table)) continue;
            items += Number(db.prepare(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM ${ATTACHED}.${table}`).run().changes);
          }
          rebuildLogStats();
        });
        return { items, bytes: statSync(file).size };
      } finally {
        db.exec(`DETACH DATABASE ${ATTACHED}`);
      }
    }
  };
};
export type SqliteOperations = ReturnType<typeof createSqliteOperations>;
