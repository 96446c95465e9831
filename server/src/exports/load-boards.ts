/**
 * Reading boards for export: the live document when the board is open in this process (it holds
 * edits still on their way to the store), else the stored one, upgraded like a room would on load.
 */
import * as Y from 'yjs';
import { migrateBoard, readBoard, type BoardSnapshot } from '@plenary/shared/schema';
import type { ConsentByAction, ExportBoard, ExportWorkshop } from '@plenary/shared/export';
import type { Store } from '../persistence/store.ts';
import type { BoardRef, Workshop } from '../workshops/workshop.ts';

/** The rooms of this process, as far as exports need them (a `RoomManager` fits). */
export interface LiveBoards {
  get(name: string): { readonly loaded: boolean; readonly doc: Y.Doc } | undefined;
}

const readStored = async (store: Store, boardId: string): Promise<BoardSnapshot> => {
  const doc = new Y.Doc();
  try {
    const stored = await store.loadDoc(boardId);
    if (stored) Y.transact(doc, () => stored.updates.forEach((u) => Y.applyUpdate(doc, u)));
    migrateBoard(doc);
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
};

/** One board as an export input; board fields not yet written fall back to the workshop's record. */
export const loadExportBoard = async (
  store: Store,
  live: LiveBoards | undefined,
  workshop: Workshop,
  ref: BoardRef,
  /** A saved version's snapshot to export instead of the board now. */
  saved?: BoardSnapshot,
  /** Each city's consent on the board's actions. */
  consent?: ConsentByAction
): Promise<ExportBoard> => {
  const room = live?.get(ref.id);
  const snapshot = saved ?? (room?.loaded ? readBoard(room.doc) : await readStored(store, ref.id));
  const board = snapshot.board;
  return {
    theme: ref.theme,
    ...(consent ? { consent } : {}),
    snapshot: {
      ...snapshot,
      board: { ...board, workshopId: board.workshopId || workshop.id, boardId: board.boardId || ref.id, theme: board.theme || ref.theme, title: board.title || ref.theme }
    }
  };
};

/** The workshop's fields that exports print. */
export const exportWorkshopOf = (w: Workshop): ExportWorkshop => ({
  id: w.id,
  title: w.title,
  hostCity: w.hostCity ?? null,
  cities: w.cities,
  startDate: w.startDate ?? null,
  endDate: w.endDate ?? null
});
