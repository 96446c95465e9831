/**
 * What the checkpoint thread runs (sqlite-checkpoints.ts): SQLite's PASSIVE checkpoint of one
 * store's file, through a connection of the thread's own, kept open between checkpoints (one per
 * file; a test process holds several stores). PASSIVE copies what it can of the write-ahead log
 * into the database file without waiting for any lock, so it never holds up the store's own
 * connection, which goes on writing to the log meanwhile.
 */
import { openSqlite, type SqliteDb, type SqliteDriver } from './sqlite-driver.ts';

export interface CheckpointTask {
  op: 'checkpoint' | 'close';
  file: string;
  driver: SqliteDriver;
}

/** SQLite's answer: whether a lock stopped it, the log's frames, the frames copied into the file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/** The checkpoint, on whichever connection runs it (the thread's, or the store's when the thread cannot). */
export const PASSIVE_CHECKPOINT = 'PRAGMA wal_checkpoint(PASSIVE)';

const connections = new Map<string, SqliteDb>();

export const checkpointTask = ({ op, file, driver }: CheckpointTask): CheckpointResult | null => {
  if (op === 'close') {
    connections.get(file)?.close();
    connections.delete(file);
    return null;
  }
  let db = connections.get(file);
  if (!db) {
    // No wait for locks: a PASSIVE checkpoint takes none it would wait for.
    db = openSqlite(file, { driver, busyTimeoutMs: 0 });
    connections.set(file, db);
  }
  return db.prepare<[], CheckpointResult>(PASSIVE_CHECKPOINT).get() ?? null;
};
