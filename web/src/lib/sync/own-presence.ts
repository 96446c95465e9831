/**
 * How a board's tab speaks for its presence over y-websocket's provider. Plain TypeScript (no
 * runes), so the tests' devices speak exactly as the app does (tests/sync/reconnect-storm.test.ts).
 *
 *   sendOwnPresenceOnly(provider)   replaces the provider's presence relay: only this tab's own state goes out
 *   rejoinPresence(awareness)       when the socket has closed: forget the others' clocks, renew our own
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageTag } from '@plenary/shared/protocol';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** WebSocket.OPEN, which Node 20 has no global for. */
const OPEN = 1;

/**
 * y-websocket sends every presence change it hears of back to the server, everyone else's too
 * (for peers that relay to each other). The server relays, and refuses nobody's echo, but each
 * echo costs a message of this connection's rate limit: on a busy board (every typist's caret
 * goes out ten times a second) the echoes alone passed it. Only what this tab says about itself
 * goes out; the provider's destroy removes this handler like its own.
 */
export const sendOwnPresenceOnly = (provider: WebsocketProvider): void => {
  const self = provider.doc.clientID;
  provider.awareness.off('update', provider._awarenessUpdateHandler);
  const handler = ({ added, updated, removed }: AwarenessChange): void => {
    if (!added.includes(self) && !updated.includes(self) && !removed.includes(self)) return;
    if (!provider.wsconnected || provider.ws?.readyState !== OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageTag.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(provider.awareness, [self]));
    provider.ws.send(encoding.toUint8Array(encoder));
  };
  provider._awarenessUpdateHandler = handler;
  provider.awareness.on('update', handler);
};

/**
 * When its socket closes, the provider forgets everyone else's presence but keeps their clocks,
 * and a presence received again with a clock it has seen is ignored as old news (y-protocols'
 * awareness): after a Wi-Fi drop the room's presence, sent again on reconnecting, would leave the
 * person seeing nobody until each one's 15-second renewal. So, while no socket is open, the tab
 * forgets those clocks, and renews its own presence (the next clock, sent when it reconnects: news
 * to everyone, whatever they recorded of its departure).
 */
export const rejoinPresence = (awareness: awarenessProtocol.Awareness): void => {
  const state = awareness.getLocalState();
  if (state !== null) awareness.setLocalState(state);
  for (const id of [...awareness.meta.keys()]) if (id !== awareness.clientID && !awareness.states.has(id)) awareness.meta.delete(id);
};
