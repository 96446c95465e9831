/**
 * A device writes a board again with the Yjs client id of its earlier visits only when nobody holds
 * anything written with it that the device's copy lacks (web/src/lib/sync/device-writer.ts). Each
 * rule is tried the way it would break: the server a Y.Doc of its own that takes updates as the
 * sync server does, dropping what it already holds, and a device's visits are fresh documents that
 * read the device's copy first, as the web app reads IndexedDB.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DeviceWriter, type WriterRecordStore } from '../../../web/src/lib/sync/device-writer.ts';

const COPY = Symbol('indexeddb');
const SERVER = Symbol('server');
const KEY = 'plenary.writer.board-1';

/** localStorage as the record's store sees it: synchronous strings. */
class Storage implements WriterRecordStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

interface Visit {
  doc: Y.Doc;
  writer: DeviceWriter;
}

/** A visit of the device: a new document, the device's copy read into it, a writer watching it. */
const visit = (copy: Uint8Array | null, storage: Storage, options: { held?: boolean | (() => boolean) } = {}): Visit => {
  const doc = new Y.Doc();
  const { held = true } = options;
  const writer = new DeviceWriter(doc, { key: KEY, store: storage, held: typeof held === 'function' ? held : () => held, copyLoaded: () => true });
  if (copy) Y.applyUpdate(doc, copy, COPY);
  return { doc, writer };
};

/** The visit meets the server: the server's step 1, then each side sends what the other lacks. */
const meet = (device: Visit, server: Y.Doc): void => {
  device.writer.serverState(Y.decodeStateVector(Y.encodeStateVector(server)));
  Y.applyUpdate(server, Y.encodeStateAsUpdate(device.doc, Y.encodeStateVector(server)), SERVER);
  Y.applyUpdate(device.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(device.doc)), SERVER);
};

/** Types at the end of the board's notes, as a delegate does. */
const type = (doc: Y.Doc, text: string): void => {
  const notes = doc.getText('notes');
  notes.insert(notes.length, text);
};

/** An edit of the device reaches the server as the provider sends it: the transaction's update. */
const typeAndSend = (device: Visit, server: Y.Doc, text: string): void => {
  const sent: Uint8Array[] = [];
  const listen = (update: Uint8Array, origin: unknown) => {
    if (origin !== SERVER && origin !== COPY) sent.push(update);
  };
  device.doc.on('update', listen);
  type(device.doc, text);
  device.doc.off('update', listen);
  for (const update of sent) Y.applyUpdate(server, update, SERVER);
};

/** A device's first visit to a board, which it writes `text` on. */
const firstVisit = (text: string): { storage: Storage; server: Y.Doc; first: Visit } => {
  const storage = new Storage();
  const server = new Y.Doc();
  const first = visit(null, storage);
  meet(first, server);
  typeAndSend(first, server, text);
  return { storage, server, first };
};

const writersOf = (doc: Y.Doc): number[] => [...doc.store.clients.keys()].sort();

describe('a device keeps its writer id from one visit to the next', () => {
  it('three visits of one device write the board under one client id, and every edit reaches the server', () => {
    const storage = new Storage();
    const server = new Y.Doc();
    let copy: Uint8Array | null = null;
    for (const text of ['Tree planting day. ', 'River clean-up. ', 'Bike lanes. ']) {
      const device = visit(copy, storage);
      meet(device, server);
      typeAndSend(device, server, text);
      copy = Y.encodeStateAsUpdate(device.doc);
      device.writer.destroy();
    }
    expect(server.getText('notes').toString()).toBe('Tree planting day. River clean-up. Bike lanes. ');
    expect(writersOf(server)).toHaveLength(1);
  });

  it('presence keeps each visit’s fresh id: the document’s id is the kept one only inside its own edits', () => {
    const { storage, server, first } = firstVisit('Festival exchange. ');
    const second = visit(Y.encodeStateAsUpdate(first.doc), storage);
    const fresh = second.doc.clientID;
    meet(second, server);
    expect(second.writer.id).toBe(first.doc.clientID);
    let inside = 0;
    second.doc.getText('notes').observe(() => {
      inside = second.doc.clientID;
    });
    typeAndSend(second, server, 'Food fair. ');
    expect(second.doc.clientID).toBe(fresh);
    expect(inside).toBe(fresh);
    expect(writersOf(server)).toEqual([first.doc.clientID]);
  });

  it('an edit that reached the server and not the device’s copy: the next visit takes a fresh id, and its edit is not dropped', () => {
    const { storage, server, first } = firstVisit('Tree planting day. ');
    const copy = Y.encodeStateAsUpdate(first.doc);
    // The tab closed as its last edit left: the server has it, the copy (and, here, the record) not.
    const record = storage.getItem(KEY);
    typeAndSend(first, server, 'Lost from the copy. ');
    storage.setItem(KEY, record!);

    // The server's step 1 comes first when it holds the board already; the device types before
    // the rest of the board (the edit it lacks) arrives.
    const second = visit(copy, storage);
    second.writer.serverState(Y.decodeStateVector(Y.encodeStateVector(server)));
    expect(second.writer.id).not.toBe(first.doc.clientID);
    typeAndSend(second, server, 'Bike lanes. ');
    Y.applyUpdate(second.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(second.doc)), SERVER);
    // Typed at the same place concurrently: either order is right, as long as both are there.
    expect(server.getText('notes').toString()).toMatch(/^Tree planting day\. (Lost from the copy\. Bike lanes\. |Bike lanes\. Lost from the copy\. )$/);
    expect(second.doc.getText('notes').toString()).toBe(server.getText('notes').toString());
  });

  it('a record ahead of the copy (an edit the copy missed): the next visit takes a fresh id', () => {
    const { storage, server, first } = firstVisit('Tree planting day. ');
    const copy = Y.encodeStateAsUpdate(first.doc);
    type(first.doc, 'Never stored. ');

    const second = visit(copy, storage);
    meet(second, server);
    expect(second.writer.id).toBe(second.doc.clientID);
    expect(second.writer.id).not.toBe(first.doc.clientID);
  });

  it('a tab without the lock writes with a fresh id and leaves the record alone', () => {
    const { storage, server, first } = firstVisit('Tree planting day. ');
    const record = storage.getItem(KEY);
    expect(record).toBe(`${first.doc.clientID}:19`);

    const other = visit(Y.encodeStateAsUpdate(first.doc), storage, { held: false });
    meet(other, server);
    typeAndSend(other, server, 'Second tab. ');
    expect(other.writer.id).not.toBe(first.doc.clientID);
    expect(storage.getItem(KEY)).toBe(record);
  });

  it('a visit that already wrote under its fresh id keeps it', () => {
    const { storage, server, first } = firstVisit('Tree planting day. ');
    // Typed before the lock came (so no record of the fresh id) and before the server answered.
    let held = false;
    const second = visit(Y.encodeStateAsUpdate(first.doc), storage, { held: () => held });
    type(second.doc, 'Typed before the server answered. ');
    held = true;
    meet(second, server);
    expect(second.writer.id).toBe(second.doc.clientID);
    typeAndSend(second, server, 'More. ');
    expect(server.getText('notes').toString()).toBe('Tree planting day. Typed before the server answered. More. ');
  });

  it('another writer with the kept id appears mid-visit: the visit goes back to its fresh id, and both writers’ edits meet', () => {
    const { storage, server, first } = firstVisit('A. ');
    const device = visit(Y.encodeStateAsUpdate(first.doc), storage);
    meet(device, server);
    const kept = device.writer.id;
    expect(kept).toBe(first.doc.clientID);

    // Another document writing with the same id (a copy of the device's data restored elsewhere).
    const twin = new Y.Doc();
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(server), SERVER);
    // Set after the board is read: Yjs gives a document a new id when a remote update carries its own.
    twin.clientID = kept;
    type(twin, 'Twin one. ');
    Y.applyUpdate(device.doc, Y.encodeStateAsUpdate(twin, Y.encodeStateVector(device.doc)), SERVER);
    expect(device.writer.id).not.toBe(kept);
    expect(storage.getItem(KEY)).toBeNull();

    // Both write at once, each without the other's latest edit, then exchange what they lack.
    type(device.doc, 'Device. ');
    type(twin, 'Twin two. ');
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(device.doc, Y.encodeStateVector(twin)), SERVER);
    Y.applyUpdate(device.doc, Y.encodeStateAsUpdate(twin, Y.encodeStateVector(device.doc)), SERVER);
    const text = device.doc.getText('notes').toString();
    expect(twin.getText('notes').toString()).toBe(text);
    expect(text).toContain('Device. ');
    expect(text).toContain('Twin two. ');
  });

  it('the server holds more of the kept id than the device on a later connection: the visit gives it up', () => {
    const { storage, server, first } = firstVisit('A. ');
    const device = visit(Y.encodeStateAsUpdate(first.doc), storage);
    meet(device, server);
    const kept = device.writer.id;
    const twin = new Y.Doc();
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(server), SERVER);
    // Set after the board is read: Yjs gives a document a new id when a remote update carries its own.
    twin.clientID = kept;
    type(twin, 'Twin. ');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(twin, Y.encodeStateVector(server)), SERVER);
    device.writer.serverState(Y.decodeStateVector(Y.encodeStateVector(server)));
    expect(device.writer.id).not.toBe(kept);
  });

  it('the lock comes after the server’s step 1 (a reload waiting for the page before): the visit takes the kept id then', () => {
    const { storage, server, first } = firstVisit('A. ');
    let held = false;
    const second = visit(Y.encodeStateAsUpdate(first.doc), storage, { held: () => held });
    meet(second, server);
    expect(second.writer.id).toBe(second.doc.clientID);
    held = true;
    second.writer.lockHeld();
    expect(second.writer.id).toBe(first.doc.clientID);
    typeAndSend(second, server, 'B. ');
    expect(server.getText('notes').toString()).toBe('A. B. ');
    expect(writersOf(server)).toEqual([first.doc.clientID]);
  });

  it('the lock lapses mid-visit (a lease not renewed in time): the next edit is written under the fresh id, and the record stays for the next holder', () => {
    const { storage, server, first } = firstVisit('A. ');
    let held = true;
    const second = visit(Y.encodeStateAsUpdate(first.doc), storage, { held: () => held });
    meet(second, server);
    typeAndSend(second, server, 'B. ');
    const record = storage.getItem(KEY);
    held = false;
    typeAndSend(second, server, 'C. ');
    expect(second.writer.id).toBe(second.doc.clientID);
    expect(writersOf(server)).toEqual([first.doc.clientID, second.doc.clientID].sort());
    expect(storage.getItem(KEY)).toBe(record);
    held = true;
    second.writer.lockHeld();
    expect(second.writer.id).toBe(second.doc.clientID);
  });

  it('a lease taken again after it ran out, with no edit in between: the visit keeps the id only if no other tab wrote with it meanwhile', () => {
    const { storage, server, first } = firstVisit('A. ');
    const device = visit(Y.encodeStateAsUpdate(first.doc), storage);
    meet(device, server);
    typeAndSend(device, server, 'B. ');
    const kept = device.writer.id;
    expect(kept).toBe(first.doc.clientID);

    // Run out and taken again while nobody else held it: the record is still this visit's own.
    device.writer.lockHeld();
    expect(device.writer.id).toBe(kept);

    // Run out, and another tab of the device held the lease meanwhile and wrote with the id (its
    // edit has not reached this tab): taken again, the visit must not write with the id.
    const other = visit(Y.encodeStateAsUpdate(device.doc), storage);
    other.writer.lockHeld();
    other.writer.serverState(Y.decodeStateVector(Y.encodeStateVector(server)));
    expect(other.writer.id).toBe(kept);
    typeAndSend(other, server, 'Other tab. ');
    device.writer.lockHeld();
    expect(device.writer.id).not.toBe(kept);
    typeAndSend(device, server, 'C. ');
    expect(server.getText('notes').toString()).toContain('C. ');
  });

  it('a server that refuses the kept id (`writer-taken`: the device came back with a new cookie) makes the visit write under its fresh id, and the next visit too', () => {
    const { storage, server, first } = firstVisit('A. ');
    const device = visit(Y.encodeStateAsUpdate(first.doc), storage);
    meet(device, server);
    expect(device.writer.id).toBe(first.doc.clientID);
    expect(device.writer.refused()).toBe(true);
    expect(device.writer.id).toBe(device.doc.clientID);
    // Told again (the copy's refused edits offered at the next connection): nothing more to give up.
    expect(device.writer.refused()).toBe(false);
    typeAndSend(device, server, 'B. ');
    expect(writersOf(server)).toEqual([first.doc.clientID, device.doc.clientID].sort());
    // The record named the refused id: forgotten, so no later visit takes it again.
    const later = visit(Y.encodeStateAsUpdate(device.doc), storage);
    meet(later, server);
    expect(later.writer.id).not.toBe(first.doc.clientID);
  });
});
