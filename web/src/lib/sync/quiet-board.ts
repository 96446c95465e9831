/**
 * How a board's document takes what it did not make itself: the board read from IndexedDB and what
 * the server sends are applied without Yjs encoding them once more for the document's 'update'
 * listeners (quiet-updates.ts), which all ignore them — the provider (it sends local edits only),
 * the connection's unsynced flag, and the IndexedDB copy, which is given the server's bytes as they
 * came instead.
 *
 * - The server's bytes are stored whenever they carry anything, even when the document did not
 *   change: Yjs holds back what builds on edits it has not seen yet (another device's edit can
 *   come before the board's latest edits, server/src/sync/whole-state.ts) and integrates it with
 *   a later message, in a transaction the copy would not hear of.
 * - The IndexedDB copy is not quiet while the socket is open and the provider listens: the
 *   provider offers it to the server then, as edits made offline before the socket opened.
 *
 * Used by the board connection and by the join benchmark (tests/bench/cold-load.ts), so the bench
 * measures the client the web app runs.
 */
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import { aroundSyncMessages } from './sync-messages.ts';
import { skipUpdateEncoding } from './quiet-updates.ts';

/** An update with no structs and no deletions: two zero counts. */
const EMPTY_UPDATE_BYTES = 2;

export interface QuietBoard {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The device's copy, if it keeps one. */
  persistence: IndexeddbPersistence | null;
  /** The view never edits: the provider does not listen to the document at all. */
  watchOnly: boolean;
}

/** Sets it up; returns what undoes it. */
export const applyQuietly = ({ doc, provider, persistence, watchOnly }: QuietBoard): (() => void) => {
  if (persistence) {
    // For the provider's life: the provider goes with the board.
    aroundSyncMessages(provider, ({ type, payload }, handle) => {
      handle();
      const update = type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate;
      if (update && payload.length > EMPTY_UPDATE_BYTES) persistence._storeUpdate(payload, provider);
    });
  }
  return skipUpdateEncoding(doc, ({ origin }) => {
    if (origin === provider) return true;
    return origin === persistence && (watchOnly || !provider.wsconnected);
  });
};
