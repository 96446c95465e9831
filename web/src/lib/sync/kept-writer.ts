/**
 * An editing board view's device writer, wired: the board's writer lock (writer-lock.ts), the
 * writer that takes the device's earlier Yjs client id when that is safe (device-writer.ts), and
 * the server's state vector handed to it from each sync step 1.
 *
 * Public API
 *   const kept = keepWriter({ boardId, doc, provider, copyLoaded })
 *   kept.refused()   the server refused edits under the kept id (`writer-taken`): true if this visit gave it up
 *   kept.stop()      undoes it all and lets the lock go
 */
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { DeviceWriter, watchServerState, writerKey } from './device-writer.ts';
import { holdWriterLock } from './writer-lock.ts';

export interface KeptWriter {
  refused(): boolean;
  stop(): void;
}

/** localStorage, or null where the browser refuses it. */
const deviceStorage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

export const keepWriter = (options: { boardId: string; doc: Y.Doc; provider: WebsocketProvider; copyLoaded: () => boolean }): KeptWriter => {
  const lock = holdWriterLock(options.boardId);
  const writer = new DeviceWriter(options.doc, {
    key: writerKey(options.boardId),
    store: deviceStorage(),
    held: lock.held,
    copyLoaded: options.copyLoaded
  });
  const unwatch = watchServerState(options.provider, writer);
  lock.onHeld(() => writer.lockHeld());
  return {
    refused: () => writer.refused(),
    stop: () => {
      unwatch();
      writer.destroy();
      lock.release();
    }
  };
};
