/**
 * One board's live document: a Y.Doc kept in IndexedDB on this device (so the board opens and
 * works offline, and survives a reload offline) and synced with the server over y-websocket.
 *
 * Public API
 *   const conn = new BoardConnection(boardId, token, { awareness?: boolean, watchOnly?: boolean })
 *   conn.doc           Y.Doc of the board (edit it in transactions; any origin except the provider
 *                      and the IndexedDB store counts as a local change). Its 'update' listeners
 *                      hear local changes only: what the server sends and the IndexedDB copy are
 *                      applied without encoding them for 'update' (quiet-board.ts); watch
 *                      changes with observers or 'afterTransaction'
 *   conn.awareness     y-protocols Awareness (wrap it in `Presence` for people on the board)
 *   conn.status        'connecting' | 'connected' | 'offline' | 'syncing'   ($state)
 *   conn.online        the WebSocket is open and the first sync finished      ($state)
 *   conn.settled       the first attempt to sync has ended, in sync or not    ($state)
 *   conn.unsynced      local changes exist that the server has not yet seen   ($state)
 *   conn.loaded        the IndexedDB copy has been read into `doc`            ($state)
 *   conn.readOnly      the server refused our changes (observer token)       ($state)
 *   conn.closeCode     the server's close code (4000–4999) when it ended the connection; cleared
 *                      once back in sync, kept after a final close            ($state)
 *   conn.closedForGood the close code was final (FINAL_CLOSE_CODES): no more reconnecting ($state)
 *   conn.denial        the server's latest refusal of a change ({ reason: DenyReason, seq }), so the
 *                      person can be told why their change was undone (refusal-messages.ts) ($state)
 *   conn.whenLoaded    Promise resolved once the IndexedDB copy is in `doc`
 *   conn.started       the WebSocket has been asked to connect (after the IndexedDB copy)    ($state)
 *   conn.destroy()     closes the socket, the IndexedDB handle and the doc
 *
 * On a device that keeps a copy of the board, the socket opens only once the IndexedDB copy is in
 * `doc` (or after CONNECT_FALLBACK_MS when IndexedDB is slow or missing): the provider's first
 * message is the document's state vector, so the device is sent only what it lacks instead of the
 * whole board, and the board draws from the device's copy without waiting for the network. On a
 * first visit (no copy yet) the socket opens at once.
 *
 * An editing view writes with the Yjs client id of the device's earlier visits once the server's
 * state vector shows that is safe (device-writer.ts); presence keeps a fresh id for each visit.
 *
 * Status, as the person sees it:
 *   connecting  first connection attempt still running, nothing waiting to be sent
 *   connected   in sync with the server
 *   syncing     local changes are waiting to reach the server (offline, or sync in progress)
 *   offline     no connection and nothing waiting
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as authProtocol from 'y-protocols/auth';
import type * as decoding from 'lib0/decoding';
import type * as encoding from 'lib0/encoding';
import { CloseCode, FINAL_CLOSE_CODES, MessageTag, DenyReason } from '@plenary/shared/protocol';
import { syncBaseUrl } from './sync-url.ts';
import { AdoptingWebSocket } from './early-socket.ts';
import { rejoinPresence, sendOwnPresenceOnly } from './own-presence.ts';
import { applyQuietly } from './quiet-board.ts';
import { keepWriter, type KeptWriter } from './kept-writer.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'syncing';

export const ConnectionStatus = {
  connecting: 'connecting',
  connected: 'connected',
  offline: 'offline',
  syncing: 'syncing'
} as const satisfies Record<ConnectionStatus, ConnectionStatus>;

/** One refusal of a change; `seq` grows with each, so the same reason twice is told twice. */
export interface Denial {
  reason: string;
  seq: number;
}

export interface BoardConnectionOptions {
  /**
   * Take part in presence. Off for light read-only views (workshop tiles): then nothing about
   * presence is ever sent, not even y-websocket's "this client left" on closing, which the server
   * would take as speaking for a client this connection never announced (4409). Default true.
   */
  awareness?: boolean;
  /**
   * This view never edits (workshop tiles, the wall, present mode, the control document): nothing
   * of the document is sent, so the IndexedDB copy loading after the socket opened is not offered
   * to a server that refuses it (read-only, locked). Default false.
   */
  watchOnly?: boolean;
  /** Keep a copy in IndexedDB. Default true. */
  persist?: boolean;
}

/** IndexedDB database holding one board's document on this device. */
export const boardDbName = (boardId: string): string => `plenary-board-${boardId}`;

/** localStorage flag: changes were made offline and not yet synced (survives a reload). */
const pendingKey = (boardId: string): string => `plenary.unsynced.${boardId}`;

/**
 * localStorage flag: this device keeps a copy of the board in IndexedDB (set once it has synced
 * with the server). Without it there is nothing to wait for before connecting: a first visit's
 * state vector is empty whenever it is sent, so the socket opens at once, beside IndexedDB.
 */
const copyKey = (boardId: string): string => `plenary.copy.${boardId}`;

/** How often an edit refused on a locked board is offered again. */
const LOCK_RETRY_MS = 10_000;

/**
 * How long the socket waits for the IndexedDB copy before connecting anyway (IndexedDB blocked,
 * or very slow on a busy phone): then the server sends the whole board, as for a new device.
 */
export const CONNECT_FALLBACK_MS = 1500;

export class BoardConnection {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence | null;
  readonly whenLoaded: Promise<void>;

  online = $state(false);
  unsynced = $state(false);
  loaded = $state(false);
  readOnly = $state(false);
  closeCode = $state<number | null>(null);
  closedForGood = $state(false);
  denial = $state<Denial | null>(null);
  started = $state(false);
  /** The first attempt to sync has ended: synced, or closed, refused, failed, or the browser went offline. */
  settled = $state(false);
  #attempted = $state(false);

  readonly status: ConnectionStatus = $derived.by(() => {
    if (this.unsynced && !this.readOnly) return ConnectionStatus.syncing;
    if (this.online) return ConnectionStatus.connected;
    if (!this.#attempted && !this.closedForGood) return ConnectionStatus.connecting;
    return ConnectionStatus.offline;
  });

  #cleanups: Array<() => void> = [];
  readonly #presence: boolean;
  #lockRetry: ReturnType<typeof setTimeout> | null = null;
  /** The device writer of an editing view (#keepWriter), told when the server refuses its id. */
  #writer: KeptWriter | null = null;
  #destroyed = false;

  constructor(boardId: string, token: string, options: BoardConnectionOptions = {}) {
    this.boardId = boardId;
    this.doc = new Y.Doc();
    this.unsynced = readPending(boardId);

    this.persistence = options.persist === false ? null : new IndexeddbPersistence(boardDbName(boardId), this.doc);
    this.whenLoaded = this.persistence
      ? this.persistence.whenSynced.then(() => {
          this.loaded = true;
        })
      : Promise.resolve().then(() => {
          this.loaded = true;
        });

    this.#presence = options.awareness !== false;
    this.provider = new WebsocketProvider(syncBaseUrl(), boardId, this.doc, {
      // Opened by #connectOnceLoaded, after the device's copy is in the doc.
      connect: false,
      params: { token },
      // No BroadcastChannel between tabs: a provider relays what it hears there to its own socket,
      // so one tab would speak for another tab's presence, which the server refuses (4409). Tabs
      // of one device still share the IndexedDB copy and meet through the server.
      disableBc: true,
      // Only a revoked token is hopeless; every other close (ping timeout, rate limit, restart)
      // is worth retrying with backoff.
      shouldReconnect: (event) => !FINAL_CLOSE_CODES.includes(event.code),
      // A board's link opened on a new device started its socket before the app (early-socket.ts).
      WebSocketPolyfill: AdoptingWebSocket
    });
    if (this.#presence) sendOwnPresenceOnly(this.provider);
    else {
      this.provider.awareness.off('update', this.provider._awarenessUpdateHandler);
      this.provider.awareness.setLocalState(null);
    }
    if (options.watchOnly) this.doc.off('update', this.provider._updateHandler);
    this.#watchPermission();
    this.#cleanups.push(applyQuietly({ doc: this.doc, provider: this.provider, persistence: this.persistence, watchOnly: options.watchOnly === true }));
    if (this.persistence && !options.watchOnly) this.#keepWriter();
    this.#watchProvider();
    this.#watchLocalUpdates();
    this.#watchBrowserNetwork();
    this.#connectOnceLoaded();
  }

  get awareness() {
    return this.provider.awareness;
  }

  /** Reconnects after a final close or a manual disconnect (e.g. with a new token). */
  reconnect(token?: string): void {
    if (token) this.provider.params = { ...this.provider.params, token };
    this.closedForGood = false;
    this.closeCode = null;
    this.started = true;
    this.provider.connect();
  }

  destroy(): void {
    this.#destroyed = true;
    if (this.#lockRetry) clearTimeout(this.#lockRetry);
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#closeSocketQuietly();
    this.provider.destroy();
    // Destroying the doc also closes the IndexedDB handle (y-indexeddb listens for it).
    this.doc.destroy();
  }

  /**
   * Writes with the Yjs client id of this device's earlier visits when that is safe, so that a
   * board's ids grow with its devices rather than its visits (kept-writer.ts, device-writer.ts).
   */
  #keepWriter(): void {
    const writer = keepWriter({ boardId: this.boardId, doc: this.doc, provider: this.provider, copyLoaded: () => this.loaded });
    this.#writer = writer;
    this.#cleanups.push(() => {
      this.#writer = null;
      writer.stop();
    });
  }

  /** Opens the socket once the IndexedDB copy is loaded, or after CONNECT_FALLBACK_MS at the latest. */
  #connectOnceLoaded(): void {
    const start = () => {
      if (this.started || this.#destroyed) return;
      this.started = true;
      // Offline now: the browser's 'online' event connects later (#watchBrowserNetwork).
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      this.provider.connect();
    };
    if (this.persistence && !readFlag(copyKey(this.boardId))) return start();
    const fallback = setTimeout(start, CONNECT_FALLBACK_MS);
    this.#cleanups.push(() => clearTimeout(fallback));
    void this.whenLoaded.then(() => {
      clearTimeout(fallback);
      start();
    });
  }

  #watchProvider(): void {
    const provider = this.provider;
    const onSync = (synced: boolean) => {
      this.online = synced && provider.wsconnected;
      // Our own step-2 answer (everything the server lacks) went out before the server's
      // step 2 arrived, so once synced, nothing made before this moment is waiting.
      if (synced) {
        this.settled = true;
        this.#setUnsynced(false);
        if (this.persistence) writeFlag(copyKey(this.boardId), true);
        // A transient close (ping timeout, rate limit, restart) is over once we are back in sync.
        this.closeCode = null;
      }
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connecting') this.#attempted = true;
      if (status === 'disconnected') {
        this.online = false;
        rejoinPresence(this.provider.awareness);
      }
    };
    const onClose = (event: CloseEvent | null) => {
      this.#attempted = true;
      this.settled = true;
      this.online = false;
      // Plenary's own codes, and the standard ones it sends on purpose (restart, too large).
      if (event && (event.code >= 4000 || event.code === CloseCode.goingAway || event.code === CloseCode.messageTooBig)) this.closeCode = event.code;
    };
    const onError = () => {
      this.#attempted = true;
      this.settled = true;
    };
    const onClosed = (event: { code: number }) => {
      this.closeCode = event.code;
      this.closedForGood = true;
    };
    provider.on('sync', onSync);
    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    provider.on('connection-error', onError);
    provider.on('closed', onClosed);
    this.#cleanups.push(() => {
      provider.off('sync', onSync);
      provider.off('status', onStatus);
      provider.off('connection-close', onClose);
      provider.off('connection-error', onError);
      provider.off('closed', onClosed);
    });
  }

  #watchLocalUpdates(): void {
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider || origin === this.persistence) return;
      // A change made while in sync goes straight out on the open socket.
      if (this.provider.synced && this.provider.wsconnected) return;
      this.#setUnsynced(true);
    };
    this.doc.on('update', onUpdate);
    this.#cleanups.push(() => this.doc.off('update', onUpdate));
  }

  /** Replaces y-websocket's console warning with a state the interface can show. */
  #watchPermission(): void {
    this.provider.messageHandlers[MessageTag.auth] = (_encoder: encoding.Encoder, decoder: decoding.Decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        if (reason === DenyReason.writerTaken && !this.#writer?.refused()) return;
        this.denial = { reason, seq: (this.denial?.seq ?? 0) + 1 };
        if (reason === DenyReason.readOnly) this.readOnly = true;
        if (reason === DenyReason.locked) this.#retryWhenUnlocked();
      });
    };
  }

  /**
   * An edit made as the facilitator locked the board was refused, so the server lacks it and
   * later edits that build on it wait too. Offer it again now and then: reconnecting sends
   * everything the server lacks, and once the board is unlocked it is accepted.
   */
  #retryWhenUnlocked(): void {
    if (this.#lockRetry) return;
    this.#lockRetry = setTimeout(() => {
      this.#lockRetry = null;
      this.#closeSocketQuietly();
      this.provider.disconnect();
      this.provider.connect();
    }, LOCK_RETRY_MS);
  }

  /** The browser knows before the socket does when the Wi-Fi is gone; follow it both ways. */
  #watchBrowserNetwork(): void {
    if (typeof window === 'undefined') return;
    const offline = () => {
      this.online = false;
      this.#attempted = true;
      this.settled = true;
      this.#closeSocketQuietly();
      this.provider.disconnect();
    };
    const online = () => {
      if (this.started && !this.closedForGood) this.provider.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.#cleanups.push(() => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    });
    if (navigator.onLine === false) offline();
  }

  /**
   * y-websocket's disconnect announces "this client left" on the socket. The server forgets a
   * connection's presence when its socket closes anyway, and a connection that never announced a
   * client (no presence, an observer) would be taken as speaking for someone else (4409): close
   * the socket first and say nothing.
   */
  #closeSocketQuietly(): void {
    this.provider.ws?.close();
  }

  #setUnsynced(value: boolean): void {
    if (this.unsynced === value) return;
    this.unsynced = value;
    writeFlag(pendingKey(this.boardId), value);
  }
}

const readPending = (boardId: string): boolean => readFlag(pendingKey(boardId));

const readFlag = (key: string): boolean => {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
};

const writeFlag = (key: string, value: boolean): void => {
  try {
    if (value) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Private mode without storage: the flag only lives in memory.
  }
};
