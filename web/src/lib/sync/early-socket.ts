/**
 * The socket a board's page opened before the app started (the inline script in src/app.html):
 * on a new device, a board's link opens its sync socket at once and asks for the whole board,
 * so on a phone on slow Wi-Fi the board's bytes arrive while the app's scripts are still
 * downloading instead of a second or more after. The board's provider adopts that socket when it
 * connects to the same address, as if it had just opened it:
 *
 *  - its `open` is replayed to the provider (which sends its sync step 1 and presence), then every
 *    message received meanwhile, in order, before any later one;
 *  - the provider's own first step 1 is not sent when it asks what the early one asked already
 *    (an empty document's): the server would send the whole board a second time.
 *
 * A socket nobody adopts (the person is asked their name first, another token is used) is closed
 * by the inline script after 15 s. Anything else (a closed or closing socket, another address)
 * opens a new socket as usual.
 */
import { MessageTag, SyncStep } from '@plenary/shared/protocol';

/** What the inline script leaves on `window`. */
export interface EarlySocket {
  url: string;
  ws: WebSocket;
  /** Messages received before adoption (binaryType arraybuffer). */
  received: ArrayBuffer[];
  /** The empty document's step 1 has been sent. */
  asked: boolean;
}

declare global {
  interface Window {
    __plenaryEarlySocket?: EarlySocket;
  }
}

/** Sync step 1 with an empty state vector: what the inline script sends on open. */
export const EMPTY_STEP1 = Uint8Array.of(MessageTag.sync, SyncStep.step1, 1, 0);

const isEmptyStep1 = (data: unknown): boolean => {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  return !!bytes && bytes.length === EMPTY_STEP1.length && bytes.every((b, i) => b === EMPTY_STEP1[i]);
};

/** The early socket for `url`, taken over (once), or null. */
const adopt = (url: string): WebSocket | null => {
  const early = typeof window === 'undefined' ? undefined : window.__plenaryEarlySocket;
  // Another address (the workshop's control document, another token): left for its own provider.
  if (!early || early.url !== url) return null;
  window.__plenaryEarlySocket = undefined;
  const ws = early.ws;
  if (ws.readyState !== WebSocket.OPEN && ws.readyState !== WebSocket.CONNECTING) return null;
  if (ws.readyState === WebSocket.CONNECTING) {
    // The provider's handlers replace the inline script's before it opens: a plain new socket.
    return ws;
  }
  if (early.asked) {
    const send = ws.send.bind(ws);
    let first = true;
    ws.send = (data) => {
      const repeat = first && isEmptyStep1(data);
      first = false;
      if (!repeat) send(data);
    };
  }
  // The provider sets its handlers right after constructing; then it hears the open and what came.
  queueMicrotask(() => {
    ws.onopen?.(new Event('open'));
    for (const data of early.received.splice(0)) ws.onmessage?.(new MessageEvent('message', { data }));
  });
  return ws;
};

/**
 * A WebSocket constructor for y-websocket's `WebSocketPolyfill`: the early socket when it was
 * opened for this address, a new WebSocket otherwise. (A function called with `new` that returns
 * an object gives that object.)
 */
// biome-ignore lint/complexity/useArrowFunction: y-websocket calls it with `new`, which an arrow function cannot take
export const AdoptingWebSocket = function (url: string | URL, protocols?: string | string[]) {
  return adopt(String(url)) ?? new WebSocket(url, protocols);
} as unknown as typeof WebSocket;
