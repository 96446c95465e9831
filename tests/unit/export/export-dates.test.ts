/**
 * Dates and times of exported documents: the moment taken in the reader's time zone and the
 * document's language, with the zone named (UTC when none is asked for); calendar days (workshop
 * dates, timelines, milestones) in the document's language and never moved across zones; machine
 * formats (CSV cells, JSON, iCalendar dates) kept as ISO.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  EXPORT_LANGS,
  localiseExport,
  renderCsv,
  renderDocx,
  renderJson,
  renderMarkdown,
  renderPrintHtml,
  type ExportInput
} from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput } from '../../export/fixtures.ts';

const base = exportInput([buildEnvironmentBoard(), buildCultureBoard()]);
const inLang = (lang: string, timeZone?: string): ExportInput => localiseExport({ ...base, ...(timeZone ? { timeZone } : {}) }, { lang, mode: 'working' });
const docxText = async (input: ExportInput): Promise<string> =>
  [...strFromU8(unzipSync(await renderDocx(input))['word/document.xml']!).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

describe('export dates and times', () => {
  it('takes IANA zone names (canonicalised) and refuses anything else', () => {
    expect(canonicalTimeZone('Asia/Bangkok')).toBe('Asia/Bangkok');
    expect(canonicalTimeZone('asia/bangkok')).toBe('Asia/Bangkok');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toMatch(/^America\/(Argentina\/)?Buenos_Aires$/);
    expect(canonicalTimeZone('Etc/GMT+7')).toBe('Etc/GMT+7');
    for (const bad of ['Mars/Olympus', '+07:00', '', 'Asia/Bangkok\n', '../etc/passwd', 'Asia//Bangkok', `Asia/${'x'.repeat(80)}`]) {
      expect(canonicalTimeZone(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('shows the moment taken in the reader’s zone and language, and names the zone', () => {
    const thai = renderMarkdown(inLang('th', 'Asia/Bangkok'));
    expect(thai).toContain('16 มี.ค. 2569 16:30 (Asia/Bangkok)');
    const japanese = renderPrintHtml(inLang('ja', 'Asia/Tokyo'));
    expect(japanese).toContain('2026/03/16 18:30 (Asia/Tokyo)');
    const russian = renderMarkdown(inLang('ru', 'Europe/Moscow'));
    expect(russian).toContain('16 мар. 2026 г., 12:30 (Europe/Moscow)');
  });

  it('says UTC when the reader names no zone', () => {
    expect(renderMarkdown(inLang('en'))).toMatch(/Mar 16, 2026, 9:30\sAM \(UTC\)/);
  });

  it('writes calendar days in the document’s language without moving them west of UTC', async () => {
    const input = inLang('en', 'America/Los_Angeles');
    const md = renderMarkdown(input);
    // The moment: 02:30 in Los Angeles on the same day; the days: as written, not the day before.
    expect(md).toMatch(/Mar 16, 2026, 2:30\sAM \(America\/Los_Angeles\)/);
    expect(md).toMatch(/Mar 12\s–\s16, 2026/);
    expect(md).toContain('Jun 30, 2026: ');
    expect(md).toMatch(/Apr 1\s–\sDec 31, 2026/);
    expect(await docxText(input)).toContain('Sep 15, 2026: 首届文化节');
  });

  it('prints no ISO day in the human-readable formats, in any of the twelve languages', async () => {
    expect(EXPORT_LANGS).toHaveLength(12);
    for (const lang of EXPORT_LANGS) {
      const input = inLang(lang, 'Asia/Bangkok');
      expect(renderMarkdown(input), lang).not.toMatch(ISO_DAY);
      expect(renderPrintHtml(input).replace(/<[^>]+>/g, ' '), lang).not.toMatch(ISO_DAY);
      expect(await docxText(input), lang).not.toMatch(ISO_DAY);
    }
  });

  it('keeps machine values as ISO: CSV cells and the JSON file, which names the zone', () => {
    const input = inLang('th', 'Asia/Bangkok');
    const rows = parse(renderCsv(input), { bom: true, columns: true }) as Array<Record<string, string>>;
    const action = rows.find((r) => r.kind === 'action' && r.lane === 'agreed')!;
    expect(action.startDate).toBe('2026-04-01');
    expect(action.milestones).toMatch(/^2026-06-30: /);
    expect(action.takenAt).toBe('2026-03-16T09:30:00.000Z');
    const json = JSON.parse(renderJson(input)) as { takenAt: string; timeZone: string };
    expect(json).toMatchObject({ takenAt: '2026-03-16T09:30:00.000Z', timeZone: 'Asia/Bangkok' });
  });
});
