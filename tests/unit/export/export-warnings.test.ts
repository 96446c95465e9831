/** Before exporting: agreed actions missing a lead city, dates or indicators are flagged. */
import { describe, expect, it } from 'vitest';
import { exportWarnings } from '@plenary/shared/export';
import { buildEnvironmentBoard } from '../../export/fixtures.ts';

describe('exportWarnings', () => {
  it('flags the agreed action that lacks a lead city, dates and indicators, and only it', () => {
    const board = buildEnvironmentBoard();
    const warnings = exportWarnings(board);
    expect(warnings).toEqual([{ cardId: expect.any(String), title: 'Unfinished action', missing: ['lead-city', 'dates', 'indicators'] }]);
  });

  it('counts a dated milestone as a date, and ignores empty indicators and blank lead cities', () => {
    const board = buildEnvironmentBoard();
    const card = board.cards.find((c) => c.kind === 'action' && c.title === 'Unfinished action');
    if (card?.kind !== 'action') throw new Error('fixture');
    card.milestones = [{ id: 'm1', date: '2026-07-01', text: '' }];
    card.indicators = [{ id: 'i1', indicator: '  ', target: '5' }];
    card.leadCity = ' ';
    expect(exportWarnings(board)[0]!.missing).toEqual(['lead-city', 'indicators']);
  });

  it('does not flag proposed actions', () => {
    const board = buildEnvironmentBoard();
    expect(exportWarnings(board).some((w) => w.title.startsWith('Only proposed'))).toBe(false);
  });
});
