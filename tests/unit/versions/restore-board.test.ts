import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addListItem,
  deleteCard,
  getListItemText,
  moveCard,
  readBoard,
  removeListItem,
  setCardText,
  setMilestoneDate,
  updateCard,
  type BoardSnapshot
} from '@plenary/shared/schema';
import { isSameContent, restoreBoard } from '@plenary/shared/versions';
import { newVersionBoard } from './board-fixture.ts';

/** The snapshot kept by a version: through JSON, as the store keeps it. */
const saved = (doc: Y.Doc): BoardSnapshot => JSON.parse(JSON.stringify(readBoard(doc))) as BoardSnapshot;

/** A round of edits touching every part of a board. */
const editEverything = (doc: Y.Doc, ids: Record<string, string>) => {
  addCard(doc, { kind: 'action', createdBy: 'Bat', authorCity: 'Ulaanbaatar', lang: 'mn', title: 'Нүүрстөрөгч', lane: 'proposed' });
  deleteCard(doc, ids.practice!);
  moveCard(doc, ids.idea!, { lane: 'parked' });
  moveCard(doc, ids.second!, { lane: 'ideas', index: 0 });
  setCardText(doc, ids.idea!, 'text', 'ลดขยะ ✗ ភាសាខ្មែរ');
  setCardText(doc, ids.action!, 'title', '[x](javascript:alert(1)) \u0007');
  updateCard(doc, ids.action!, { leadCity: 'Bangkok', partnerCities: ['Da Nang', 'Chengdu'], startDate: null, status: 'in-progress' });
  const milestones = readBoard(doc).cards.find((c) => c.id === ids.action)!;
  if (milestones.kind !== 'action') throw new Error('not an action');
  removeListItem(doc, ids.action!, 'milestones', milestones.milestones[0]!.id);
  setMilestoneDate(doc, ids.action!, milestones.milestones[1]!.id, '2026-09-09');
  addListItem(doc, ids.action!, 'indicators', { indicator: '学校', target: '12' });
  const text = getListItemText(doc, ids.action!, 'indicators', milestones.indicators[0]!.id, 'target');
  text.insert(0, '≥ ');
  doc.getMap('board').set('title', 'Changed title');
};

describe('restoring a board to a saved version', () => {
  it('brings back the exact earlier content (Thai, CJK, hostile text), in one transaction', () => {
    const { doc, ids } = newVersionBoard();
    const version = saved(doc);
    editEverything(doc, ids);
    expect(isSameContent(version, readBoard(doc))).toBe(false);

    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const summary = restoreBoard(doc, version, 'restore');
    expect(transactions).toBe(1);
    expect(readBoard(doc)).toEqual(version);
    // The idea (moved, text) and the action; the Russian idea was not touched.
    expect(summary).toEqual({ deleted: 1, created: 1, updated: 2, title: true });
  });

  it('is undone by restoring the "before" version saved just ahead of it', () => {
    const { doc, ids } = newVersionBoard();
    const version = saved(doc);
    editEverything(doc, ids);
    const before = saved(doc);
    restoreBoard(doc, version);
    restoreBoard(doc, before);
    expect(readBoard(doc)).toEqual(before);
  });

  it('writes nothing when the board already holds the version', () => {
    const { doc } = newVersionBoard();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(restoreBoard(doc, saved(doc))).toEqual({ deleted: 0, created: 0, updated: 0, title: false });
    expect(updates).toEqual([]);
  });

  it('changes only the differing part of a text, keeping a co-editor’s concurrent typing elsewhere', () => {
    const { doc, ids } = newVersionBoard();
    setCardText(doc, ids.action, 'objective', 'AAAA middle ZZZZ');
    const version = saved(doc);
    setCardText(doc, ids.action, 'objective', 'AAAA changed ZZZZ');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // The peer types at the very end while the server restores the middle.
    setCardText(peer, ids.action, 'objective', 'AAAA changed ZZZZ!');
    restoreBoard(doc, version);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
    const objective = (d: Y.Doc) => (readBoard(d).cards.find((c) => c.id === ids.action) as { objective: string }).objective;
    expect(objective(doc)).toBe('AAAA middle ZZZZ!');
    expect(objective(peer)).toBe(objective(doc));
  });

  it('re-creates a deleted card with its id, lists and order key', () => {
    const { doc, ids } = newVersionBoard();
    const version = saved(doc);
    deleteCard(doc, ids.action);
    restoreBoard(doc, version);
    expect(readBoard(doc).cards.find((c) => c.id === ids.action)).toEqual(version.cards.find((c) => c.id === ids.action));
  });

  it('leaves the board’s lock as the facilitator set it now', () => {
    const { doc } = newVersionBoard();
    const version = saved(doc);
    doc.getMap('board').set('locked', true);
    restoreBoard(doc, version);
    expect(readBoard(doc).board.locked).toBe(true);
  });
});
