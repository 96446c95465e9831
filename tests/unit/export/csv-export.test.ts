/**
 * CSV export: UTF-8 with BOM, one row per card, text round-trips exactly (Thai, CJK, Khmer,
 * Cyrillic), formula-like cells are neutralised, control characters are gone.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT } from '../../export/fixtures.ts';

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
