/** Creating a board document and changing its board-level fields (title, lock). */
import * as Y from 'yjs';
import { SCHEMA_VERSION } from './constants.ts';
import { getMetaMap, transact } from './doc-layout.ts';
import { InputCheck } from './input-checks.ts';

/** What a new board is told about itself. */
export interface BoardInit {
  workshopId: string;
  boardId: string;
  /** Theme key, e.g. `environment`. */
  theme: string;
  /** Title shown on the board, e.g. the theme's name. */
  title: string;
  /** ISO timestamp; now by default. */
  createdAt?: string;
}

/** True when the document already carries a schema version (it was initialised or migrated). */
export const isInitialised = (doc: Y.Doc): boolean => typeof getMetaMap(doc).get('schemaVersion') === 'number';

/**
 * Writes the board-level fields of a new board: schema version, ids, theme, title, unlocked.
 * Does nothing on a document that is already initialised, so calling it twice is harmless.
 * Returns true when it wrote.
 */
export const initBoard = (doc: Y.Doc, init: BoardInit, origin?: unknown): boolean => {
  const parsed = InputCheck.boardInit(init, 'board');
  if (isInitialised(doc)) return false;
  transact(doc, origin, () => {
    const meta = getMetaMap(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('workshopId', parsed.workshopId);
    meta.set('boardId', parsed.boardId);
    meta.set('theme', parsed.theme);
    meta.set('title', parsed.title);
    meta.set('locked', false);
    meta.set('createdAt', parsed.createdAt ?? new Date().toISOString());
  });
  return true;
};

/** A new Y.Doc holding an initialised, empty board. */
export const createBoardDoc = (init: BoardInit, origin?: unknown): Y.Doc => {
  const doc = new Y.Doc();
  initBoard(doc, init, origin);
  return doc;
};

/** Board-level fields that may change after creation. */
export interface BoardMetaPatch {
  title?: string;
  /** The lock flag. Only the server should honour or set it for real (facilitators only). */
  locked?: boolean;
}

/** Changes the title or the lock flag of a board. */
export const updateBoardMeta = (doc: Y.Doc, patch: BoardMetaPatch, origin?: unknown): void => {
  const parsed = InputCheck.boardMetaPatch(patch, 'board change');
  transact(doc, origin, () => {
    const meta = getMetaMap(doc);
    for (const [key, value] of Object.entries(parsed)) if (value !== undefined) meta.set(key, value);
  });
};
