/**
 * Which SQLite library the embedded store runs on: node:sqlite from Node 22.13 (23.4 on the odd
 * line) where it needs no flag, better-sqlite3 before; SQLITE_DRIVER forces one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@plenary/server/config.ts';
import { hasNodeSqlite, sqliteDriverFor } from '@plenary/server/persistence/sqlite-driver.ts';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import { availableSqliteDrivers } from './fixtures/sqlite-drivers.ts';

describe('SQLite driver', () => {
  it('is node:sqlite on the Node versions that have it without a flag, better-sqlite3 before', () => {
    const byVersion = Object.fromEntries(
      ['20.19.0', '22.12.0', '22.13.0', '22.16.0', '23.3.0', '23.4.0', '24.0.0', '24.21.0', '26.1.0'].map((v) => [v, sqliteDriverFor(undefined, v)])
    );
    expect(byVersion).toEqual({
      '20.19.0': 'better-sqlite3',
      '22.12.0': 'better-sqlite3',
      '22.13.0': 'node',
      '22.16.0': 'node',
      '23.3.0': 'better-sqlite3',
      '23.4.0': 'node',
      '24.0.0': 'node',
      '24.21.0': 'node',
      '26.1.0': 'node'
    });
    expect(hasNodeSqlite('21.7.3')).toBe(false);
  });

  it('follows SQLITE_DRIVER, and refuses node:sqlite on a Node without it, naming the setting', () => {
    expect(sqliteDriverFor('better-sqlite3', '24.0.0')).toBe('better-sqlite3');
    expect(sqliteDriverFor('node', '22.13.0')).toBe('node');
    expect(() => sqliteDriverFor('node', '20.19.0')).toThrow(/SQLITE_DRIVER=node needs Node 22\.13/);
    expect(parseConfig({ SQLITE_DRIVER: 'node' }).SQLITE_DRIVER).toBe('node');
    expect(parseConfig({ SQLITE_DRIVER: '' }).SQLITE_DRIVER).toBeUndefined();
    expect(() => parseConfig({ SQLITE_DRIVER: 'sqlite3' })).toThrow(ConfigError);
    expect(() => parseConfig({ SQLITE_DRIVER: 'sqlite3' })).toThrow(/SQLITE_DRIVER/);
  });

  it(`opens the store on ${process.version} with the driver this Node picks, or the one set`, async () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const expected = major >= 24 || (major === 22 && minor >= 13) || (major === 23 && minor >= 4) ? 'node' : 'better-sqlite3';
    const dataDir = await mkdtemp(join(tmpdir(), 'plenary-driver-'));
    try {
      const store = new SqliteStore({ dataDir });
      expect(store.driver).toBe(expected);
      await store.close();
      for (const driver of availableSqliteDrivers) {
        const forced = new SqliteStore({ dataDir, driver });
        expect(forced.driver).toBe(driver);
        await forced.close();
      }
      if (expected === 'better-sqlite3') expect(() => new SqliteStore({ dataDir, driver: 'node' })).toThrow(/SQLITE_DRIVER=node/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
