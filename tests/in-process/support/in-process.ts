/**
 * The sync core driven inside the test process: a RoomManager over the embedded SQLite store (in a
 * temporary directory) and the single-process bus, and clients whose "socket" is a pair of
 * functions. Frames are the real y-websocket protocol, encoded and decoded with y-protocols, so a
 * client here is what a browser's provider would be, minus the network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageTag } from '@plenary/shared/protocol';
import { parseConfig, type Config } from '@plenary/server/config.ts';
import { LocalBus } from '@plenary/server/fanout/local-bus.ts';
import { createLogger } from '@plenary/server/log.ts';
import { createMetrics, type Metrics } from '@plenary/server/metrics.ts';
import { SqliteStore } from '@plenary/server/persistence/sqlite-store.ts';
import type { Store } from '@plenary/server/persistence/store.ts';
import { PeerKind, encodePeer, type PeerBus } from '@plenary/server/sync/peer-bus.ts';
import { Connection, type ConnectionInfo } from '@plenary/server/sync/connection.ts';
import type { SyncPolicy } from '@plenary/server/sync/policy.ts';
import { RoomManager } from '@plenary/server/sync/room-manager.ts';

export interface InProcessCore {
  rooms: RoomManager;
  store: Store;
  config: Config;
  metrics: Metrics;
  close(): Promise<void>;
}

/** A RoomManager over a fresh SQLite store; `wrapStore` may put a fault in front of it, `bus` stand for other instances. */
export const createCore = (
  policy: SyncPolicy,
  options: { env?: Record<string, string>; wrapStore?: (store: Store) => Store; bus?: PeerBus } = {}
): InProcessCore => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'plenary-in-process-'));
  const real = new SqliteStore({ dataDir });
  const store = options.wrapStore ? options.wrapStore(real) : real;
  const config = parseConfig({ DATA_DIR: dataDir, UNLOAD_GRACE_MS: '50', LOG_LEVEL: 'silent', ...options.env });
  const metrics = createMetrics();
  const rooms = new RoomManager({ store, bus: options.bus ?? new LocalBus(), config, log: createLogger('silent').log, metrics }, policy);
  return {
    rooms,
    store,
    config,
    metrics,
    async close() {
      await rooms.destroyAll();
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
};

/** What a client needs of the server: its rooms, settings and metrics. */
export type CoreParts = Pick<InProcessCore, 'rooms' | 'config' | 'metrics'>;

let nextId = 1;

/** A client of one room: its own Y.Doc, kept in sync through the room like a provider would. */
export class InProcessClient {
  readonly doc = new Y.Doc();
  readonly conn: Connection;
  closedWith: number | null = null;
  readonly denied: string[] = [];
  /** Every frame received, by kind ('step1', 'step2', 'update', 'awareness', 'auth'), in order. */
  readonly received: string[] = [];
  synced = false;

  constructor(core: CoreParts, info: Omit<ConnectionInfo, 'id'>) {
    const socket = {
      send: (frame: Uint8Array, sent?: () => void) => {
        this.receive(frame);
        // A real socket reports a frame handed to the network later, never within send.
        if (sent) queueMicrotask(sent);
      },
      close: (code: number) => {
        this.closedWith = code;
        queueMicrotask(() => this.conn.closedBySocket());
      },
      bufferedAmount: 0
    };
    this.conn = new Connection(
      socket,
      { id: `t${nextId++}`, ...info },
      {
        log: createLogger('silent').log,
        metrics: core.metrics,
        ratePerSec: core.config.RATE_LIMIT_PER_SEC,
        rateBurst: core.config.RATE_LIMIT_BURST,
        maxBufferedBytes: core.config.MAX_BUFFERED_BYTES
      }
    );
    // Local edits go to the server as `update` messages, like the provider's.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageTag.sync);
      syncProtocol.writeUpdate(e, update);
      this.conn.receive(encoding.toUint8Array(e));
    });
  }

  /** Joins the room (loading it) and sends sync step 1. */
  async connect(core: CoreParts): Promise<void> {
    const room = await core.rooms.joinable(this.conn.info.boardId);
    this.conn.attach(room);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageTag.sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.conn.receive(encoding.toUint8Array(e));
  }

  private receive(frame: Uint8Array): void {
    const d = decoding.createDecoder(frame);
    const tag = decoding.readVarUint(d);
    if (tag === MessageTag.awareness) this.received.push('awareness');
    if (tag === MessageTag.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageTag.sync);
      const type = syncProtocol.readSyncMessage(d, reply, this.doc, this);
      this.received.push(type === syncProtocol.messageYjsSyncStep1 ? 'step1' : type === syncProtocol.messageYjsSyncStep2 ? 'step2' : 'update');
      if (type === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(reply) > 1) this.conn.receive(encoding.toUint8Array(reply));
    } else if (tag === MessageTag.auth) {
      this.received.push('auth');
      decoding.readVarUint(d);
      this.denied.push(decoding.readVarString(d));
    }
  }

  close(): void {
    this.conn.close(1000);
    this.doc.destroy();
  }
}

/** Another instance on the bus: the test delivers what it publishes. */
export class TestBus implements PeerBus {
  readonly handlers = new Map<string, (bytes: Uint8Array) => void>();
  async subscribe(doc: string, onMessage: (bytes: Uint8Array) => void): Promise<void> {
    this.handlers.set(doc, onMessage);
  }
  async unsubscribe(doc: string): Promise<void> {
    this.handlers.delete(doc);
  }
  async publish(): Promise<void> {}
  onReconnect(): void {}
  async close(): Promise<void> {}
  deliver(doc: string, update: Uint8Array): void {
    this.handlers.get(doc)!(encodePeer(PeerKind.update, update));
  }
}
