/**
 * How the server reads and changes documents itself (facilitation actions, vote tallies): open the room,
 * keep it loaded while writing, and write in one transaction with the SERVER origin — so the change
 * is stored, sent to every connected client and published to the other instances like any edit.
 */
import type * as Y from 'yjs';
import { controlDocName } from '@plenary/shared/protocol';
import { SERVER } from '../sync/origins.ts';
import type { RoomManager } from '../sync/room-manager.ts';
import type { Room } from '../sync/room.ts';
import type { WorkshopRepository } from '../workshops/repository.ts';

export interface ServerDocs {
  /** Changes the workshop's control document; returns what `change` returned. */
  withControl<T>(workshopId: string, change: (doc: Y.Doc) => T): Promise<T>;
  /** Changes a board's document. */
  withBoard<T>(boardId: string, change: (doc: Y.Doc) => T): Promise<T>;
  /** Reads the workshop's control document (no change is stored). */
  readControl<T>(workshopId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Reads a board's document. */
  readBoard<T>(boardId: string, read: (doc: Y.Doc) => T): Promise<T>;
}

export const createServerDocs = (rooms: RoomManager, workshops: WorkshopRepository): ServerDocs => {
  const using = async <T>(room: Room, fn: (doc: Y.Doc) => T): Promise<T> => {
    room.pin();
    try {
      return fn(room.doc);
    } finally {
      room.unpin();
    }
  };
  const boardRoom = async (boardId: string): Promise<Room> => {
    const workshop = await workshops.workshopOfBoard(boardId);
    if (!workshop) throw new Error(`unknown board ${boardId}`);
    return rooms.open(boardId);
  };
  const write =
    <T>(change: (doc: Y.Doc) => T) =>
    (doc: Y.Doc) => {
      let result!: T;
      doc.transact(() => {
        result = change(doc);
      }, SERVER);
      return result;
    };
  return {
    withControl: async (workshopId, change) => using(await rooms.open(controlDocName(workshopId)), write(change)),
    withBoard: async (boardId, change) => using(await boardRoom(boardId), write(change)),
    readControl: async (workshopId, read) => using(await rooms.open(controlDocName(workshopId)), read),
    readBoard: async (boardId, read) => using(await boardRoom(boardId), read)
  };
};
