/**
 * Opening Redis connections the way every Plenary component needs them: commands fail at once
 * while Redis is unreachable (so callers keep data in memory and retry instead of piling up an
 * offline queue), the client reconnects by itself with capped backoff, and connection changes
 * are reported as 'ready' / 'down' without ever logging the URL's password.
 */
import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;
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
export const connectRedis = async (
  url: string,
  role: string,
  log: Log,
  options: { firstConnectTimeoutMs?: number } = {}
): Promise<ConnectedRedis> => {
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
        timer = setTimeout(
          () => reject(new Error(`Redis at ${where} did not answer within ${timeoutMs} ms (${role})`)),
          timeoutMs
        );
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
        const closed = client.close().then(() => false, () => false);
        if (await Promise.race([closed, gaveUp])) client.destroy();
        clearTimeout(timer);
      } else client.destroy();
    }
  };
};
