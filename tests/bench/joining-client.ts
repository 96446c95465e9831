/**
 * The joining client of the join figures (cold-load.ts): y-websocket's WebsocketProvider, set up as
 * the web app sets up its board connection (web/src/lib/sync/board-connection.svelte.ts): the
 * provider's update listener, and what the server sends applied without an update encoding
 * (web/src/lib/sync/quiet-board.ts). Its floor is its own work: `Y.applyUpdate` of the board's
 * whole state into a fresh Y.Doc, in the same process.
 *
 * BENCH_JOIN_TRACE=1 prints each join's frames as they reach the client: size, arrival, and how
 * long the client took with each.
 */
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { MessageTag } from '@plenary/shared/protocol';
import { negotiatedDeflate, SYNC_FLUSH_TAIL } from '@plenary/server/sync/ws-deflate.ts';
import { applyQuietly } from '../../web/src/lib/sync/quiet-board.ts';

const SYNC_TIMEOUT_MS = 60_000;
export const FLOOR_RUNS = 5;
const TRACE = process.env.BENCH_JOIN_TRACE === '1';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A browser's socket hands the page each message whole, inflated by its network stack. ws inflates
 * each through a zlib stream in libuv's thread pool, and with the provider busy applying one slice
 * of a large board, the next reached it 20–30 ms after it was done now and then (BENCH_JOIN_TRACE;
 * none with compression off): a wait no browser has. This client inflates each message at once,
 * on its own thread, in the join's time (the server negotiates server_no_context_takeover, so each
 * message is a deflate stream of its own). BENCH_JOIN_ASYNC=1 uses ws's own inflate.
 */
class InflatingAtOnce extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols);
    // Negotiated by then; what arrived with the handshake is read after it.
    this.once('open', () => this.inflateAtOnce());
  }

  private inflateAtOnce(): void {
    const negotiated = negotiatedDeflate(this);
    if (!negotiated) return;
    const own = negotiated.decompress.bind(negotiated);
    // A message in fragments is one deflate stream across them: all of it goes to ws's inflate.
    let inFragments = false;
    negotiated.decompress = (data, fin, callback) => {
      if (inFragments || !fin) {
        inFragments = !fin;
        return own(data, fin, callback);
      }
      let message: Buffer;
      try {
        message = zlib.inflateRawSync(Buffer.concat([data, SYNC_FLUSH_TAIL]), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      } catch {
        return own(data, fin, callback);
      }
      process.nextTick(callback, null, message);
    };
  }
}

/** The client's own floor: applying the whole state to a fresh document, in this process. */
export const measureApply = (state: Uint8Array, runs = FLOOR_RUNS): number[] =>
  Array.from({ length: runs }, () => {
    const doc = new Y.Doc();
    const started = performance.now();
    Y.applyUpdate(doc, state);
    const ms = performance.now() - started;
    doc.destroy();
    return round1(ms);
  });

export interface Joined {
  ms: number;
  /** When the first frame of the server's answer (an update or step 2) arrived, before it was applied. */
  answerMs: number;
  doc: Y.Doc;
  leave: () => void;
}

/**
 * A fresh client joins with the web app's provider, set up as the web app's board connection sets
 * it up (web/src/lib/sync/board-connection.svelte.ts): the provider's update listener, and what the
 * server sends applied without an update encoding. Resolves once it is synced.
 */
export const join = (port: number, boardId: string, token: string): Promise<Joined> =>
  new Promise((resolve, reject) => {
    const doc = new Y.Doc();
    const started = performance.now();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, boardId, doc, {
      WebSocketPolyfill: (process.env.BENCH_JOIN_ASYNC === '1' ? WebSocket : InflatingAtOnce) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token }
    });
    applyQuietly({ doc, provider, persistence: null, watchOnly: false });
    const leave = () => {
      provider.destroy();
      doc.destroy();
    };
    // The provider set up its socket in its constructor: note when the answer's first frame
    // arrives (the server sends the board's base, then its latest edits in step 2), before the
    // provider handles (and applies) it.
    let arrivedMs = 0;
    const socket = provider.ws as unknown as { onmessage: ((event: { data: ArrayBuffer }) => void) | null };
    const handle = socket.onmessage;
    const frames: string[] = [];
    socket.onmessage = (event) => {
      const at = performance.now() - started;
      const [tag, type] = new Uint8Array(event.data, 0, 2);
      if (arrivedMs === 0 && tag === MessageTag.sync && (type === messageYjsSyncStep2 || type === messageYjsUpdate)) arrivedMs = at;
      handle?.(event);
      if (TRACE) frames.push(`${tag}/${type} ${event.data.byteLength} B at ${at.toFixed(1)} took ${(performance.now() - started - at).toFixed(1)}`);
    };
    const timer = setTimeout(() => {
      leave();
      reject(new Error('join: not synced in time'));
    }, SYNC_TIMEOUT_MS);
    provider.once('sync', () => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (TRACE) console.log(`    join ${ms.toFixed(1)} ms: ${frames.join('; ')}`);
      resolve({ ms, answerMs: arrivedMs, doc, leave });
    });
    provider.on('connection-close', (event: { code: number } | null) => {
      if (provider.synced) return;
      clearTimeout(timer);
      leave();
      reject(new Error(`join: connection closed (${event?.code}) before sync`));
    });
  });
