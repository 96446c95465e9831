/**
 * The Redis store, for several server instances sharing one Redis.
 *
 * Per document: a Stream as the update log (one entry per appended update) and a snapshot hash
 * holding the folded bytes plus the id of the last stream entry folded into them. Loading reads
 * the snapshot and the entries after that id in one script, so it never sees a half-compacted
 * document. Compaction runs under a per-document lock (SET NX PX, random token, released by
 * compare-and-delete) and commits atomically, trimming only the entries it read: appends from
 * other instances during the fold keep later ids and survive.
 *
 * A Redis without persistence that restarts comes back empty (redis-emptied.ts): the store then
 * writes back every small record this process has read or written and tells its listeners, so the
 * rooms write their documents again.
 */
import { randomBytes } from 'node:crypto';
import {
  RECENT_WRITE_GRANULARITY_MS,
  VERSION_RETENTION,
  type CompactResult,
  type Store,
  type StoredDoc,
  type VersionEntry,
  type VersionRetention
} from './store.ts';
import { foldInWorker } from './fold-pool.ts';
import { storedDocOf } from './snapshot-parts.ts';
import { createRedisKeys, type RedisKeys } from './redis-keys.ts';
import { connectRedis, RedisTiming, type ConnectedRedis, type ConnectionListener, type Log } from './redis-client.ts';
import { APPEND, COMMIT_COMPACTION, LOAD, RELEASE_LOCK, SET_META_IF_ABSENT, BINARY, runScript } from './redis-scripts.ts';
import { DELETE_VERSION, SAVE_VERSION } from './redis-version-scripts.ts';
import { createRedisOperations, type RedisOperations } from './redis-operations.ts';
import { createRedisRecords, type RedisRecords } from './redis-records.ts';
import { warnIfNotPersistent, watchForEmptied, type EmptiedWatch } from './redis-emptied.ts';

export interface RedisStoreOptions {
  url: string;
  keyPrefix: string;
  log: Log;
  /** Lock lifetime: long enough to fold a large document, short enough to recover from a crash. */
  lockTtlMs?: number;
  firstConnectTimeoutMs?: number;
}

const Limits = {
  lockTtlMs: 30_000,
  /** Updates per APPEND script call, so one call never blocks Redis for long. */
  appendChunk: 500
} as const;

type StreamEntry = [Buffer, Buffer[]];
type LoadReply = [Buffer | null, Buffer | null, StreamEntry[]];

const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** The smallest stream id greater than `id` ("ms-seq"), the threshold for XTRIM MINID. */
export const nextStreamId = (id: string): string => {
  const [ms, seq] = id.split('-');
  if (ms === undefined || seq === undefined) throw new Error(`not a stream id: ${id}`);
  return `${ms}-${(BigInt(seq) + 1n).toString()}`;
};

interface ReadDoc {
  snapshot: Buffer | null;
  entries: { id: string; bytes: Buffer }[];
}

export class RedisStore implements Store {
  readonly kind = 'redis';
  readonly #conn: ConnectedRedis;
  readonly #keys: RedisKeys;
  readonly #lockTtlMs: number;
  /** Meta records this process has read or written, to write back if Redis loses them. */
  readonly #known = new Map<string, string>();
  readonly #emptiedListeners = new Set<() => void>();
  #watch: EmptiedWatch | null = null;
  readonly #ops: RedisOperations;
  readonly #records: RedisRecords;
  /** When this process last noted each document's write time (at most once per granularity). */
  readonly #notedWrite = new Map<string, number>();

  private constructor(conn: ConnectedRedis, keys: RedisKeys, lockTtlMs: number) {
    this.#conn = conn;
    this.#keys = keys;
    this.#lockTtlMs = lockTtlMs;
    this.#ops = createRedisOperations(
      () => this.#conn.client,
      keys,
      () => this.#conn.masters()
    );
    this.#records = createRedisRecords(() => this.#conn.client, keys);
  }

  /** Connects (waiting for the first connection) and returns the store. */
  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const conn = await connectRedis(options.url, 'store', options.log, {
      firstConnectTimeoutMs: options.firstConnectTimeoutMs
    });
    const store = new RedisStore(conn, createRedisKeys(options.keyPrefix), options.lockTtlMs ?? Limits.lockTtlMs);
    await warnIfNotPersistent(conn.client, options.log);
    const marker = store.#keys.marker(randomBytes(8).toString('hex'));
    store.#watch = await watchForEmptied(conn.client, marker, conn.isReady, () => store.#writeBack(), options.log);
    // A restart of Redis is a reconnect: look at once.
    conn.onStateChange((state) => {
      if (state === 'ready') void store.#watch?.check();
    });
    return store;
  }

  /** Redis lost its data: put back the records we know (never over newer ones), then tell the rooms. */
  async #writeBack(): Promise<void> {
    const known = [...this.#known];
    await Promise.all(known.map(([key, value]) => this.#client.hSetNX(this.#keys.meta, key, value)));
    for (const listener of this.#emptiedListeners) listener();
  }

  onEmptied(listener: () => void): () => void {
    this.#emptiedListeners.add(listener);
    return () => this.#emptiedListeners.delete(listener);
  }

  /** Connection changes ('ready' / 'down'), for health reporting. Returns an unsubscribe function. */
  onStateChange(listener: ConnectionListener): () => void {
    return this.#conn.onStateChange(listener);
  }

  get #client() {
    return this.#conn.client;
  }

  async #read(name: string): Promise<ReadDoc> {
    const k = this.#keys.doc(name);
    const [snapshot, , entries] = await runScript<LoadReply>(this.#client, LOAD, [k.log, k.snapshot], [], true);
    return {
      snapshot,
      entries: entries.map(([id, fields]) => {
        const bytes = fields[1];
        if (!bytes) throw new Error(`malformed log entry ${id.toString()} of ${name}`);
        return { id: id.toString(), bytes };
      })
    };
  }

  async loadDoc(name: string): Promise<StoredDoc | null> {
    const { snapshot, entries } = await this.#read(name);
    return storedDocOf(
      snapshot ? asBytes(snapshot) : null,
      entries.map((e) => asBytes(e.bytes))
    );
  }

  async appendUpdates(name: string, updates: Uint8Array[]): Promise<{ logLength: number; bytes: number }> {
    const k = this.#keys.doc(name);
    let result: [number, number] | undefined;
    for (let i = 0; i < updates.length; i += Limits.appendChunk) {
      const chunk = updates.slice(i, i + Limits.appendChunk).map(asBuffer);
      result = await runScript<[number, number]>(this.#client, APPEND, [k.log, k.snapshot], chunk);
    }
    this.#noteWritten(name);
    if (!result) {
      const doc = await this.loadDoc(name);
      return { logLength: doc?.logLength ?? 0, bytes: doc?.bytes ?? 0 };
    }
    return { logLength: result[0], bytes: result[1] };
  }

  /**
   * Notes the document's write time in one sorted set (its own key, outside the document's hash
   * slot): once per RECENT_WRITE_GRANULARITY_MS per document, not on every append of a busy
   * board. Best effort — a write that cannot be noted leaves its board out of the read-ahead only.
   */
  #noteWritten(name: string): void {
    const now = Date.now();
    if (now - (this.#notedWrite.get(name) ?? 0) < RECENT_WRITE_GRANULARITY_MS) return;
    this.#notedWrite.set(name, now);
    this.#client.zAdd(this.#keys.recent, { score: now, value: name }).catch(() => this.#notedWrite.delete(name));
  }

  async recentlyActive(since: Date, limit: number): Promise<string[]> {
    return this.#client.zRange(this.#keys.recent, '+inf', since.getTime(), { BY: 'SCORE', REV: true, LIMIT: { offset: 0, count: limit } });
  }

  async noteOpen(names: string[]): Promise<void> {
    if (names.length === 0) return;
    const score = Date.now();
    await this.#client.zAdd(
      this.#keys.recent,
      names.map((value) => ({ score, value }))
    );
  }

  async compact(name: string): Promise<CompactResult> {
    const k = this.#keys.doc(name);
    const token = randomBytes(16).toString('hex');
    const locked = await this.#client.set(k.lock, token, { condition: 'NX', expiration: { type: 'PX', value: this.#lockTtlMs } });
    if (locked !== 'OK') return { compacted: false, bytes: await this.#bytesHeld(name) };
    try {
      const { snapshot, entries } = await this.#read(name);
      const last = entries.at(-1);
      if (!last) return { compacted: true, bytes: snapshot?.byteLength ?? 0 };
      const stored = storedDocOf(
        snapshot ? asBytes(snapshot) : null,
        entries.map((e) => asBytes(e.bytes))
      );
      const folded = asBuffer(await foldInWorker(stored!.updates));
      const foldedLogBytes = entries.reduce((sum, e) => sum + e.bytes.byteLength, 0);
      const reply = await runScript<[number, number] | null>(
        this.#client,
        COMMIT_COMPACTION,
        [k.lock, k.snapshot, k.log],
        [token, folded, last.id, nextStreamId(last.id), String(foldedLogBytes)]
      );
      if (!reply) return { compacted: false, bytes: await this.#bytesHeld(name) };
      return { compacted: true, bytes: reply[1] };
    } finally {
      // Best effort: if Redis is unreachable now, the lock expires by itself.
      await runScript(this.#client, RELEASE_LOCK, [k.lock], [token]).catch(() => undefined);
    }
  }

  async #bytesHeld(name: string): Promise<number> {
    return (await this.loadDoc(name))?.bytes ?? 0;
  }

  async deleteDoc(name: string): Promise<void> {
    const k = this.#keys.doc(name);
    // Deleting the lock too makes a compaction in progress fail its commit instead of
    // writing the snapshot back.
    await this.#client.del([k.log, k.snapshot, k.lock]);
    this.#notedWrite.delete(name);
    await this.#client.zRem(this.#keys.recent, name);
  }

  #versionKeys(name: string): string[] {
    const k = this.#keys.doc(name);
    return [k.versions, k.versionEntries, k.versionData, k.versionAuto];
  }

  async saveVersion(name: string, entry: VersionEntry, data: Uint8Array, retention: VersionRetention = VERSION_RETENTION): Promise<{ pruned: string[] }> {
    const args = [entry.id, JSON.stringify(entry), asBuffer(data), entry.auto ? '1' : '0', String(retention.keep), String(retention.hardCap)];
    const pruned = await runScript<string[]>(this.#client, SAVE_VERSION, this.#versionKeys(name), args);
    this.#noteWritten(name);
    return { pruned };
  }

  async listVersions(name: string): Promise<VersionEntry[]> {
    const k = this.#keys.doc(name);
    const ids = await this.#client.lRange(k.versions, 0, -1);
    if (ids.length === 0) return [];
    const entries = await this.#client.hmGet(k.versionEntries, ids);
    // An id pruned between the two reads has no entry any more: it is left out.
    return entries
      .filter((e): e is string => typeof e === 'string')
      .map((e) => JSON.parse(e) as VersionEntry)
      .reverse();
  }

  async getVersion(name: string, id: string): Promise<{ entry: VersionEntry; data: Uint8Array } | null> {
    const k = this.#keys.doc(name);
    const [entry, data] = (await Promise.all([
      this.#client.hGet(k.versionEntries, id),
      this.#client.sendCommand(['HGET', k.versionData, id], { typeMapping: BINARY })
    ])) as unknown as [string | null, Buffer | null];
    if (!entry || !data) return null;
    return { entry: JSON.parse(entry) as VersionEntry, data: asBytes(data) };
  }

  async deleteVersion(name: string, id: string): Promise<boolean> {
    return (await runScript<number>(this.#client, DELETE_VERSION, this.#versionKeys(name), [id])) === 1;
  }

  async getMeta(key: string): Promise<string | null> {
    const value = await this.#client.hGet(this.#keys.meta, key);
    if (value !== null) this.#known.set(key, value);
    return value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.#client.hSet(this.#keys.meta, key, value);
    this.#known.set(key, value);
  }

  async setMetaIfAbsent(key: string, value: string): Promise<string> {
    const stored = await runScript<string>(this.#client, SET_META_IF_ABSENT, [this.#keys.meta], [key, value]);
    this.#known.set(key, stored);
    return stored;
  }

  // ---- Operations (redis-operations.ts) ----
  docInfo(name: string) {
    return this.#ops.docInfo(name);
  }
  listMeta(prefix: string) {
    return this.#ops.listMeta(prefix);
  }
  async deleteMeta(keys: string[]): Promise<number> {
    // Forgotten here too, so a Redis that restarts empty does not get them written back.
    for (const key of keys) this.#known.delete(key);
    return this.#ops.deleteMeta(keys);
  }
  backup(file: string) {
    return this.#ops.backup(file);
  }
  restore(file: string) {
    this.#known.clear();
    return this.#ops.restore(file);
  }

  // ---- Append-only records (redis-records.ts) ----
  appendRecord(list: string, value: string, max: number) {
    return this.#records.appendRecord(list, value, max);
  }
  listRecords(list: string) {
    return this.#records.listRecords(list);
  }
  deleteRecords(list: string) {
    return this.#records.deleteRecords(list);
  }

  async ping(): Promise<boolean> {
    if (!this.#conn.isReady()) return false;
    try {
      const reply: unknown = await this.#client.sendCommand(['PING'], { timeout: RedisTiming.pingTimeoutMs });
      return reply === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.#watch?.stop();
    this.#emptiedListeners.clear();
    await this.#conn.close();
  }
}
