import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  RootName,
  SCHEMA_VERSION,
  createBoardDoc,
  getCardsMap,
  getMetaMap,
  initBoard,
  isInitialised,
  readMeta,
  updateBoardMeta,
  BoardSchemaError
} from '@plenary/shared/schema';

const init = { workshopId: 'ws1', boardId: 'b-env', theme: 'environment', title: 'สิ่งแวดล้อมและคุณภาพชีวิต' };

describe('board document', () => {
  it('createBoardDoc writes the board fields under the documented root names', () => {
    const doc = createBoardDoc(init);
    expect(getMetaMap(doc)).toBe(doc.getMap(RootName.meta));
    expect(getCardsMap(doc)).toBe(doc.getMap(RootName.cards));
    expect(doc.getMap('board').get('schemaVersion')).toBe(SCHEMA_VERSION);
    const meta = readMeta(doc);
    expect(meta).toMatchObject({ ...init, locked: false });
    expect(Date.parse(meta.createdAt)).not.toBeNaN();
  });

  it('initBoard is harmless on a board that is already initialised', () => {
    const doc = new Y.Doc();
    expect(isInitialised(doc)).toBe(false);
    expect(initBoard(doc, init)).toBe(true);
    expect(initBoard(doc, { ...init, title: 'other' })).toBe(false);
    expect(readMeta(doc).title).toBe(init.title);
  });

  it('initBoard tags its transaction with the caller origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const me = { person: 'facilitator' };
    initBoard(doc, init, me);
    expect(origins).toEqual([me]);
  });

  it('updateBoardMeta changes title and lock flag and refuses unknown fields', () => {
    const doc = createBoardDoc(init);
    updateBoardMeta(doc, { locked: true, title: 'Environment' });
    expect(readMeta(doc)).toMatchObject({ locked: true, title: 'Environment' });
    expect(() => updateBoardMeta(doc, { theme: 'x' } as never)).toThrow(BoardSchemaError);
  });
});
