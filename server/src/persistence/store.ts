/**
 * The storage contract every store implements (embedded SQLite, Redis). Proven by one contract
 * suite, tests/persistence/store-contract.ts, run against each implementation.
 *
 * A document is stored as a compacted snapshot plus a log of updates appended after it. Both are
 * opaque Yjs update bytes to the store; folding them together is done by `foldUpdates`.
 * Small records (workshops, the signing secret) live in a key/value "meta" space.
 */
export interface StoredDoc {
  /** The snapshot first (if any), then every logged update after it, in append order. */
  updates: Uint8Array[];
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

export interface Store {
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

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** Sets the value only if none is stored; returns the value that is stored afterwards. */
  setMetaIfAbsent(key: string, value: string): Promise<string>;

  /** True when the store answers right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
