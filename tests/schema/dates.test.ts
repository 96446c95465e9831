import { describe, expect, it } from 'vitest';
import { DateProblemCode, addCard, dateProblems, isIsoDate, readCard, updateCard } from '@plenary/shared/schema';
import { newBoard, thaiIdea } from './fixtures.ts';

describe('action dates', () => {
  it('isIsoDate accepts real yyyy-mm-dd days only', () => {
    expect(['2018-03-12', '2020-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
    expect(['2018-02-29', '2018-13-01', '2018-3-12', '12/03/2018', '2018-03-12T00:00:00Z', ''].some(isIsoDate)).toBe(false);
  });

  it('end before start and milestones outside the range are flagged, and the card keeps every date', () => {
    const doc = newBoard();
    const id = addCard(doc, {
      kind: 'action',
      createdBy: 'Ana',
      lang: 'en',
      startDate: '2018-06-01',
      endDate: '2018-03-01',
      milestones: [
        { date: '2018-01-01', text: 'too early' },
        { date: '2018-04-01', text: 'between end and start: both problems' },
        { date: null, text: 'undated' },
        { date: '2018-12-01', text: 'too late' }
      ]
    });
    const card = readCard(doc, id)!;
    expect(card).toMatchObject({ startDate: '2018-06-01', endDate: '2018-03-01' });
    expect(dateProblems(card).map((p) => [p.code, p.path])).toEqual([
      [DateProblemCode.endBeforeStart, 'endDate'],
      [DateProblemCode.milestoneBeforeStart, 'milestones[0].date'],
      [DateProblemCode.milestoneBeforeStart, 'milestones[1].date'],
      [DateProblemCode.milestoneAfterEnd, 'milestones[1].date'],
      [DateProblemCode.milestoneAfterEnd, 'milestones[3].date']
    ]);
    updateCard(doc, id, { endDate: '2019-01-01' });
    expect(dateProblems(readCard(doc, id)!).map((p) => p.path)).toEqual(['milestones[0].date', 'milestones[1].date']);
  });

  it('an action with consistent or missing dates, and any idea, has no problems', () => {
    const doc = newBoard();
    const ok = addCard(doc, {
      kind: 'action',
      createdBy: 'a',
      lang: 'en',
      startDate: '2018-01-01',
      endDate: '2018-01-01',
      milestones: [{ date: '2018-01-01', text: '' }]
    });
    const open = addCard(doc, { kind: 'action', createdBy: 'a', lang: 'en', endDate: '2018-01-01', milestones: [{ date: '2017-01-01', text: '' }] });
    expect(dateProblems(readCard(doc, ok)!)).toEqual([]);
    expect(dateProblems(readCard(doc, open)!)).toEqual([]);
    expect(dateProblems(readCard(doc, addCard(doc, thaiIdea()))!)).toEqual([]);
  });

  it('a malformed date from a foreign writer is flagged, not thrown', () => {
    expect(dateProblems({ kind: 'action', startDate: '2018-02-30', endDate: null, milestones: [] })).toEqual([
      expect.objectContaining({ code: DateProblemCode.invalidDate, path: 'startDate' })
    ]);
  });
});
