/**
 * How the server reads and changes documents itself (facilitation actions, vote tallies): open the room,
 * keep it loaded while writing, and write in one transaction with the SERVER origin — so the change
 * is stored, sent to every connected client and published to the other instances like any edit.
 * A write resolves once the store holds it (or after STORED_WAIT_MS, the write still pending and
 * retried by the room), so an answer that says a change was made is not undone by a crash.
 */
import type * as Y from 'yjs';
import { controlDocName } from '@plenary/shared/protocol';
import { SERVER } from '../sync/origins.ts';
import type { RoomManager } from '../sync/room-manager.ts';
import type { Room } from '../sync/room.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';

/** How long a server write waits for the store before answering anyway (the room keeps retrying). */
const STORED_WAIT_MS = 10_000;

/** `fresh`: first read in what the store holds (edits other instances stored and have not yet published here). */
export interface ReadOptions {
  fresh?: boolean;
}

export interface ServerDocs {
  /** Changes the workshop's control document; returns what `change` returned. */
  withControl<T>(workshopId: string, change: (doc: Y.Doc) => T): Promise<T>;
  /** Changes a board's document. */
  withBoard<T>(boardId: string, change: (doc: Y.Doc) => T): Promise<T>;
  /** Reads the workshop's control document (no change is stored). */
  readControl<T>(workshopId: string, read: (doc: Y.Doc) => T, options?: ReadOptions): Promise<T>;
  /** Reads a board's document. */
  readBoard<T>(boardId: string, read: (doc: Y.Doc) => T, options?: ReadOptions): Promise<T>;
}

export const createServerDocs = (rooms: RoomManager, workshops: WorkshopRepository): ServerDocs => {
  const reading = async <T>(room: Room, fn: (doc: Y.Doc) => T, options: ReadOptions = {}): Promise<T> => {
    room.pin();
    try {
      if (options.fresh) await room.catchUp();
      return fn(room.doc);
    } finally {
      room.unpin();
    }
  };
  const writing = async <T>(room: Room, change: (doc: Y.Doc) => T): Promise<T> => {
    room.pin();
    try {
      let result!: T;
      room.doc.transact(() => {
        result = change(room.doc);
      }, SERVER);
      await room.whenStored(STORED_WAIT_MS);
      return result;
    } finally {
      room.unpin();
    }
  };
  const boardRoom = async (boardId: string): Promise<Room> => {
    const workshop = await workshops.workshopOfBoard(boardId);
    if (!workshop) throw new Error(`unknown board ${boardId}`);
    return rooms.open(boardId);
  };
  return {
    withControl: async (workshopId, change) => writing(await rooms.open(controlDocName(workshopId)), change),
    withBoard: async (boardId, change) => writing(await boardRoom(boardId), change),
    readControl: async (workshopId, read, options) => reading(await rooms.open(controlDocName(workshopId)), read, options),
    readBoard: async (boardId, read, options) => reading(await boardRoom(boardId), read, options)
  };
};
