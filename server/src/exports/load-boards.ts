/**
 * Reading boards for export, in two halves so the costly one runs off the event loop:
 *  - `loadBoardSource` (server thread): the board's bytes — the live document's state when the
 *    board is open in this process (it holds edits still on their way to the store), else the
 *    stored updates; or a saved version's snapshot. Cheap: no document is read into JSON here.
 *  - `exportBoardOf` (render worker): those bytes as an export board, upgraded like a room would
 *    on load, board fields not yet written filled from the workshop's record.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { migrateBoard, readBoard, type BoardSnapshot } from '@plenary/shared/schema';
import type { ConsentByAction, ExportBoard, ExportWorkshop } from '@plenary/shared/export';
import { themeName } from '@plenary/shared/themes';
import type { Store } from '../persistence/store.ts';
import type { BoardRef, Workshop } from '../workshops/workshop.ts';

/** The rooms of this process, as far as exports need them (a `RoomManager` fits). */
export interface LiveBoards {
  get(name: string): { readonly loaded: boolean; readonly doc: Y.Doc } | undefined;
}

/** A board as the render worker receives it (plain data: it is copied to the worker thread). */
export interface BoardSource {
  ref: BoardRef;
  /** Each city's consent on the board's actions. */
  consent?: ConsentByAction;
  /** A saved version's snapshot, exported as it is. */
  snapshot?: BoardSnapshot;
  /** Otherwise the document's updates; `live` when they are a loaded room's state (already upgraded). */
  updates?: Uint8Array[];
  live?: boolean;
}

/** The board's bytes (or the given saved snapshot), ready to send to the render worker. */
export const loadBoardSource = async (
  store: Store,
  live: LiveBoards | undefined,
  ref: BoardRef,
  consent?: ConsentByAction,
  saved?: BoardSnapshot
): Promise<BoardSource> => {
  const base = { ref, ...(consent ? { consent } : {}) };
  if (saved) return { ...base, snapshot: saved };
  const room = live?.get(ref.id);
  if (room?.loaded) return { ...base, updates: [Y.encodeStateAsUpdate(room.doc)], live: true };
  const stored = await store.loadDoc(ref.id);
  return { ...base, updates: stored?.updates ?? [] };
};

/**
 * Every board of a workshop export, one after another with a turn of the event loop between them.
 * Encoding an open board is a few ms for the seminar's boards and 10–15 ms for one of 2,000 cards;
 * asked for all at once, a workshop's boards were encoded in one piece (130 ms for ten such boards),
 * and the instance's sync and requests waited for all of them.
 */
export const loadBoardSources = async (
  store: Store,
  live: LiveBoards | undefined,
  refs: readonly BoardRef[],
  consentOf: (ref: BoardRef) => ConsentByAction | undefined
): Promise<BoardSource[]> => {
  const sources: BoardSource[] = [];
  for (const ref of refs) {
    if (sources.length > 0) await nextTurn();
    sources.push(await loadBoardSource(store, live, ref, consentOf(ref)));
  }
  return sources;
};

const readUpdates = (updates: readonly Uint8Array[], live: boolean): BoardSnapshot => {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));
    if (!live) migrateBoard(doc);
    return readBoard(doc);
  } finally {
    doc.destroy();
  }
};

/**
 * One board as an export input; board fields not yet written fall back to the workshop's record.
 * A board titled by its theme is titled by the theme's name in the document's language `lang`.
 */
export const exportBoardOf = (source: BoardSource, workshopId: string, lang: string): ExportBoard => {
  const { ref } = source;
  const snapshot = source.snapshot ?? readUpdates(source.updates ?? [], source.live === true);
  const board = snapshot.board;
  const theme = themeName(ref, lang);
  const title = !board.title || board.title === ref.theme ? theme : board.title;
  return {
    theme,
    ...(source.consent ? { consent: source.consent } : {}),
    snapshot: {
      ...snapshot,
      board: { ...board, workshopId: board.workshopId || workshopId, boardId: board.boardId || ref.id, theme: board.theme || ref.theme, title }
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
