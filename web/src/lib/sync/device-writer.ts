/**
 * One Yjs client id per device and board, kept from one visit to the next.
 *
 * Why: every transaction Yjs runs reads the document's state vector — one entry per client id that
 * ever wrote to the board — on the server and on every device. Yjs gives a document a new id each
 * time a page opens it, so a board's ids grew with its visits, not its people: on a board written
 * from 3,000 ids (thirty people over five days of visits) each edit costs every device and the
 * server about 20× what it costs on one written from 30 (docs/PERFORMANCE.md, "Boards written in
 * many sessions"). A device that writes again with the id of its earlier visits keeps a board's
 * ids at about one per device.
 *
 * An id is safe to write with again only when nobody holds anything written with it that this
 * device's copy lacks: otherwise its next edits take clocks already taken, and the server drops
 * them as known (server/src/sync/known-update.ts) — an edit lost without a word. So a visit writes
 * with the earlier id only once all of these hold, and otherwise with the fresh id Yjs gave it:
 *  - the tab holds the board's writer lock (writer-lock.ts), so no other tab of the device writes
 *    with it at the same time (a tab without it writes with its fresh id, and keeps no record);
 *  - the device's record of that id's last clock, written synchronously in each of its
 *    transactions before the edit leaves for the server or the IndexedDB copy, is exactly what the
 *    IndexedDB copy holds of it (an edit the copy missed when the tab closed, say);
 *  - the server's state vector (its sync step 1, which it sends once it holds the board) holds no
 *    more of it than the copy (an edit that reached the server and not the copy);
 *  - the visit has written nothing under its fresh id yet.
 * Should anything written with the earlier id arrive from elsewhere afterwards, the visit goes back
 * to its fresh id at once and forgets the record: the same guard Yjs keeps for its own id. Should the
 * tab stop holding the lock (a lease not renewed in time), it goes back to its fresh id too, and
 * weighs the id afresh when it holds the lock again. A lock granted after the server's step 1 (a
 * reload, waiting for the page before to let go) is weighed against that step 1's state vector:
 * whatever another tab wrote with the id since would have moved the record past this visit's copy.
 *
 * Presence keeps the fresh id of each visit: y-websocket announces presence under `doc.clientID`,
 * and the server binds a connection to the first presence id it announces; a connection of the
 * same device that announces it later takes it over and the earlier one is closed
 * (server/src/sync/room-presence.ts) — two tabs of a device announcing one id would close each
 * other in turn. So `doc.clientID` is the earlier id only
 * inside this device's own transactions (from 'beforeTransaction' to 'beforeObserverCalls', where
 * Yjs gives new edits their ids) and the visit's fresh id everywhere else.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import { aroundSyncMessages } from './sync-messages.ts';

/** Where the record lives: localStorage in the browser, written synchronously. */
export interface WriterRecordStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DeviceWriterOptions {
  /** The record's key (one per board). */
  key: string;
  /** null: no storage on this device (private mode): every visit writes with a fresh id. */
  store: WriterRecordStore | null;
  /** The tab holds the board's writer lock. */
  held: () => boolean;
  /** The device's IndexedDB copy has been read into the document. */
  copyLoaded: () => boolean;
}

interface WriterRecord {
  id: number;
  clock: number;
}

const RECORD = /^(\d+):(\d+)$/;

const parseRecord = (text: string | null): WriterRecord | null => {
  const match = text === null ? null : RECORD.exec(text);
  return match ? { id: Number(match[1]), clock: Number(match[2]) } : null;
};

/** localStorage key of a board's writer record. */
export const writerKey = (boardId: string): string => `plenary.writer.${boardId}`;

export class DeviceWriter {
  readonly #doc: Y.Doc;
  readonly #options: DeviceWriterOptions;
  /** The earlier visit's id while this visit writes with it. */
  #kept: number | null = null;
  /** The earlier id was given up this visit: never taken again. */
  #givenUp = false;
  /** The state vector of the server's latest sync step 1. */
  #server: Map<number, number> | null = null;
  /** For each transaction written with the kept id: the id to put back once its edits are made. */
  readonly #restore = new WeakMap<Y.Transaction, number>();
  /** The id each of this device's transactions wrote with. */
  readonly #writers = new WeakMap<Y.Transaction, number>();

  constructor(doc: Y.Doc, options: DeviceWriterOptions) {
    this.#doc = doc;
    this.#options = options;
    doc.on('beforeTransaction', this.#onBefore);
    doc.on('beforeObserverCalls', this.#onEditsMade);
    doc.on('afterTransaction', this.#onAfter);
  }

  /** The id this visit's edits are written with. */
  get id(): number {
    return this.#kept ?? this.#doc.clientID;
  }

  /**
   * The server's state vector (its sync step 1): take the earlier visit's id if it is safe, or give
   * it up if the server holds more of it than this device.
   */
  serverState(stateVector: Map<number, number>): void {
    this.#server = stateVector;
    const store = this.#doc.store;
    if (this.#kept !== null) {
      if ((stateVector.get(this.#kept) ?? 0) > Y.getState(store, this.#kept)) this.#giveUp();
      return;
    }
    if (this.#givenUp || !this.#options.held() || !this.#options.copyLoaded()) return;
    const record = parseRecord(this.#read());
    if (record === null || record.id === this.#doc.clientID) return;
    if (Y.getState(store, this.#doc.clientID) > 0) return;
    const held = Y.getState(store, record.id);
    if (held !== record.clock || (stateVector.get(record.id) ?? 0) > held) return;
    this.#kept = record.id;
  }

  /**
   * The tab has come to hold the writer lock: its first grant, or a lease taken again after it ran
   * out, when another tab may have held it and written with the kept id meanwhile. Either way the
   * id is weighed afresh: whatever another tab wrote with it moved the record past this copy.
   */
  lockHeld(): void {
    this.#kept = null;
    if (this.#server !== null) this.serverState(this.#server);
  }

  /**
   * The server left out edits of this device as written under another device's id (`writer-taken`):
   * with a cookie cleared while the copy stayed, the server knows this device by a new key. The
   * kept id is given up, so what the person does next goes out under the visit's fresh id. True if
   * this visit was writing under it; false if not (the copy's old edits under an id given up
   * earlier, offered again at each connection: the person was told when it happened).
   */
  refused(): boolean {
    if (this.#kept === null) return false;
    this.#giveUp();
    return true;
  }

  destroy(): void {
    this.#doc.off('beforeTransaction', this.#onBefore);
    this.#doc.off('beforeObserverCalls', this.#onEditsMade);
    this.#doc.off('afterTransaction', this.#onAfter);
  }

  #onBefore = (transaction: Y.Transaction): void => {
    if (!transaction.local) return;
    // The lock lapsed (a lease this tab did not renew in time): another tab may take the id now.
    if (this.#kept !== null && !this.#options.held()) this.#kept = null;
    this.#writers.set(transaction, this.id);
    if (this.#kept === null) return;
    this.#restore.set(transaction, this.#doc.clientID);
    this.#doc.clientID = this.#kept;
  };

  #onEditsMade = (transaction: Y.Transaction): void => {
    const own = this.#restore.get(transaction);
    if (own !== undefined) this.#doc.clientID = own;
  };

  /** Runs before the 'update' listeners send or store the transaction's edits. */
  #onAfter = (transaction: Y.Transaction): void => {
    if (!transaction.local) {
      // Someone else wrote with the kept id: stop before our clocks cross theirs.
      const kept = this.#kept;
      if (kept !== null && transaction.afterState.get(kept) !== transaction.beforeState.get(kept)) this.#giveUp();
      return;
    }
    if (!this.#options.held()) return;
    const id = this.#writers.get(transaction);
    if (id === undefined) return;
    const clock = transaction.afterState.get(id);
    if (clock === undefined || clock === transaction.beforeState.get(id)) return;
    this.#write(`${id}:${clock}`);
  };

  #giveUp(): void {
    this.#kept = null;
    this.#givenUp = true;
    try {
      this.#options.store?.removeItem(this.#options.key);
    } catch {
      // Nothing to forget where nothing could be written.
    }
  }

  #read(): string | null {
    try {
      return this.#options.store?.getItem(this.#options.key) ?? null;
    } catch {
      return null;
    }
  }

  #write(value: string): void {
    try {
      this.#options.store?.setItem(this.#options.key, value);
    } catch {
      // Storage full or refused: the record falls behind the copy, and the next visit takes a
      // fresh id (the record must equal the copy).
    }
  }
}

/**
 * Hands the writer the server's state vector from each sync step 1 the server sends (it sends one
 * once it holds the board, on every connection). Returns what undoes it.
 */
export const watchServerState = (provider: WebsocketProvider, writer: DeviceWriter): (() => void) =>
  aroundSyncMessages(provider, ({ type, payload }, handle) => {
    if (type === syncProtocol.messageYjsSyncStep1) writer.serverState(Y.decodeStateVector(payload));
    handle();
  });
