/**
 * A look at each sync message the server sends, beside the provider's own handling of it: the
 * board's copy stores what the server sent (quiet-board.ts), the device writer reads the server's
 * state vector (device-writer.ts). y-websocket has no event for the messages themselves, so its
 * sync handler is wrapped; the message is read from a clone of the decoder, leaving the
 * provider's reading as it was.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import { MessageTag } from '@plenary/shared/protocol';

/** One sync message: its type (y-protocols' messageYjsSyncStep1, …Step2, …Update) and its payload. */
export interface SyncMessage {
  type: number;
  /** The state vector of a step 1, the update of a step 2 or an update. */
  payload: Uint8Array;
}

/**
 * Calls `around` with each sync message and the provider's own handling of it, which `around`
 * must call once. Returns what undoes it.
 */
export const aroundSyncMessages = (provider: WebsocketProvider, around: (message: SyncMessage, handle: () => void) => void): (() => void) => {
  const handleSync = provider.messageHandlers[MessageTag.sync];
  if (!handleSync) throw new Error('y-websocket provider without a sync message handler');
  provider.messageHandlers[MessageTag.sync] = (encoder, decoder, from, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const type = decoding.readVarUint(peek);
    around({ type, payload: decoding.readVarUint8Array(peek) }, () => handleSync(encoder, decoder, from, emitSynced, messageType));
  };
  return () => {
    provider.messageHandlers[MessageTag.sync] = handleSync;
  };
};
