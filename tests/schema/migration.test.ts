import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  SchemaErrorCode,
  addCard,
  documentVersion,
  getCardText,
  listLane,
  migrateBoard,
  moveCard,
  readBoard
} from '@plenary/shared/schema';
import { validateBoard } from '@plenary/shared/schema/zod';
import { exchange, newBoard, refusal } from './fixtures.ts';

/** A board as the pre-release version wrote it: separate lane/order keys, no lang, no schemaVersion. */
const version0Board = (): Y.Doc => {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('board');
    meta.set('workshopId', 'ws-old');
    meta.set('boardId', 'b-old');
    meta.set('theme', 'culture');
    meta.set('title', 'วัฒนธรรม นันทนาการและการท่องเที่ยว');
    meta.set('locked', false);
    meta.set('createdAt', '2018-03-13T02:00:00.000Z');
    const cards = doc.getMap('cards');
    const put = (id: string, lane: string, order: string, text: string) => {
      const card = new Y.Map<unknown>();
      cards.set(id, card);
      for (const [k, v] of Object.entries({ id, kind: 'idea', lane, order, createdAt: '2018-03-13T03:00:00.000Z', createdBy: 'Old', authorCity: 'Bangkok' }))
        card.set(k, v);
      card.set('text', new Y.Text(text));
    };
    put('old1', 'ideas', 'a1', 'เทศกาลสงกรานต์');
    put('old2', 'ideas', 'a0', '成都美食节');
    put('old3', 'agreed', 'not-a-key', 'ฟุตบอลเยาวชน');
    put('old4', 'agreed', 'also bad', 'Youth football');
  });
  return doc;
};

describe('migrations', () => {
  it('a version-0 board is upgraded in place: position, language, translations map, version', () => {
    const doc = version0Board();
    expect(documentVersion(doc)).toBe(0);
    const result = migrateBoard(doc, 'server');
    expect(result).toEqual({ from: 0, to: SCHEMA_VERSION, migrated: true });
    expect(doc.getMap('board').get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(listLane(doc, 'ideas').map((c) => c.id)).toEqual(['old2', 'old1']);
    expect(listLane(doc, 'agreed').map((c) => c.id)).toEqual(['old4', 'old3']);
    const card = doc.getMap('cards').get('old1') as Y.Map<unknown>;
    expect(card.has('lane')).toBe(false);
    expect(card.has('order')).toBe(false);
    expect(card.get('lang')).toBe('und');
    expect(card.get('translations')).toBeInstanceOf(Y.Map);
    expect(getCardText(doc, 'old1', 'text').toString()).toBe('เทศกาลสงกรานต์');
    const snapshot = readBoard(doc);
    expect(validateBoard(snapshot)).toEqual({ ok: true, value: snapshot });
    // The migrated board works with every helper.
    expect(moveCard(doc, 'old3', { lane: 'ideas', index: 1 })).toBe(true);
    expect(listLane(doc, 'ideas').map((c) => c.id)).toEqual(['old2', 'old3', 'old1']);
  });

  it('migrating twice, or on two replicas at once, converges on the same board', () => {
    const a = version0Board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateBoard(a);
    migrateBoard(b);
    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    expect(migrateBoard(a)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, migrated: false });
    expect(validateBoard(readBoard(a)).ok).toBe(true);
  });

  it('a current board and an empty doc are left alone', () => {
    const doc = newBoard();
    addCard(doc, { kind: 'idea', createdBy: 'x', lang: 'en' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrateBoard(doc).migrated).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(migrateBoard(new Y.Doc())).toEqual({ from: null, to: SCHEMA_VERSION, migrated: false });
  });

  it('a board from a newer version is refused, untouched', () => {
    const doc = newBoard();
    doc.getMap('board').set('schemaVersion', SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(refusal(() => migrateBoard(doc)).code).toBe(SchemaErrorCode.newerVersion);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('there is one migration step from every older version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i));
  });
});
