/**
 * CSV export: UTF-8 with BOM, one row per card, text round-trips exactly (Thai, CJK, Khmer,
 * Cyrillic), formula-like cells are neutralised, control characters are gone.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT } from '../../export/fixtures.ts';
import { readCsvWithPython } from '../../export/python-csv.ts';

const env = buildEnvironmentBoard();
const csv = renderCsv(exportInput([env, buildCultureBoard()], 'Day 2 close'));
const rows = parse(csv, { bom: true, columns: true, relax_column_count: false }) as Array<Record<string, string>>;

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark and has the documented header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
  });

  it('has one row per card of every board, each naming the moment and version taken', () => {
    expect(rows).toHaveLength(env.cards.length + 1);
    for (const row of rows) expect([row.takenAt, row.version]).toEqual([TAKEN_AT, 'Day 2 close']);
  });

  it('round-trips every script exactly', () => {
    const titles = rows.map((r) => r.title);
    for (const title of Object.values(SCRIPT_TITLES)) expect(titles).toContain(title);
    expect(rows.map((r) => r.text)).toContain('ตลาดน้ำสีเขียว\nบรรทัดที่สอง');
    expect(rows.map((r) => r.title)).toContain('文化节互访');
  });

  it("neutralises every cell a spreadsheet would run as a formula with a leading '", () => {
    const hostile = rows.find((r) => r.title?.includes('HYPERLINK'))!;
    expect(hostile.title).toBe(`'${HOSTILE.formula}`);
    // A dated milestone starts with its date, so the cell is safe as it is.
    expect(hostile.milestones).toBe(`2026-05-01: ${HOSTILE.plusFormula}`);
    expect(hostile.partnerCities).toBe(`'${HOSTILE.atFormula}; Moscow`);
    expect(hostile.indicators?.startsWith("'")).toBe(true);
    expect(hostile.indicators).toBe(`'${HOSTILE.minusFormula} (target: ${HOSTILE.tabFormula})`);
    for (const row of rows) for (const [column, value] of Object.entries(row)) expect(value, column).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises a formula at the start of an undated milestone too', () => {
    const doc = exportInput([env]);
    const card = doc.boards[0]!.snapshot.cards.find((c) => c.kind === 'action' && c.title.includes('HYPERLINK'))!;
    if (card.kind !== 'action') throw new Error('fixture');
    card.milestones = [{ id: 'm1', date: null, text: HOSTILE.plusFormula }];
    const parsed = parse(renderCsv(doc), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(parsed.find((r) => r.id === card.id)!.milestones).toBe(`'${HOSTILE.plusFormula}`);
  });

  it('strips control characters and keeps HTML as plain text', () => {
    const hostile = rows.find((r) => r.title?.includes('HYPERLINK'))!;
    expect(hostile.responsibleOfficer).toBe(HOSTILE.controlsCleaned);
    expect(hostile.objective).toBe(HOSTILE.script);
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });
});

describe('CSV export read by a strict reader (Python csv)', () => {
  const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f'];

  const multiLine = () => {
    const doc = exportInput([buildEnvironmentBoard()]);
    const board = doc.boards[0]!;
    const action = board.snapshot.cards.find((c) => c.kind === 'action' && c.title === SCRIPT_TITLES.th)!;
    if (action.kind !== 'action') throw new Error('fixture');
    action.milestones = [
      { id: 'm1', date: '2026-05-01', text: 'Survey' },
      { id: 'm2', date: '2026-06-01', text: 'Pilot' },
      { id: 'm3', date: null, text: 'Report' }
    ];
    action.objective = `${BREAKS.map((b, i) => `line ${i}${b}`).join('')}end`;
    action.resources = 'a\u2028b\u2029c';
    doc.boards = [
      {
        ...board,
        consent: {
          [action.id]: [
            { city: 'Seoul', answer: 'endorse' },
            { city: 'Hanoi', answer: 'object', note: 'Budget\nunclear' }
          ]
        }
      }
    ];
    return { doc, action };
  };

  it('keeps an action with multi-line milestones, consent and every kind of line break in one row', () => {
    const { doc, action } = multiLine();
    const csv = renderCsv(doc);
    const records = readCsvWithPython(csv);
    const [header, ...body] = records;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(body).toHaveLength(doc.boards[0]!.snapshot.cards.length);
    for (const record of body) expect(record).toHaveLength(CSV_COLUMNS.length);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, body.find((r) => r[CSV_COLUMNS.indexOf('id')] === action.id)![i]]));
    expect(row.milestones!.split('\n')).toHaveLength(3);
    expect(row.consent!.split('\n').length).toBeGreaterThanOrEqual(2);
    expect(row.resources).toBe('a\u2028b\u2029c');
    // The same cells as csv-parse reads them: both readers agree.
    const parsed = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(parsed.find((r) => r.id === action.id)).toEqual(row);
  });

  it('quotes every cell holding a line break of any kind', () => {
    const csv = renderCsv(multiLine().doc);
    // Outside quoted cells the only line break left is the record delimiter CR LF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\n\r\v\f\u0085\u2028\u2029]/);
  });

  it('neutralises formulas after leading blanks or line breaks, full-width operators and tab or CR starts', () => {
    const starts = [
      ' =1+1',
      '\n=1+1',
      '\u3000=1+1',
      '\u00a0+1',
      '\u2028@SUM(A1)',
      '\u200b-1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '\t1',
      '\r=1',
      '  \n ＝HYPERLINK("x")'
    ];
    const doc = exportInput([buildEnvironmentBoard()]);
    const ideas = doc.boards[0]!.snapshot.cards.filter((c) => c.kind === 'idea');
    const cards = starts.map((text, i) => ({ ...ideas[0]!, id: `formula-${i}`, order: `a${i}`, text }));
    doc.boards[0]!.snapshot.cards.push(...(cards as typeof ideas));
    const records = readCsvWithPython(renderCsv(doc));
    const textAt = CSV_COLUMNS.indexOf('text');
    const idAt = CSV_COLUMNS.indexOf('id');
    for (let i = 0; i < starts.length; i++) {
      const cell = records.find((r) => r[idAt] === `formula-${i}`)![textAt]!;
      expect(cell.startsWith("'"), JSON.stringify(starts[i])).toBe(true);
    }
  });
});
