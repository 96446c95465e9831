/**
 * Every Redis key and channel name Plenary uses, built here and nowhere else, under KEY_PREFIX.
 *
 * Variable parts (document names, meta keys) are percent-encoded so that no name can reach into
 * another key's space (a ':' or '{' in a name cannot forge a different key). A document's keys
 * share one hash tag, `{<name>}`, so the scripts that touch several of them at once stay valid on
 * a Redis Cluster too (all keys of one script must live in one slot).
 */

const encodePart = (part: string): string => encodeURIComponent(part);

export interface DocKeys {
  /** Stream: the document's update log (entries appended after the snapshot). */
  log: string;
  /** Hash: `data` (snapshot bytes), `upto` (last stream id folded into it), `logBytes`. */
  snapshot: string;
  /** String: the per-document compaction lock (random token, with a TTL). */
  lock: string;
  /** List: ids of the document's saved versions, oldest first. */
  versions: string;
  /** Hash: version id → its entry (JSON: id, createdAt, auto, meta). */
  versionEntries: string;
  /** Hash: version id → its content bytes. */
  versionData: string;
  /** Set: ids of the automatic versions (pruned before named ones). */
  versionAuto: string;
}

export interface RedisKeys {
  /** The prefix itself followed by ':' (or '' when the prefix is empty): every key starts with it. */
  readonly root: string;
  doc(name: string): DocKeys;
  /** Hash of small records: workshops, the signing secret. */
  readonly meta: string;
  /** Sorted set: document name → when it was last written or held open (ms), for `recentlyActive`. */
  readonly recent: string;
  /** String one process writes when its store opens; its absence later means Redis lost its data (redis-emptied.ts). */
  marker(processId: string): string;
  /** Pub/sub channel carrying a document's merged updates and awareness between instances. */
  docChannel(name: string): string;
  /** List of append-only records (store.ts StoreRecords), under its own hash tag. */
  records(list: string): string;
  /** Prefix of one request limit's counters (one key per client address is appended after ':'). */
  limit(name: string): string;
}

export const createRedisKeys = (prefix: string): RedisKeys => {
  const root = prefix === '' ? '' : `${prefix}:`;
  return {
    root,
    doc: (name) => {
      const tag = `{${encodePart(name)}}`;
      return {
        log: `${root}doc:${tag}:log`,
        snapshot: `${root}doc:${tag}:snapshot`,
        lock: `${root}doc:${tag}:lock`,
        versions: `${root}doc:${tag}:versions`,
        versionEntries: `${root}doc:${tag}:version-entries`,
        versionData: `${root}doc:${tag}:version-data`,
        versionAuto: `${root}doc:${tag}:version-auto`
      };
    },
    meta: `${root}meta`,
    // Named when only writes were noted; kept, so the boards noted before an upgrade still count.
    recent: `${root}docs-written`,
    marker: (processId) => `${root}store-marker:${encodePart(processId)}`,
    docChannel: (name) => `${root}fanout:doc:${encodePart(name)}`,
    records: (list) => `${root}records:{${encodePart(list)}}`,
    limit: (name) => `${root}limit:${encodePart(name)}`
  };
};
