/**
 * Configuration: read once from the environment at start, validated, typed. Nothing else in the
 * server reads process.env. Every variable is listed in .env.example and the README.
 */
import { z } from 'zod';
import { LOG_BUFFER_BYTES } from './log.ts';

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/**
 * What REDIS_URL names: one Redis server (`redis://`, `rediss://`) or the seed nodes of a Redis
 * Cluster (`redis+cluster://[user:password@]host:port,host:port`, `rediss+cluster://` for TLS).
 */
export type RedisTarget = { kind: 'single'; url: string } | { kind: 'cluster'; nodeUrls: string[] };

const CLUSTER_SCHEMES: Record<string, string> = { 'redis+cluster:': 'redis:', 'rediss+cluster:': 'rediss:' };

/** Reads REDIS_URL; throws with the reason when a cluster URL names no node or a bad one. */
export const parseRedisTarget = (url: string): RedisTarget => {
  const scheme = /^[a-z+]+:/i.exec(url)?.[0]?.toLowerCase() ?? '';
  const nodeScheme = CLUSTER_SCHEMES[scheme];
  if (!nodeScheme) return { kind: 'single', url };
  const rest = url.slice(scheme.length).replace(/^\/\//, '').replace(/\/.*$/, '');
  const at = rest.lastIndexOf('@');
  const auth = at >= 0 ? `${rest.slice(0, at)}@` : '';
  const hosts = (at >= 0 ? rest.slice(at + 1) : rest)
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hosts.length === 0) throw new Error('a redis+cluster:// URL needs at least one host:port');
  const nodeUrls = hosts.map((host) => {
    if (!/^[^:/\s]+:\d+$/.test(host)) throw new Error(`"${host}" in the cluster URL is not host:port`);
    return `${nodeScheme}//${auth}${host}`;
  });
  return { kind: 'cluster', nodeUrls };
};

const schema = z.object({
  PORT: int(3000, 0).refine((n) => n <= 65535, 'must be a port number (0-65535)'),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The SQLite library of the embedded store: `node` (node:sqlite, Node 22.13 and newer) or
   * `better-sqlite3`. Unset: node:sqlite where Node has it, better-sqlite3 on Node 20.
   */
  SQLITE_DRIVER: z
    .enum(['better-sqlite3', 'node'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** One server (redis://, rediss://) or a Redis Cluster (redis+cluster://host:port,host:port; parseRedisTarget). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?(\+cluster)?:\/\//, 'must start with redis://, rediss://, redis+cluster:// or rediss+cluster://')
    .superRefine((url, ctx) => {
      try {
        parseRedisTarget(url);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]*$/, 'letters, digits and : _ . - only')
    .default('plenary'),
  SECRET: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ORGANIZER_KEY: z
    .string()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Token lifetime in days. */
  TOKEN_TTL_DAYS: int(120, 1),
  /** Largest WebSocket frame accepted; larger frames close the connection (1009). */
  MAX_MESSAGE_BYTES: int(4 * 1024 * 1024, 1024),
  /** A board's stored size past which growth is refused (deletions still accepted). */
  MAX_DOC_BYTES: int(32 * 1024 * 1024, 1024),
  /**
   * Bytes that may wait in one connection's socket (beyond the largest frame sent to it) before
   * the server gives up on that reader (close 4508) instead of holding ever more in memory.
   */
  MAX_BUFFERED_BYTES: int(4 * 1024 * 1024, 16 * 1024),
  /** Messages a connection may send per second (sustained), and in a burst. */
  RATE_LIMIT_PER_SEC: int(300, 1),
  RATE_LIMIT_BURST: int(1200, 1),
  /** How long a document with no connection stays in memory before it is written out and unloaded. */
  UNLOAD_GRACE_MS: int(10_000, 0),
  /**
   * A board read from the store answers its first devices from the stored bytes; the server builds
   * its own copy when something needs it (an edit, another instance, a reader), or once no device
   * has waited for its answer for LOAD_QUIET_MS, at the latest LOAD_MAX_DEFER_MS after the read
   * (sync/until-loaded.ts `untilNeeded`).
   */
  LOAD_QUIET_MS: int(1000, 0),
  LOAD_MAX_DEFER_MS: int(3000, 0),
  /**
   * At start the server reads ahead the boards written or held open on devices in the last
   * READ_AHEAD_WINDOW_MS — at most READ_AHEAD_BOARDS of them, the latest first,
   * READ_AHEAD_MAX_BYTES in all — since after a restart or a crash their people come back within
   * seconds; a board read ahead that nobody joins within READ_AHEAD_HOLD_MS is let go without
   * being built (sync/read-ahead.ts). 0 boards: off.
   */
  READ_AHEAD_BOARDS: int(50, 0),
  READ_AHEAD_WINDOW_MS: int(15 * 60_000, 0),
  READ_AHEAD_MAX_BYTES: int(64 * 1024 * 1024, 0),
  READ_AHEAD_HOLD_MS: int(60_000, 0),
  /** Updates are merged and sent/stored once per tick per board. */
  TICK_MS: int(1, 1),
  /** The longest tick, when the server is busy (sync/tick-pacer.ts); equal to TICK_MS for a fixed tick. */
  TICK_MAX_MS: int(24, 1),
  /** Ping interval; a connection that misses a pong by the next ping is closed. */
  PING_INTERVAL_MS: int(15_000, 100),
  /** Fold the log into the snapshot after this many entries or bytes. */
  COMPACT_AFTER_ENTRIES: int(500, 1),
  COMPACT_AFTER_BYTES: int(1024 * 1024, 1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Log output waiting for its reader, at most; lines past it are dropped and counted (log.ts). */
  LOG_BUFFER_BYTES: int(LOG_BUFFER_BYTES, 64 * 1024),
  /**
   * Who may speak for a city (docs/FACILITATION.md, identity): pending or confirmed participants
   * a workshop holds at once (409 past it), lobby requests waiting at once (429), and
   * registrations one shared link may make before it must be re-issued (429).
   */
  PARTICIPANTS_MAX: int(300, 1),
  LOBBY_PENDING_MAX: int(100, 1),
  PARTICIPANTS_PER_LINK_MAX: int(300, 1),
  /** Chromium used to print PDF exports (501 when it is missing). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // ---- Exports: rendered in worker threads, admitted through a bounded queue. ----
  /** Exports rendered at the same time, each in its own worker thread (PDFs print one at a time). */
  EXPORT_CONCURRENCY: int(1, 1),
  /** Exports waiting for a free slot; one more is answered 503 with Retry-After. */
  EXPORT_QUEUE: int(8, 0),
  /** Directory with the built web app (served as a single-page app). */
  WEB_DIR: z.string().optional(),
  /** Print the addresses to open on stderr at start even when stderr is no terminal (set, not 0/false). */
  PLENARY_BANNER: z
    .string()
    .optional()
    .transform((v) => v !== undefined && !['', '0', 'false', 'no'].includes(v.toLowerCase())),

  // ---- HTTP abuse limits (docs/SECURITY.md). Every limit counts per client address. ----
  /**
   * How many reverse proxies stand in front of the server. 0: the client address is the socket's
   * and X-Forwarded-For is ignored (anyone could forge it). N: the address N hops from the right
   * of X-Forwarded-For, the one the outermost proxy saw. Set it only when the server cannot be
   * reached except through those proxies.
   */
  TRUST_PROXY: int(0, 0),
  /** Bearer token that opens GET /metrics from anywhere. Unset: /metrics answers loopback only. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Wrong join codes an address may try before it is locked out, and for how long. */
  JOIN_MAX_MISSES: int(10, 1),
  JOIN_LOCKOUT_MINUTES: int(15, 1),
  /** Join-code requests (right or wrong) per address per minute. */
  JOIN_PER_MINUTE: int(30, 1),
  /** Workshops created per address per hour (with or without ORGANIZER_KEY). */
  CREATE_WORKSHOP_PER_HOUR: int(30, 1),
  /** Participant registrations per address per minute. */
  REGISTER_PER_MINUTE: int(60, 1),
  /** Follow-up progress updates and notes per client address per minute (429 past it). */
  PROGRESS_PER_MINUTE: int(60, 1),

  // ---- Operating (README, "Operating Plenary"): secret rotation and retention. ----
  /**
   * With SECRET set, rotating it: put the old value in SECRET_PREVIOUS and the end of its grace in
   * SECRET_PREVIOUS_UNTIL (an ISO 8601 date or instant); links signed with it keep working until
   * then. Without SECRET, `pnpm plenary rotate-secret` rotates the secret kept in the store.
   */
  SECRET_PREVIOUS: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SECRET_PREVIOUS_UNTIL: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date or instant, such as 2026-03-31')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Workshops with no write for this many days are deleted with everything they own, checked once a day. 0: never. */
  RETENTION_IDLE_DAYS: int(0, 0)
});

export type Config = z.infer<typeof schema>;

/** The name of every variable the server reads (config-env.ts warns about near misses). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError naming every bad variable. */
export const parseConfig = (env: Record<string, string | undefined>): Config => {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const { SECRET, SECRET_PREVIOUS, SECRET_PREVIOUS_UNTIL } = result.data;
  if (SECRET_PREVIOUS !== undefined && (SECRET === undefined || SECRET_PREVIOUS_UNTIL === undefined)) {
    throw new ConfigError(
      'Invalid configuration:\n  SECRET_PREVIOUS: needs SECRET (the new secret) and SECRET_PREVIOUS_UNTIL (when the old one stops working)'
    );
  }
  return result.data;
};
