/**
 * The Redis store's operations for operators (store.ts, StoreOperations): document sizes and last
 * writes, listing and removing meta records, and backups.
 *
 * The last write of a document needs no extra bookkeeping: a stream entry's id starts with the
 * millisecond Redis appended it, and a compacted snapshot keeps the id of the last entry it folded
 * (`upto`). The newest saved version's `createdAt` counts too.
 *
 * A backup is a file of JSON lines: a header, then one line per key under KEY_PREFIX with its
 * DUMP payload and remaining time to live. A document's keys share a hash tag and are dumped
 * together in one script, so a compaction can never fall between its snapshot and its log. Keys
 * are stored relative to the prefix, so a backup can be restored under another KEY_PREFIX.
 * Processes' liveness markers (redis-emptied.ts) are neither saved nor removed.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { RedisClient } from './redis-client.ts';
import type { RedisKeys } from './redis-keys.ts';
import { runScript } from './redis-scripts.ts';
import { createHash } from 'node:crypto';
import type { BackupSummary, DocInfo } from './store.ts';

const BACKUP_FORMAT = 'plenary-redis-backup';
const BACKUP_VERSION = 1;
/** Keys per SCAN / HSCAN round trip. */
const SCAN_COUNT = 1000;

/** KEYS: the keys of one hash tag. Returns { DUMP, PTTL } per key, read atomically. */
const DUMP_KEYS = (() => {
  const source = `
local out = {}
for i = 1, #KEYS do
  out[#out + 1] = redis.call('DUMP', KEYS[i]) or false
  out[#out + 1] = redis.call('PTTL', KEYS[i])
end
return out
`;
  return { source, sha: createHash('sha1').update(source).digest('hex') };
})();

const globEscape = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&');
const streamMs = (id: string | Buffer | null | undefined): number => (id ? Number(String(id).split('-')[0]) || 0 : 0);

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  keyPrefix: string;
  createdAt: string;
}
interface BackupLine {
  /** Key without the prefix. */
  k: string;
  /** Milliseconds left to live; 0 = no expiry. */
  ttl: number;
  /** DUMP payload, base64. */
  d: string;
}

/**
 * `masters` gives one client per master: SCAN sees only the keys of the node it runs on, so on a
 * Redis Cluster every master is scanned.
 */
export const createRedisOperations = (client: () => RedisClient, keys: RedisKeys, masters: () => Promise<RedisClient[]>) => {
  const isMarker = (key: string) => key.startsWith(keys.marker(''));

  const scanKeys = async (): Promise<string[]> => {
    const found: string[] = [];
    for (const node of await masters()) {
      let cursor = '0';
      do {
        const [next, batch] = (await node.sendCommand(['SCAN', cursor, 'MATCH', `${globEscape(keys.root)}*`, 'COUNT', String(SCAN_COUNT)])) as [
          string,
          string[]
        ];
        cursor = next;
        found.push(...batch.filter((k) => !isMarker(k)));
      } while (cursor !== '0');
    }
    return [...new Set(found)];
  };

  /** Keys grouped by hash tag (a document's keys together), so each group is dumped at once. */
  const groupByTag = (all: string[]): string[][] => {
    const groups = new Map<string, string[]>();
    for (const key of all) {
      const tag = /\{([^}]+)\}/.exec(key)?.[1] ?? `key:${key}`;
      const group = groups.get(tag) ?? [];
      group.push(key);
      groups.set(tag, group);
    }
    return [...groups.values()];
  };

  return {
    async docInfo(name: string): Promise<DocInfo | null> {
      const k = keys.doc(name);
      const c = client();
      const [snapBytes, logBytes, upto, lastEntry, logLength, versionIds] = (await Promise.all([
        c.sendCommand(['HSTRLEN', k.snapshot, 'data']),
        c.sendCommand(['HGET', k.snapshot, 'logBytes']),
        c.sendCommand(['HGET', k.snapshot, 'upto']),
        c.sendCommand(['XREVRANGE', k.log, '+', '-', 'COUNT', '1']),
        c.sendCommand(['XLEN', k.log]),
        c.sendCommand(['LRANGE', k.versions, '0', '-1'])
      ])) as unknown as [number, string | null, string | null, [string, unknown][], number, string[]];
      if (snapBytes === 0 && logLength === 0 && versionIds.length === 0) return null;
      const [versionSizes, newest] = await Promise.all([
        Promise.all(versionIds.map((id) => c.sendCommand(['HSTRLEN', k.versionData, id]) as Promise<number>)),
        versionIds.length > 0 ? (c.sendCommand(['HGET', k.versionEntries, versionIds.at(-1)!]) as Promise<string | null>) : null
      ]);
      const versionAt = newest ? Date.parse((JSON.parse(newest) as { createdAt: string }).createdAt) || 0 : 0;
      const last = Math.max(streamMs(lastEntry[0]?.[0]), streamMs(upto), versionAt);
      return {
        bytes: snapBytes + Number(logBytes ?? 0),
        versions: versionIds.length,
        versionBytes: versionSizes.reduce((a, b) => a + b, 0),
        lastWriteAt: last > 0 ? new Date(last).toISOString() : null
      };
    },

    async listMeta(prefix: string): Promise<{ key: string; value: string }[]> {
      const found = new Map<string, string>();
      let cursor = '0';
      do {
        const [next, flat] = (await client().sendCommand(['HSCAN', keys.meta, cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', String(SCAN_COUNT)])) as [
          string,
          string[]
        ];
        cursor = next;
        for (let i = 0; i + 1 < flat.length; i += 2) found.set(flat[i]!, flat[i + 1]!);
      } while (cursor !== '0');
      return [...found].map(([key, value]) => ({ key, value }));
    },

    async deleteMeta(metaKeys: string[]): Promise<number> {
      if (metaKeys.length === 0) return 0;
      return (await client().sendCommand(['HDEL', keys.meta, ...metaKeys])) as number;
    },

    async backup(file: string): Promise<BackupSummary> {
      const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, keyPrefix: keys.root, createdAt: new Date().toISOString() };
      const lines = [JSON.stringify(header)];
      let items = 0;
      for (const group of groupByTag(await scanKeys())) {
        const reply = await runScript<(Buffer | number | null)[]>(client(), DUMP_KEYS, group, [], true);
        group.forEach((key, i) => {
          const payload = reply[2 * i];
          const ttl = Number(reply[2 * i + 1]);
          // Gone between SCAN and DUMP (expired or deleted): nothing to keep.
          if (!(payload instanceof Buffer)) return;
          const line: BackupLine = { k: key.slice(keys.root.length), ttl: Math.max(ttl, 0), d: payload.toString('base64') };
          lines.push(JSON.stringify(line));
          items++;
        });
      }
      await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
      return { items, bytes: (await stat(file)).size };
    },

    async restore(file: string): Promise<BackupSummary> {
      const text = await readFile(file, 'utf8');
      const [first, ...rest] = text.split('\n').filter((l) => l.length > 0);
      let header: Partial<BackupHeader> = {};
      try {
        header = JSON.parse(first ?? '') as BackupHeader;
      } catch {
        // Reported below.
      }
      if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) {
        throw new Error(`${file} is not a backup of a Redis store (a SQLite backup restores only with DATA_DIR and no REDIS_URL)`);
      }
      const entries = rest.map((l) => JSON.parse(l) as BackupLine);
      const c = client();
      // Replace, not merge: a key written since the backup must not survive next to restored ones.
      // One UNLINK per hash tag: on a cluster one command's keys must share a slot.
      for (const group of groupByTag(await scanKeys())) await c.sendCommand(['UNLINK', ...group]);
      for (const e of entries) {
        await c.sendCommand(['RESTORE', `${keys.root}${e.k}`, String(e.ttl), Buffer.from(e.d, 'base64'), 'REPLACE']);
      }
      return { items: entries.length, bytes: (await stat(file)).size };
    }
  };
};
export type RedisOperations = ReturnType<typeof createRedisOperations>;
