/**
 * Clients for sync tests:
 *  - `connectClient`: y-websocket's own WebsocketProvider in Node (the client delegates' browsers
 *    run), with BroadcastChannel disabled so that two providers in this process can only reach
 *    each other through the server. Records status changes, close events and permission-denied
 *    reasons.
 *  - `openRaw`: a bare `ws` socket speaking the protocol frame by frame, for malformed input,
 *    observers' writes and dead connections. It applies what the server sends to its own Y.Doc and
 *    Awareness, so tests can see exactly what reached it.
 *  - `tryUpgrade`: an upgrade that is expected to be refused, recording the HTTP status and
 *    whether any WebSocket message arrived.
 *  - `frames`: builders of protocol frames (valid and not).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { AuthMessage, DEVICE_COOKIE, MessageTag, SyncStep } from '@plenary/shared/protocol';
import { waitFor } from './wait.ts';

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly awareness: awarenessProtocol.Awareness;
  /** Every 'status' event in order: connecting / connected / disconnected. */
  readonly statuses: string[];
  /** Close events the server sent (code and reason). */
  readonly closes: CloseInfo[];
  /** Reasons of permission-denied messages received. */
  readonly denied: string[];
  /** Resolves once the provider has synced with the server. */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export interface ClientOptions {
  /** Presence to announce (the awareness local state). */
  user?: Record<string, unknown>;
  doc?: Y.Doc;
  /** The device key to present in the DEVICE_COOKIE cookie, as a browser given it by the app's pages does. */
  device?: string;
}

/** A new device key, as the server issues them to browsers. */
export { newDeviceKey } from '@plenary/server/sync/device-key.ts';

/** The headers of a device's upgrade: its key in the cookie the app's pages gave it. */
export const deviceHeaders = (device: string | undefined): Record<string, string> => (device === undefined ? {} : { cookie: `${DEVICE_COOKIE}=${device}` });

/** ws, with a device's cookie on each upgrade: y-websocket's provider passes only URL and protocols. */
const socketOfDevice = (device: string | undefined): typeof globalThis.WebSocket => {
  if (device === undefined) return WebSocket as unknown as typeof globalThis.WebSocket;
  class DeviceSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: deviceHeaders(device) });
    }
  }
  return DeviceSocket as unknown as typeof globalThis.WebSocket;
};

export const connectClient = (syncBase: string, boardId: string, token: string, options: ClientOptions = {}): TestClient => {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(syncBase, boardId, doc, {
    WebSocketPolyfill: socketOfDevice(options.device),
    disableBc: true,
    params: { token },
    // Connect only once the listeners below are attached, so the first 'connecting' is recorded.
    connect: false
  });
  if (options.user) provider.awareness.setLocalStateField('user', options.user);
  const statuses: string[] = [];
  const closes: CloseInfo[] = [];
  const denied: string[] = [];
  provider.on('status', ({ status }) => statuses.push(status));
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
  });
  provider.on('connection-error', () => undefined);
  // The provider's own handler only logs a warning; keep the reason instead.
  provider.messageHandlers[MessageTag.auth] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === AuthMessage.permissionDenied) denied.push(decoding.readVarString(decoder));
  };
  provider.connect();
  return {
    doc,
    provider,
    awareness: provider.awareness,
    statuses,
    closes,
    denied,
    synced: (timeoutMs = 10_000) => waitFor(() => provider.synced, timeoutMs, `provider of ${boardId} to sync`).then(() => undefined),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    }
  };
};

/** The URL of a board's sync endpoint with the token in the query, as the provider builds it. */
export const syncUrl = (syncBase: string, boardId: string, token?: string): string =>
  `${syncBase}/${encodeURIComponent(boardId)}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

// ---------------------------------------------------------------------------------------------
// Frames

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  state: unknown;
}

export const frames = {
  syncStep1: (doc: Y.Doc) =>
    frame((e) => {
      encoding.writeVarUint(e, MessageTag.sync);
      syncProtocol.writeSyncStep1(e, doc);
    }),
  syncStep2: (update: Uint8Array) =>
    frame((e) => {
      encoding.writeVarUint(e, MessageTag.sync);
      encoding.writeVarUint(e, SyncStep.step2);
      encoding.writeVarUint8Array(e, update);
    }),
  update: (update: Uint8Array) =>
    frame((e) => {
      encoding.writeVarUint(e, MessageTag.sync);
      syncProtocol.writeUpdate(e, update);
    }),
  awareness: (entries: AwarenessEntry[]) =>
    frame((e) => {
      encoding.writeVarUint(e, MessageTag.awareness);
      encoding.writeVarUint8Array(
        e,
        frame((inner) => {
          encoding.writeVarUint(inner, entries.length);
          for (const entry of entries) {
            encoding.writeVarUint(inner, entry.clientID);
            encoding.writeVarUint(inner, entry.clock);
            encoding.writeVarString(inner, JSON.stringify(entry.state));
          }
        })
      );
    }),
  /** An awareness message whose inner payload is given byte for byte. */
  awarenessPayload: (payload: Uint8Array) =>
    frame((e) => {
      encoding.writeVarUint(e, MessageTag.awareness);
      encoding.writeVarUint8Array(e, payload);
    }),
  queryAwareness: () => frame((e) => encoding.writeVarUint(e, MessageTag.queryAwareness)),
  /** A frame with just a top-level tag (and optional payload bytes after it). */
  tagged: (tag: number, payload: Uint8Array = new Uint8Array()) =>
    frame((e) => {
      encoding.writeVarUint(e, tag);
      encoding.writeUint8Array(e, payload);
    })
};

/** The update a fresh Y.Doc produces for one edit made by `edit` (for hand-built frames). */
export const updateOf = (edit: (doc: Y.Doc) => void, doc = new Y.Doc()): Uint8Array => {
  let captured: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (captured = captured ? Y.mergeUpdates([captured, u]) : u);
  doc.on('update', capture);
  edit(doc);
  doc.off('update', capture);
  if (!captured) throw new Error('the edit changed nothing');
  return captured;
};

// ---------------------------------------------------------------------------------------------
// Raw protocol client

export interface RawClient {
  readonly ws: WebSocket;
  /** What the server sent, applied: the document and the presence it relayed. */
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Every binary frame received. */
  readonly received: Uint8Array[];
  readonly denied: string[];
  /** Set once the socket closed. */
  readonly closed: CloseInfo | null;
  whenClosed(): Promise<CloseInfo>;
  send(data: Uint8Array | string): void;
  /** Sends sync step 1 and waits until the server's step 2 has been applied. */
  handshake(timeoutMs?: number): Promise<void>;
  /** Closes (if open) and releases the Awareness timer. */
  destroy(): void;
}

export interface RawOptions {
  /** The device key to present (DEVICE_COOKIE); none by default, as a script would connect. */
  device?: string;
  /** false: never answer the server's pings (a laptop whose lid closed). */
  autoPong?: boolean;
  /** Answer the server's sync step 1 with step 2 (as a real client does). Default true. */
  answerSync?: boolean;
  /**
   * Offer permessage-deflate, as browsers do; with `threshold` 0 this client compresses every
   * message it sends. Default: not offered, so every byte on the wire is the message itself.
   */
  compress?: {
    threshold: number;
    /** false: offer a bare `permessage-deflate`, without letting the server cap this client's window (as Firefox does). */
    clientMaxWindowBits?: false;
    /** Ask the server to deflate with a window of this many bits (browsers never ask; any client may). */
    serverMaxWindowBits?: number;
  };
}

export const openRaw = async (url: string, options: RawOptions = {}): Promise<RawClient> => {
  // ws takes `clientMaxWindowBits: false` (leave the parameter out of the offer); its types know numbers only.
  const perMessageDeflate = (options.compress ?? false) as WebSocket.PerMessageDeflateOptions | false;
  const ws = new WebSocket(url, { autoPong: options.autoPong ?? true, perMessageDeflate, headers: deviceHeaders(options.device) });
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const received: Uint8Array[] = [];
  const denied: string[] = [];
  let closed: CloseInfo | null = null;
  let step2Seen = false;
  const whenClosed = new Promise<CloseInfo>((resolve) =>
    ws.on('close', (code, reason) => {
      closed = { code, reason: reason.toString() };
      resolve(closed);
    })
  );
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const bytes = new Uint8Array(data as Buffer);
    received.push(bytes);
    const d = decoding.createDecoder(bytes);
    const tag = decoding.readVarUint(d);
    if (tag === MessageTag.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageTag.sync);
      const step = syncProtocol.readSyncMessage(d, reply, doc, 'server');
      if (step === SyncStep.step2) step2Seen = true;
      if (step === SyncStep.step1 && options.answerSync !== false) ws.send(encoding.toUint8Array(reply));
    } else if (tag === MessageTag.awareness) {
      awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(d), 'server');
    } else if (tag === MessageTag.auth) {
      if (decoding.readVarUint(d) === AuthMessage.permissionDenied) denied.push(decoding.readVarString(d));
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const client: RawClient = {
    ws,
    doc,
    awareness,
    received,
    denied,
    get closed() {
      return closed;
    },
    whenClosed: () => whenClosed,
    send: (data) => ws.send(data, { binary: typeof data !== 'string' }),
    async handshake(timeoutMs = 10_000) {
      ws.send(frames.syncStep1(doc));
      await waitFor(() => step2Seen, timeoutMs, 'sync step 2 from the server');
    },
    destroy() {
      awareness.destroy();
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
    }
  };
  return client;
};

export interface RefusedUpgrade {
  /** HTTP status of the refusal; null if the upgrade was accepted. */
  status: number | null;
  /** The refusal's body. */
  body: string;
  opened: boolean;
  /** WebSocket messages received (must be 0 when refused). */
  messages: number;
}

/** Attempts an upgrade and reports how it was refused (or that it was not). */
export const tryUpgrade = (url: string, headers: Record<string, string> = {}): Promise<RefusedUpgrade> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    const result: RefusedUpgrade = { status: null, body: '', opened: false, messages: 0 };
    ws.on('message', () => result.messages++);
    ws.on('error', () => undefined);
    ws.once('open', () => {
      result.opened = true;
      // Give the server a moment to send anything it would (the opposite of what is expected).
      setTimeout(() => {
        ws.terminate();
        resolve(result);
      }, 300);
    });
    ws.once('unexpected-response', (_req, res) => {
      result.status = res.statusCode ?? null;
      res.on('data', (chunk: Buffer) => (result.body += chunk.toString('utf8')));
      res.on('end', () => resolve(result));
      res.on('error', reject);
    });
  });
