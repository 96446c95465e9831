/**
 * iCalendar export: every dated milestone and end date of an agreed action is an all-day event
 * with a UID stable across exports; text survives exactly (parsed back with ical.js).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderIcs } from '@plenary/shared/export';
import type { ActionCard } from '@plenary/shared/schema';
import { buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES } from '../../export/fixtures.ts';

const env = buildEnvironmentBoard();
const ics = renderIcs(exportInput([env], 'Day 2 close'));
const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
const agreed = env.cards.filter((c): c is ActionCard => c.kind === 'action' && c.lane === 'agreed');

describe('iCalendar export', () => {
  it('has one all-day event per dated milestone and per end date of the agreed actions', () => {
    const expected = agreed.reduce((n, a) => n + a.milestones.filter((m) => m.date).length + (a.endDate ? 1 : 0), 0);
    expect(events).toHaveLength(expected);
    for (const event of events) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.endDate.toString()).toBe(event.startDate.clone().adjust(1, 0, 0, 0).toString());
    }
  });

  it('dates events on the days given', () => {
    const thai = agreed.find((a) => a.title === SCRIPT_TITLES.th)!;
    const ofThai = events.filter((e) => e.uid.includes(thai.id));
    expect(ofThai.map((e) => e.startDate.toString()).sort()).toEqual(['2026-06-30', '2026-12-31']);
  });

  it('keeps Thai, CJK and hostile text exactly in summaries, without control characters', () => {
    const summaries = events.map((e) => e.summary);
    for (const title of Object.values(SCRIPT_TITLES)) expect(summaries.some((s) => s.includes(title))).toBe(true);
    expect(summaries).toContain(`${HOSTILE.formula} (ends)`);
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(events.every((e) => e.description.includes('Taken at 2026-03-16 09:30 UTC · Version: Day 2 close'))).toBe(true);
  });

  it('uses the same UIDs on every export, one per action and milestone', () => {
    const again = new ICAL.Component(ICAL.parse(renderIcs({ ...exportInput([env]), takenAt: '2026-05-01T00:00:00.000Z' })))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c).uid);
    expect(again.sort()).toEqual(events.map((e) => e.uid).sort());
    expect(new Set(again).size).toBe(again.length);
  });

  it('leaves out actions that are not agreed', () => {
    expect(events.some((e) => e.summary.includes('Only proposed'))).toBe(false);
  });
});
