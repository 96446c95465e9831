/**
 * Append-only records in the embedded store (store.ts StoreRecords): one table, `record`, ordered
 * by an autoincrement sequence. The cap is checked in the INSERT itself, so two connections
 * appending at once never pass it. Backups copy the table with the others (sqlite-operations.ts).
 */

/** What this module needs of the database: better-sqlite3 and node:sqlite both fit (sqlite-driver.ts). */
interface RecordsDb {
  exec(sql: string): unknown;
  prepare(sql: string): {
    run(...params: unknown[]): { changes: number | bigint };
    all(...params: unknown[]): unknown[];
    get(...params: unknown[]): unknown;
  };
}

export const RECORDS_SCHEMA = `
CREATE TABLE IF NOT EXISTS record (
  seq   INTEGER PRIMARY KEY AUTOINCREMENT,
  list  TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS record_list_seq ON record (list, seq);
`;

/** Columns a restore copies (sqlite-operations.ts). */
export const RECORDS_COLUMNS = 'seq, list, value';

export const createSqliteRecords = (db: RecordsDb) => {
  db.exec(RECORDS_SCHEMA);
  const q = {
    append: db.prepare('INSERT INTO record (list, value) SELECT ?, ? WHERE (SELECT COUNT(*) FROM record WHERE list = ?) < ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM record WHERE list = ?'),
    list: db.prepare('SELECT value FROM record WHERE list = ? ORDER BY seq'),
    remove: db.prepare('DELETE FROM record WHERE list = ?')
  };
  return {
    async appendRecord(list: string, value: string, max: number): Promise<number | null> {
      if (Number(q.append.run(list, value, list, max).changes) === 0) return null;
      return Number((q.count.get(list) as { n: number | bigint }).n);
    },
    async listRecords(list: string): Promise<string[]> {
      return (q.list.all(list) as { value: string }[]).map((r) => r.value);
    },
    async deleteRecords(list: string): Promise<number> {
      return Number(q.remove.run(list).changes);
    }
  };
};
export type SqliteRecords = ReturnType<typeof createSqliteRecords>;
