import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SCHEMA_VERSION,
  SNAPSHOT_FORMAT,
  SchemaErrorCode,
  addCard,
  addListItem,
  getCardText,
  initBoard,
  laneCounts,
  moveCard,
  readBoard,
  type BoardSnapshot
} from '@plenary/shared/schema';
import { validateBoard, writeBoard } from '@plenary/shared/schema/zod';
import { chineseIdea, newBoard, refusal, thaiIdea } from './fixtures.ts';

const sampleBoard = (): Y.Doc => {
  const doc = newBoard();
  addCard(doc, thaiIdea());
  addCard(doc, { kind: 'practice', createdBy: 'Trần', authorCity: 'Ho Chi Minh City', lang: 'vi', text: 'Xe buýt điện', sourceCity: 'Ho Chi Minh City' });
  const action = addCard(doc, {
    kind: 'action',
    createdBy: 'Li Wei',
    authorCity: 'Chengdu',
    lang: 'zh',
    title: '青年交流计划',
    leadCity: 'Chengdu',
    partnerCities: ['Bangkok', 'Fukuoka Prefecture'],
    startDate: '2018-09-01',
    endDate: '2019-08-31',
    indicators: [{ indicator: '参与学生人数', target: '200' }]
  });
  addListItem(doc, action, 'milestones', { date: '2019-01-15', text: '第一次交流' });
  moveCard(doc, action, { lane: 'agreed' });
  addCard(doc, { ...chineseIdea(), lane: 'parked' });
  return doc;
};

const expectIssueAt = (snapshot: unknown, path: string): void => {
  const result = validateBoard(snapshot);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
};

describe('JSON snapshot format', () => {
  it('readBoard gives the versioned format, lane by lane in display order, and it validates', () => {
    const snapshot = readBoard(sampleBoard());
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    expect(snapshot.schemaVersion).toBe(SCHEMA_VERSION);
    expect(snapshot.cards.map((c) => c.lane)).toEqual(['ideas', 'ideas', 'agreed', 'parked']);
    expect(validateBoard(snapshot)).toEqual({ ok: true, value: snapshot });
    // Plain JSON: survives a trip through a file unchanged.
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('writeBoard into an empty doc reproduces the board exactly, with live Y.Text fields', () => {
    const original = readBoard(sampleBoard());
    const copy = new Y.Doc();
    writeBoard(copy, original);
    expect(readBoard(copy)).toEqual(original);
    expect(laneCounts(copy)).toEqual({ ideas: 2, proposed: 0, agreed: 1, parked: 1 });
    const id = original.cards[0]!.id;
    getCardText(copy, id, 'text').insert(0, '✓ ');
    expect(readBoard(copy).cards[0]).toMatchObject({ text: '✓ ลดขยะพลาสติกในตลาดสด' });
  });

  it('writeBoard refuses a doc that already has cards, and invalid snapshots, writing nothing', () => {
    const doc = sampleBoard();
    const before = readBoard(doc);
    expect(refusal(() => writeBoard(doc, before)).code).toBe(SchemaErrorCode.notEmpty);
    const empty = new Y.Doc();
    const broken = structuredClone(before) as BoardSnapshot;
    (broken.cards[2] as { endDate: string }).endDate = '2019-13-01';
    const error = refusal(() => writeBoard(empty, broken));
    expect(error.code).toBe(SchemaErrorCode.invalidInput);
    expect(error.issues.map((i) => i.path)).toEqual(['cards[2].endDate']);
    expect(empty.getMap('cards').size).toBe(0);
    expect(empty.getMap('board').size).toBe(0);
  });

  it('validateBoard names the path of each problem', () => {
    const good = readBoard(sampleBoard());
    // biome-ignore lint/suspicious/noExplicitAny: the test damages the stored board's JSON at any depth on purpose
    const withBad = (edit: (s: Record<string, any>) => void): unknown => {
      // biome-ignore lint/suspicious/noExplicitAny: the test damages the stored board's JSON at any depth on purpose
      const copy = structuredClone(good) as Record<string, any>;
      edit(copy);
      return copy;
    };
    expectIssueAt(
      withBad((s) => (s.schemaVersion = 99)),
      'schemaVersion'
    );
    expectIssueAt(
      withBad((s) => (s.format = 'trello')),
      'format'
    );
    expectIssueAt(
      withBad((s) => delete s.board.title),
      'board.title'
    );
    expectIssueAt(
      withBad((s) => (s.cards[0].kind = 'sticky')),
      'cards[0].kind'
    );
    expectIssueAt(
      withBad((s) => (s.cards[1].lane = 'done')),
      'cards[1].lane'
    );
    expectIssueAt(
      withBad((s) => (s.cards[2].milestones[0].date = '15/01/2019')),
      'cards[2].milestones[0].date'
    );
    expectIssueAt(
      withBad((s) => (s.cards[2].status = 'finished')),
      'cards[2].status'
    );
    expectIssueAt(
      withBad((s) => (s.cards[2].partnerCities = 'Bangkok')),
      'cards[2].partnerCities'
    );
    expectIssueAt(
      withBad((s) => (s.cards[3].order = '!!')),
      'cards[3].order'
    );
    expectIssueAt(
      withBad((s) => (s.cards[3].id = s.cards[0].id)),
      'cards[3].id'
    );
    expectIssueAt(
      withBad((s) => (s.cards[0].lang = 'thai language')),
      'cards[0].lang'
    );
    expectIssueAt('not a board', '');
  });

  it('validateBoard accepts fields it does not know (from newer writers) and drops them from the value', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test damages the stored board's JSON at any depth on purpose
    const snapshot = readBoard(sampleBoard()) as Record<string, any>;
    snapshot.cards[0].tally = { votes: 3 };
    snapshot.exportedBy = 'another tool';
    const result = validateBoard(snapshot);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.cards[0]).not.toHaveProperty('tally');
  });

  it('a written board can be initialised only once: initBoard leaves imported fields alone', () => {
    const doc = new Y.Doc();
    writeBoard(doc, readBoard(sampleBoard()));
    expect(initBoard(doc, { workshopId: 'x', boardId: 'y', theme: 'z', title: 'other' })).toBe(false);
  });
});
