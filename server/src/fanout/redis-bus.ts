/**
 * Fan-out through Redis pub/sub: one channel per document (named in persistence/redis-keys.ts),
 * a publishing connection that fails fast while Redis is down, and a dedicated subscriber
 * connection (a connection in subscribe mode cannot send other commands).
 *
 * Every message starts with this instance's random id, so an instance drops its own messages
 * when Redis echoes them back. Payloads stay Buffers end to end (binary-safe).
 *
 * On a Redis Cluster (REDIS_URL redis+cluster://…) the channels are sharded (SSUBSCRIBE /
 * SPUBLISH, Redis 7+): a document's messages travel only through the master owning the channel's
 * slot instead of being broadcast to every node, so pub/sub grows with the cluster. Before Redis 7
 * the cluster's classic pub/sub (broadcast) is used. node-redis resubscribes sharded channels
 * after a node drops or a slot moves.
 */
import { randomBytes } from 'node:crypto';
import { connectRedis, RedisTiming, type ConnectedRedis, type Log } from '../persistence/redis-client.ts';
import { createRedisKeys, type RedisKeys } from '../persistence/redis-keys.ts';
import type { Bus, BusHandler } from './bus.ts';

const INSTANCE_ID_BYTES = 16;

/** How a bus reaches its channels: classic pub/sub on one server, sharded or classic on a cluster. */
type PubSubMode = 'classic' | 'sharded';

/** Sharded pub/sub arrived in Redis 7.0. */
const serverHasShardedPubSub = async (conn: ConnectedRedis): Promise<boolean> => {
  const info = String(await conn.client.sendCommand(['INFO', 'server']));
  const major = Number(/redis_version:(\d+)/.exec(info)?.[1] ?? 0);
  return major >= 7;
};

export interface RedisBusOptions {
  url: string;
  keyPrefix: string;
  log: Log;
  firstConnectTimeoutMs?: number;
}

export class RedisBus implements Bus {
  /** This instance's id, the first bytes of every message it publishes. */
  readonly instanceId = randomBytes(INSTANCE_ID_BYTES);
  readonly #pub: ConnectedRedis;
  readonly #sub: ConnectedRedis;
  readonly #keys: RedisKeys;
  readonly #log: Log;
  /** What we want to be subscribed to; the source of truth when resubscribing after an outage. */
  readonly #handlers = new Map<string, BusHandler>();
  /** One listener function per channel, so subscribing twice never registers it twice. */
  readonly #listeners = new Map<string, (message: Buffer) => void>();
  readonly #reconnectCallbacks: (() => void)[] = [];
  #hadOutage = false;
  #closed = false;
  /** 'sharded' on a Redis 7+ cluster. */
  readonly mode: PubSubMode;

  private constructor(pub: ConnectedRedis, sub: ConnectedRedis, keys: RedisKeys, log: Log, mode: PubSubMode) {
    this.mode = mode;
    this.#pub = pub;
    this.#sub = sub;
    this.#keys = keys;
    this.#log = log;
    for (const conn of [pub, sub]) {
      conn.onStateChange((state) => {
        if (state === 'down') this.#hadOutage = true;
        else void this.#afterReady();
      });
    }
  }

  static async open(options: RedisBusOptions): Promise<RedisBus> {
    const connect = (role: string) => connectRedis(options.url, role, options.log, { firstConnectTimeoutMs: options.firstConnectTimeoutMs });
    const pub = await connect('fanout-publisher');
    let sub: ConnectedRedis;
    try {
      sub = await connect('fanout-subscriber');
    } catch (err) {
      await pub.close();
      throw err;
    }
    let mode: PubSubMode = 'classic';
    try {
      if (pub.cluster && (await serverHasShardedPubSub(pub))) mode = 'sharded';
    } catch (err) {
      await Promise.all([pub.close(), sub.close()]);
      throw err;
    }
    return new RedisBus(pub, sub, createRedisKeys(options.keyPrefix), options.log, mode);
  }

  #listenerFor(doc: string): (message: Buffer) => void {
    const channel = this.#keys.docChannel(doc);
    let listener = this.#listeners.get(channel);
    if (!listener) {
      listener = (message: Buffer) => {
        if (message.length < INSTANCE_ID_BYTES) return;
        if (message.subarray(0, INSTANCE_ID_BYTES).equals(this.instanceId)) return;
        // A message already in flight when the room unsubscribed is dropped here.
        const handler = this.#handlers.get(doc);
        if (!handler) return;
        try {
          handler(Uint8Array.prototype.slice.call(message, INSTANCE_ID_BYTES));
        } catch (err) {
          this.#log.error({ doc, err }, 'fan-out handler failed');
        }
      };
      this.#listeners.set(channel, listener);
    }
    return listener;
  }

  async subscribe(doc: string, onMessage: BusHandler): Promise<void> {
    this.#handlers.set(doc, onMessage);
    await this.#whileUp(this.#subscribeChannel(doc));
  }

  #subscribeChannel(doc: string): Promise<void> {
    const channel = this.#keys.docChannel(doc);
    const listener = this.#listenerFor(doc);
    const cluster = this.#sub.cluster;
    if (cluster && this.mode === 'sharded') return cluster.sSubscribe(channel, listener, true);
    return this.#sub.client.subscribe(channel, listener, true);
  }

  /**
   * Awaits a (un)subscribe command unless Redis is, or goes, down meanwhile. Then the command
   * waits for the reconnect or fails; either way the room need not wait: after reconnecting,
   * #afterReady subscribes every wanted document and fires onReconnect so rooms resync.
   */
  async #whileUp(pending: Promise<void>): Promise<void> {
    pending.catch(() => undefined);
    if (!this.#sub.isReady()) return;
    // A Redis that hangs never answers: past the wait, go on as if it were down.
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<void>((resolve) => (timer = setTimeout(resolve, RedisTiming.closeTimeoutMs)));
    try {
      await Promise.race([pending, hung]);
    } catch (err) {
      if (this.#sub.isReady()) throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async unsubscribe(doc: string): Promise<void> {
    this.#handlers.delete(doc);
    const channel = this.#keys.docChannel(doc);
    const listener = this.#listeners.get(channel);
    if (!listener) return;
    this.#listeners.delete(channel);
    const cluster = this.#sub.cluster;
    await this.#whileUp(
      cluster && this.mode === 'sharded' ? cluster.sUnsubscribe(channel, listener, true) : this.#sub.client.unsubscribe(channel, listener, true)
    );
  }

  async publish(doc: string, bytes: Uint8Array): Promise<void> {
    const message = Buffer.concat([this.instanceId, bytes]);
    const channel = this.#keys.docChannel(doc);
    const cluster = this.#pub.cluster;
    if (cluster && this.mode === 'sharded') await cluster.sPublish(channel, message);
    else await this.#pub.client.publish(channel, message);
  }

  onReconnect(cb: () => void): void {
    this.#reconnectCallbacks.push(cb);
  }

  /** After an outage, once both connections are back: make sure every wanted channel is subscribed, then tell the rooms. */
  async #afterReady(): Promise<void> {
    if (this.#closed || !this.#hadOutage || !this.#pub.isReady() || !this.#sub.isReady()) return;
    this.#hadOutage = false;
    // A cluster client resubscribes by itself (per node, after drops and slot moves).
    const active = this.#sub.cluster ? null : this.#sub.client.getPubSubListeners('CHANNELS');
    const missing = active ? [...this.#handlers.keys()].filter((doc) => !active.has(this.#keys.docChannel(doc))) : [];
    try {
      await Promise.all(missing.map((doc) => this.#subscribeChannel(doc)));
    } catch (err) {
      // The connection dropped again; its next 'ready' runs this once more.
      this.#hadOutage = true;
      this.#log.warn({ err }, 'resubscribing after a Redis outage failed');
      return;
    }
    for (const cb of this.#reconnectCallbacks) {
      try {
        cb();
      } catch (err) {
        this.#log.error({ err }, 'fan-out reconnect callback failed');
      }
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#handlers.clear();
    this.#listeners.clear();
    await Promise.all([this.#pub.close(), this.#sub.close()]);
  }
}
