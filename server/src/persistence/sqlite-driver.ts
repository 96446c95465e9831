/**
 * The one place that knows which SQLite library the embedded store runs on.
 *
 * Node 22.13 and newer ship `node:sqlite` without a flag: the store uses it there, so Node 22 and
 * 24 need no native addon at all. Older Node (20) uses better-sqlite3. SQLITE_DRIVER forces one.
 * Both are loaded lazily with require (neither is imported at the top), so a process on Node 24
 * never loads better-sqlite3's addon (built for another Node, or not installed at all), and the
 * production bundle leaves both outside (`node:` modules are always external; better-sqlite3 is
 * in scripts/server-externals.mjs).
 *
 * The store sees one small surface, `SqliteDb`: exec, prepared statements (get / all / run),
 * deferred and immediate transactions, online backup, close. What differs between the libraries
 * is settled here so that the store behaves the same on both:
 * - busy timeout: better-sqlite3's `timeout` option; `PRAGMA busy_timeout` for node:sqlite (its
 *   own `timeout` option is newer than 22.13);
 * - cache size: better-sqlite3 is compiled with a 16 MB page cache (SQLITE_DEFAULT_CACHE_SIZE
 *   =-16000); node:sqlite is given the same;
 * - transactions: better-sqlite3's `transaction()`; BEGIN / COMMIT / ROLLBACK for node:sqlite
 *   (never nested: the store does not nest them);
 * - backup: better-sqlite3's `backup()`; node:sqlite's `backup()` (Node 22.16 / 23.8 on), else
 *   `VACUUM INTO`, which also writes a consistent copy while the file stays in use;
 * - BLOB columns come back as Buffer (better-sqlite3) or Uint8Array (node:sqlite); callers treat
 *   both as Uint8Array. Rows from node:sqlite have no prototype.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/** The SQLITE_DRIVER values (config.ts). */
export type SqliteDriver = 'better-sqlite3' | 'node';

export interface SqliteStatement<P extends unknown[], R> {
  get(...params: P): R | undefined;
  all(...params: P): R[];
  run(...params: P): { changes: number | bigint };
}

export interface SqliteDb {
  readonly driver: SqliteDriver;
  readonly open: boolean;
  exec(sql: string): void;
  prepare<P extends unknown[] = [], R = unknown>(sql: string): SqliteStatement<P, R>;
  /** Runs `fn` in a deferred transaction (BEGIN): a consistent read, or writes that may wait. */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` in an immediate transaction (BEGIN IMMEDIATE): takes the write lock first. */
  immediate<T>(fn: () => T): T;
  /** SQLite's online backup of the main database to `file` (overwritten), while it stays in use. */
  backup(file: string): Promise<void>;
  close(): void;
}

export interface OpenSqliteOptions {
  /** Unset: node:sqlite where this Node has it without a flag, better-sqlite3 otherwise. */
  driver?: SqliteDriver;
  /** How long a statement waits for another connection's lock before failing (SQLITE_BUSY). */
  busyTimeoutMs: number;
}

/** The first Node versions whose node:sqlite needs no --experimental-sqlite flag. */
const UNFLAGGED = { 22: 13, 23: 4 } as const;

/** Whether `version` (process.versions.node) has node:sqlite without a flag. */
export const hasNodeSqlite = (version: string): boolean => {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major >= 24) return true;
  const since = UNFLAGGED[major as keyof typeof UNFLAGGED];
  return since !== undefined && minor >= since;
};

/** The driver used for a SQLITE_DRIVER setting (undefined: unset) on a Node version. */
export const sqliteDriverFor = (setting: SqliteDriver | undefined, version: string = process.versions.node): SqliteDriver => {
  if (setting === 'node' && !hasNodeSqlite(version)) {
    throw new Error(`SQLITE_DRIVER=node needs Node 22.13 or newer (this is Node ${version}); unset it to use better-sqlite3`);
  }
  return setting ?? (hasNodeSqlite(version) ? 'node' : 'better-sqlite3');
};

const load = createRequire(import.meta.url);

// ---- better-sqlite3 ----

const openBetterSqlite3 = (file: string, busyTimeoutMs: number): SqliteDb => {
  let Database: typeof BetterSqlite3;
  try {
    Database = load('better-sqlite3') as typeof BetterSqlite3;
  } catch (err) {
    throw new Error(
      `the embedded store needs better-sqlite3 on Node ${process.versions.node} (Node 22.13 and newer use node:sqlite instead): ${(err as Error).message}`,
      { cause: err }
    );
  }
  const db = new Database(file, { timeout: busyTimeoutMs });
  return {
    driver: 'better-sqlite3',
    get open() {
      return db.open;
    },
    exec: (sql) => void db.exec(sql),
    prepare: <P extends unknown[], R>(sql: string) => db.prepare<P, R>(sql) as unknown as SqliteStatement<P, R>,
    transaction: (fn) => db.transaction(fn)(),
    immediate: (fn) => db.transaction(fn).immediate(),
    backup: async (target) => void (await db.backup(target)),
    close: () => void db.close()
  };
};

// ---- node:sqlite (typed here: @types/node 20 has no node:sqlite) ----

interface NodeStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number | bigint };
}
interface NodeDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeStatement;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string) => NodeDatabase;
  /** Node 22.16 / 23.8 and newer. */
  backup?: (source: NodeDatabase, path: string) => Promise<number>;
}

/** From the SQLite amalgamation defaults better-sqlite3 is compiled with (deps/defines.gypi). */
const BETTER_SQLITE3_CACHE_SIZE = -16_000;

const openNodeSqlite = (file: string, busyTimeoutMs: number): SqliteDb => {
  const sqlite = load('node:sqlite') as NodeSqliteModule;
  const db = new sqlite.DatabaseSync(file);
  let open = true;
  db.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.exec(`PRAGMA cache_size = ${BETTER_SQLITE3_CACHE_SIZE}`);
  const within = <T>(begin: string, fn: () => T): T => {
    db.exec(begin);
    let result: T;
    try {
      result = fn();
      db.exec('COMMIT');
    } catch (err) {
      // SQLite may have rolled back already (a full disk, an interrupted statement).
      try {
        db.exec('ROLLBACK');
      } catch {
        /* no transaction left to roll back */
      }
      throw err;
    }
    return result;
  };
  return {
    driver: 'node',
    get open() {
      return open;
    },
    exec: (sql) => db.exec(sql),
    prepare: <P extends unknown[], R>(sql: string) => db.prepare(sql) as unknown as SqliteStatement<P, R>,
    transaction: (fn) => within('BEGIN', fn),
    immediate: (fn) => within('BEGIN IMMEDIATE', fn),
    async backup(target) {
      if (sqlite.backup) {
        await sqlite.backup(db, target);
        return;
      }
      // VACUUM INTO refuses an existing file; the backup API overwrites it.
      rmSync(target, { force: true });
      db.prepare('VACUUM INTO ?').run(target);
    },
    close() {
      open = false;
      db.close();
    }
  };
};

/** Opens (creating if need be) the SQLite file `file` with the driver for this Node and setting. */
export const openSqlite = (file: string, { driver, busyTimeoutMs }: OpenSqliteOptions): SqliteDb =>
  sqliteDriverFor(driver) === 'node' ? openNodeSqlite(file, busyTimeoutMs) : openBetterSqlite3(file, busyTimeoutMs);
