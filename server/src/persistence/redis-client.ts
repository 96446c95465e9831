/**
 * Opening Redis connections the way every Plenary component needs them: commands fail at once
 * while Redis is unreachable (so callers keep data in memory and retry instead of piling up an
 * offline queue), the client reconnects by itself with capped backoff, and connection changes
 * are reported as 'ready' / 'down' without ever logging the URL's password.
 *
 * REDIS_URL may name a Redis Cluster instead of one server: `redis+cluster://host:port,host:port`
 * (`rediss+cluster://` for TLS; user and password as in redis://). Any reachable nodes will do;
 * node-redis's createCluster discovers the rest and routes each command to the master of its
 * key's slot. Every multi-key command and script keeps its keys under one hash tag
 * (redis-keys.ts), which is what makes that routing valid.
 */
import { createClient, createCluster, type RedisClusterType } from 'redis';
import type { Logger } from 'pino';
import { parseRedisTarget, type RedisTarget } from '../config.ts';

export type RedisClient = ReturnType<typeof createClient>;
type RedisCluster = RedisClusterType;

/** Commands without a key: sent to any master (the cluster picks one). */
const KEYLESS = new Set(['PING', 'CONFIG', 'INFO', 'SCAN', 'SCRIPT', 'TIME', 'DBSIZE']);

/** The key that decides which master a command goes to (the first key; for scripts, KEYS[1]). */
export const routingKey = (args: readonly unknown[]): string | Buffer | undefined => {
  const name = String(args[0]).toUpperCase();
  if (name === 'EVAL' || name === 'EVALSHA') return Number(args[2]) > 0 ? (args[3] as string | Buffer) : undefined;
  if (KEYLESS.has(name)) return undefined;
  return args[1] as string | Buffer | undefined;
};

/**
 * The cluster seen through the single-server client's interface, so the store's code is one code:
 * typed commands (hGet, set, ...) exist on both with the same signatures, and sendCommand(args)
 * is routed by its key. Commands that must reach every node (SCAN) go through
 * ConnectedRedis.masters() instead.
 */
const clusterAsClient = (cluster: RedisCluster): RedisClient =>
  new Proxy(cluster, {
    get(target, prop) {
      if (prop === 'sendCommand') {
        return (args: Parameters<RedisCluster['sendCommand']>[2], options?: Parameters<RedisCluster['sendCommand']>[3]) =>
          target.sendCommand(routingKey(args), false, args, options);
      }
      if (prop === 'isReady') return target.isOpen;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    }
  }) as unknown as RedisClient;
export type Log = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export type ConnectionState = 'ready' | 'down';
export type ConnectionListener = (state: ConnectionState, error?: Error) => void;

export const RedisTiming = {
  /** Reconnect backoff: first retry after this, doubling up to the cap. */
  reconnectBaseMs: 50,
  reconnectCapMs: 2_000,
  /** How long start-up waits for a first connection before giving up with a clear error. */
  firstConnectTimeoutMs: 10_000,
  /**
   * A command that could not even be written for this long rejects. node-redis drops the timeout
   * once a command is on the socket, so a Redis that hangs (rather than disconnects) leaves a
   * written command waiting until it answers or the connection drops: callers that must stop
   * waiting (health pings, the shutdown drain) race their own deadline. Rooms keep working from
   * memory meanwhile (tests/sync/redis-hang.test.ts).
   */
  commandTimeoutMs: 10_000,
  /** A health ping that takes longer than this counts as "not answering". */
  pingTimeoutMs: 1_000,
  /** Closing waits this long for replies in flight, then drops the connection. */
  closeTimeoutMs: 2_000
} as const;

/** The URL with any password replaced, fit for logs. */
export const redactRedisUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
};

const reconnectDelay = (retries: number): number => {
  const backoff = Math.min(RedisTiming.reconnectBaseMs * 2 ** retries, RedisTiming.reconnectCapMs);
  // Jitter so that several instances do not reconnect in lockstep after an outage.
  return Math.round(backoff * (0.75 + Math.random() * 0.5));
};

export interface ConnectedRedis {
  client: RedisClient;
  /** 'cluster' when REDIS_URL names a Redis Cluster. */
  kind: RedisTarget['kind'];
  /** The cluster itself (sharded pub/sub, per-node work); null on a single server. */
  cluster: RedisCluster | null;
  /** A client per master: the one client on a single server, every master's on a cluster (for SCAN). */
  masters(): Promise<RedisClient[]>;
  /** True while the connection is established and commands can be sent. */
  isReady(): boolean;
  /** Subscribes to connection changes; returns an unsubscribe function. */
  onStateChange(listener: ConnectionListener): () => void;
  close(): Promise<void>;
}

/**
 * Opens a connection and waits for it to be ready (up to `firstConnectTimeoutMs`, then throws).
 * `role` names the connection in logs ("store", "fanout-publisher", ...).
 */
export const connectRedis = async (url: string, role: string, log: Log, options: { firstConnectTimeoutMs?: number } = {}): Promise<ConnectedRedis> => {
  const target = parseRedisTarget(url);
  if (target.kind === 'cluster') return connectCluster(target.nodeUrls, role, log, options);
  const where = redactRedisUrl(url);
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: RedisTiming.commandTimeoutMs },
    socket: { reconnectStrategy: reconnectDelay, connectTimeout: 5_000 }
  });
  const listeners = new Set<ConnectionListener>();
  let state: ConnectionState = 'down';
  let everReady = false;

  const setState = (next: ConnectionState, error?: Error) => {
    if (next === state) return;
    state = next;
    if (next === 'ready') {
      log.info({ redis: where, role, reconnected: everReady }, 'redis connection ready');
      everReady = true;
    } else {
      log.warn({ redis: where, role, err: error?.message }, 'redis connection lost');
    }
    for (const l of listeners) l(next, error);
  };

  // node-redis emits 'error' on every failed reconnect attempt; an EventEmitter 'error' without a
  // listener would crash the process, and logging each attempt would flood the logs.
  client.on('error', (err: Error) => {
    if (state === 'ready' && !client.isReady) setState('down', err);
    else log.debug({ redis: where, role, err: err.message }, 'redis connection attempt failed');
  });
  client.on('end', () => setState('down'));
  client.on('ready', () => setState('ready'));

  const timeoutMs = options.firstConnectTimeoutMs ?? RedisTiming.firstConnectTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis at ${where} did not answer within ${timeoutMs} ms (${role})`)), timeoutMs);
      })
    ]);
  } catch (err) {
    if (client.isOpen) client.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }

  return {
    client,
    kind: 'single',
    cluster: null,
    masters: async () => [client],
    isReady: () => client.isReady,
    onStateChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      if (!client.isOpen) return;
      // close() waits for replies in flight; destroy() when offline, where nothing can answer, and
      // when a hanging Redis keeps them from ever coming.
      if (client.isReady) {
        let timer: NodeJS.Timeout | undefined;
        const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), RedisTiming.closeTimeoutMs)));
        const closed = client.close().then(
          () => false,
          () => false
        );
        if (await Promise.race([closed, gaveUp])) client.destroy();
        clearTimeout(timer);
      } else client.destroy();
    }
  };
};

/**
 * A Redis Cluster connection with the same promises as connectRedis: fail fast while a node is
 * unreachable (no offline queue), reconnect with the same backoff, 'ready' / 'down' reported once
 * per change. node-redis keeps one connection per master and follows slot moves by itself.
 */
const connectCluster = async (nodeUrls: string[], role: string, log: Log, options: { firstConnectTimeoutMs?: number }): Promise<ConnectedRedis> => {
  const where = nodeUrls.map(redactRedisUrl).join(',');
  const cluster: RedisCluster = createCluster({
    rootNodes: nodeUrls.map((url) => ({ url })),
    defaults: {
      disableOfflineQueue: true,
      socket: { reconnectStrategy: reconnectDelay, connectTimeout: 5_000 }
    },
    commandOptions: { timeout: RedisTiming.commandTimeoutMs }
  });
  const listeners = new Set<ConnectionListener>();
  let state: ConnectionState = 'down';
  let everReady = false;
  /** Masters whose connection is down right now (by address). */
  const downNodes = new Set<string>();
  const setState = (next: ConnectionState, error?: Error) => {
    if (next === state) return;
    state = next;
    if (next === 'ready') {
      log.info({ redis: where, role, cluster: true, reconnected: everReady }, 'redis connection ready');
      everReady = true;
    } else log.warn({ redis: where, role, cluster: true, err: error?.message }, 'redis connection lost');
    for (const l of listeners) l(next, error);
  };
  const nodeName = (info: { host?: string; port?: number }) => `${info.host}:${info.port}`;
  cluster.on('error', (err: Error) => log.debug({ redis: where, role, err: err.message }, 'redis cluster error'));
  cluster.on('node-error', (err: Error, info: { host?: string; port?: number }) => {
    log.debug({ redis: where, role, node: nodeName(info), err: err.message }, 'redis cluster node error');
  });
  cluster.on('node-disconnect', (info: { host?: string; port?: number }) => {
    downNodes.add(nodeName(info));
    setState('down');
  });
  cluster.on('node-ready', (info: { host?: string; port?: number }) => {
    downNodes.delete(nodeName(info));
    if (everReady && downNodes.size === 0 && cluster.isOpen) setState('ready');
  });
  cluster.on('disconnect', () => setState('down'));

  const timeoutMs = options.firstConnectTimeoutMs ?? RedisTiming.firstConnectTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      cluster.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis Cluster at ${where} did not answer within ${timeoutMs} ms (${role})`)), timeoutMs);
      })
    ]);
  } catch (err) {
    if (cluster.isOpen) cluster.destroy();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  setState('ready');

  return {
    client: clusterAsClient(cluster),
    kind: 'cluster',
    cluster,
    masters: async () => Promise.all(cluster.masters.map((m) => cluster.nodeClient(m) as Promise<unknown> as Promise<RedisClient>)),
    isReady: () => cluster.isOpen && state === 'ready',
    onStateChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      if (!cluster.isOpen) return;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), RedisTiming.closeTimeoutMs)));
      const closed = cluster.close().then(
        () => false,
        () => false
      );
      if (await Promise.race([closed, gaveUp])) cluster.destroy();
      clearTimeout(timer);
    }
  };
};
