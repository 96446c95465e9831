/**
 * iCalendar export: every dated milestone and end date of an agreed action is an all-day event
 * with a UID stable across exports; text survives exactly (parsed back with ical.js).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkExportInput, describeProblem, eventUid, ExportProblemCode, ICS_WARNING, renderCheckedExport, renderIcs } from '@plenary/shared/export';
import type { ActionCard } from '@plenary/shared/schema';
import { buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT_SHOWN } from '../../export/fixtures.ts';

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
    expect(events.every((e) => new RegExp(`${TAKEN_AT_SHOWN.source} · Version: Day 2 close`).test(e.description))).toBe(true);
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

describe('iCalendar export of a board written by a hostile client', () => {
  const INJECTED = 'x\r\nATTENDEE:mailto:attacker@evil.example\r\nX-EVIL:1';

  /** The environment board with one agreed action carrying what no form lets through. */
  const hostileInput = () => {
    const doc = exportInput([buildEnvironmentBoard()]);
    const cards = doc.boards[0]!.snapshot.cards;
    const action = cards.find((c): c is ActionCard => c.kind === 'action' && c.title === SCRIPT_TITLES.th)!;
    cards.push({ ...action, id: INJECTED, order: 'zz' } as ActionCard);
    action.endDate = '2026-13-45';
    action.milestones = [
      { id: 'm1', date: 'not-a-date', text: 'Survey' },
      { id: 'm2', date: '2026-06-30', text: 'Pilot' }
    ];
    return { doc, action };
  };

  const lines = (text: string) => text.split('\r\n').map((l) => l.split(':')[0]!.split(';')[0]);

  it('percent-encodes every part of a UID, so an id with a line break adds no property', () => {
    const { doc } = hostileInput();
    const text = renderIcs(doc);
    expect(lines(text)).not.toContain('ATTENDEE');
    expect(lines(text)).not.toContain('X-EVIL');
    expect(eventUid('w', 'b', INJECTED, 'end')).toBe(`w.b.${encodeURIComponent(INJECTED)}.end@plenary`);
    expect(eventUid('ws1', 'board-env', 'abc_D-1', 'end')).toBe('ws1.board-env.abc_D-1.end@plenary');
  });

  it('skips dates that are not real days and names them in X-PLENARY-WARNING instead of failing', () => {
    const { doc, action } = hostileInput();
    const parsed = new ICAL.Component(ICAL.parse(renderIcs(doc)));
    const warnings = parsed.getAllProperties(ICS_WARNING.toLowerCase()).map((p) => String(p.getFirstValue()));
    expect(warnings.some((w) => w.includes('2026-13-45'))).toBe(true);
    expect(warnings.some((w) => w.includes('not-a-date'))).toBe(true);
    const ofAction = parsed
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c))
      .filter((e) => e.uid.includes(action.id));
    expect(ofAction.map((e) => e.startDate.toString())).toEqual(['2026-06-30']);
  });

  it('checked against the snapshot schema first: bad dates left empty, a card with a bad id left out, each reported', () => {
    const { doc, action } = hostileInput();
    const { input, problems } = checkExportInput(doc);
    const checked = input.boards[0]!.snapshot.cards;
    expect(checked.map((c) => c.id)).not.toContain(INJECTED);
    const kept = checked.find((c) => c.id === action.id) as ActionCard;
    expect([kept.endDate, kept.milestones[0]!.date, kept.milestones[1]!.date]).toEqual([null, null, '2026-06-30']);
    expect(problems.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        [ExportProblemCode.invalidDate, 'endDate'],
        [ExportProblemCode.invalidDate, 'milestones[0].date'],
        [ExportProblemCode.invalidCard, '']
      ])
    );
    // What a problem quotes is printable: the injected line break does not survive into it.
    for (const p of problems) expect(describeProblem(p)).not.toMatch(/[\r\n]/);
  });

  it('lists what it left out under X-PLENARY-WARNING when rendered through the checked export', async () => {
    const { doc } = hostileInput();
    const out = await renderCheckedExport('ics', doc, { lang: 'en', mode: 'working' });
    if (out.result.kind !== 'file') throw new Error('a file');
    const text = out.result.body as string;
    expect(text.split('\r\n').filter((l) => l.startsWith(`${ICS_WARNING}:`))).toHaveLength(out.problems.length);
    expect(out.problems.length).toBe(3);
    expect(lines(text)).not.toContain('ATTENDEE');
  });
});
