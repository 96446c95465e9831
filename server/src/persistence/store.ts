/**
 * The storage contract every store implements (embedded SQLite, Redis). Proven by one contract
 * suite, tests/persistence/store-contract.ts, run against each implementation.
 *
 * A document is stored as a compacted snapshot plus a log of updates appended after it. Both are
 * Yjs update bytes; folding them together is done by `foldSnapshot` (fold.ts), which keeps a large
 * board's snapshot as causal slices, packed into one value (snapshot-parts.ts).
 * Small records (workshops, the signing secret) live in a key/value "meta" space.
 */
export interface StoredDoc {
  /** The snapshot first (if any, in its parts), then every logged update after it, in append order. */
  updates: Uint8Array[];
  /**
   * How many of `updates` are the snapshot: 0 without one, 1 for a snapshot kept whole, more for a
   * large board's causal slices, each applying completely after those before it.
   */
  snapshotParts: number;
  /** Bytes held for this document (snapshot + log). */
  bytes: number;
  /** Number of log entries not yet folded into the snapshot. */
  logLength: number;
}

export interface CompactResult {
  /** False when another holder of the document's lock was compacting; nothing changed. */
  compacted: boolean;
  /** Bytes held after compaction. */
  bytes: number;
}

/**
 * How many versions a board keeps. Past `keep`, the oldest automatic versions are pruned first;
 * named versions (saved by a facilitator) stay until the board holds more than `hardCap` in all,
 * when the oldest of any kind go.
 */
export interface VersionRetention {
  keep: number;
  hardCap: number;
}

/** The documented retention: the newest 200 versions per board, never more than 500. */
export const VERSION_RETENTION: Readonly<VersionRetention> = { keep: 200, hardCap: 500 };

/** How stale a document's write time in `recentlyActive` may be. */
export const RECENT_WRITE_GRANULARITY_MS = 5000;

/** A saved version of a document as the store sees it: a few fields it needs plus opaque parts. */
export interface VersionEntry {
  /** Unique within the document. */
  id: string;
  /** ISO 8601 instant it was saved. */
  createdAt: string;
  /** Saved automatically (pruned before named ones). */
  auto: boolean;
  /** Everything else about the version (label, author, counts), JSON, opaque to the store. */
  meta: string;
}

export interface Store extends StoreOperations, StoreRecords {
  /** 'sqlite' or 'redis', reported by /healthz and /metrics. */
  readonly kind: string;

  /** Everything stored for a document; null when nothing is. */
  loadDoc(name: string): Promise<StoredDoc | null>;
  /**
   * Appends updates to the document's log, in order, durably (resolved = on disk / in Redis).
   * Returns the log length after the append, so the caller can decide to compact.
   */
  appendUpdates(name: string, updates: Uint8Array[]): Promise<{ logLength: number; bytes: number }>;
  /**
   * Folds the log into the snapshot. Safe while other processes append to the same document:
   * only entries that were read are removed, under a per-document lock.
   */
  compact(name: string): Promise<CompactResult>;
  /** Removes a document and its log. */
  deleteDoc(name: string): Promise<void>;
  /**
   * Documents written (appended to, or a version saved) or held open (`noteOpen`) at or after
   * `since`, the most recently active first, at most `limit` (a restarted server reads these
   * ahead of their people: sync/read-ahead.ts). A store may note a document's write time once
   * every few seconds (`RECENT_WRITE_GRANULARITY_MS`), not on every append.
   */
  recentlyActive(since: Date, limit: number): Promise<string[]>;
  /**
   * These documents are open on devices now (a board on a projector, on phones watching it),
   * written or not: `recentlyActive` counts them as active now. Not a write: `docInfo`'s
   * `lastWriteAt` does not move.
   */
  noteOpen(names: string[]): Promise<void>;

  /**
   * Saves a version (its entry and its content bytes), then applies `retention` to the document's
   * versions. Returns the ids of the versions pruned. Saving an id that exists replaces nothing and
   * throws.
   */
  saveVersion(name: string, entry: VersionEntry, data: Uint8Array, retention?: VersionRetention): Promise<{ pruned: string[] }>;
  /** The document's versions, newest first (content not included). */
  listVersions(name: string): Promise<VersionEntry[]>;
  /** One version with its content bytes; null when there is none. */
  getVersion(name: string, id: string): Promise<{ entry: VersionEntry; data: Uint8Array } | null>;
  /** Removes one version; false when there was none. */
  deleteVersion(name: string, id: string): Promise<boolean>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** Sets the value only if none is stored; returns the value that is stored afterwards. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;

  /** True when the store answers right now. */
  ping(): Promise<boolean>;
  /**
   * Called when the store is found to have lost its data (a Redis without persistence that
   * restarted), after the records this process knows are written back: whoever holds documents in
   * memory writes them again. Stores that cannot lose data never call it. Returns an unsubscribe.
   */
  onEmptied?(listener: () => void): () => void;
  close(): Promise<void>;
}

// ---- Operating a deployment (the operator CLI, retention): what is stored, removal, backups. ----

/** What a document holds, for an operator's listing. */
export interface DocInfo {
  /** Bytes of the document itself (snapshot + log). */
  bytes: number;
  /** Saved versions and the bytes of their content. */
  versions: number;
  versionBytes: number;
  /** ISO 8601 instant of the latest write (an append or a saved version); null when the store cannot tell. */
  lastWriteAt: string | null;
}

/** What a backup wrote or a restore read. */
export interface BackupSummary {
  /** Rows (SQLite) or keys (Redis). */
  items: number;
  /** Size of the backup file. */
  bytes: number;
}

export interface StoreOperations {
  /** Sizes and last write of a document; null when nothing is stored for it (no document, no version). */
  docInfo(name: string): Promise<DocInfo | null>;
  /** Every meta record whose key starts with `prefix`, in no particular order. */
  listMeta(prefix: string): Promise<{ key: string; value: string }[]>;
  /** Removes meta records; returns how many existed. */
  deleteMeta(keys: string[]): Promise<number>;
  /** Writes a consistent copy of everything stored to `file` while the store stays in use. */
  backup(file: string): Promise<BackupSummary>;
  /** Replaces everything stored with the contents of a backup of the same kind of store. */
  restore(file: string): Promise<BackupSummary>;
}

// ---- Append-only records: small JSON strings kept in the order written, never changed. ----

/**
 * Lists of records that are only ever appended to and read whole (a workshop's follow-up progress
 * updates, follow-up/progress-store.ts). Appends from several instances interleave; none is lost.
 */
export interface StoreRecords {
  /** Appends `value` unless the list holds `max` records already; the list's length after, or null when it was full. */
  appendRecord(list: string, value: string, max: number): Promise<number | null>;
  /** Every record of the list in append order; [] for a list never written. */
  listRecords(list: string): Promise<string[]>;
  /** Removes the list; returns how many records it held. */
  deleteRecords(list: string): Promise<number>;
}
