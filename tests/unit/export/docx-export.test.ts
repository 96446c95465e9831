/**
 * Word export: the .docx is a zip whose word/document.xml holds the title page, every agreed action
 * of every theme (in every script) and the annex; hostile text is escaped XML text, never markup.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT_SHOWN } from '../../export/fixtures.ts';

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
/** The text of a WordprocessingML part: the contents of its <w:t> elements, unescaped. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]!)).join('');

const env = buildEnvironmentBoard();
const files = unzipSync(await renderDocx(exportInput([env, buildCultureBoard()], 'Day 2 close')));
const documentXml = strFromU8(files['word/document.xml']!);
const text = textOf(documentXml);

describe('Word export', () => {
  it('is a Word package with a document part', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
  });

  it('has a title page with the workshop, host city, dates and participating cities', () => {
    expect(text).toContain('Sister City Senior Officials Seminar');
    expect(text).toContain('Bangkok (กรุงเทพมหานคร)');
    expect(text).toMatch(/Mar 12\s–\s16, 2026/);
    expect(text).toContain('Phnom Penh (ភ្នំពេញ)');
    expect(text).toMatch(new RegExp(`${TAKEN_AT_SHOWN.source} · Version: Day 2 close`));
  });

  it('holds every agreed action of every theme, in every script, and no card outside the agreed lane', () => {
    for (const title of [...Object.values(SCRIPT_TITLES), '文化节互访', 'Unfinished action', HOSTILE.formula]) expect(text).toContain(title);
    expect(text).not.toContain('Only proposed, not agreed');
    expect(text).toContain('Environment and quality of life');
    expect(text).toContain('Culture, recreation and tourism');
  });

  it('puts ideas and best practices in the annex', () => {
    expect(text).toContain('Annex: ideas and best practices');
    expect(text).toContain('청계천 복원 사례');
    expect(text).toContain('ตลาดน้ำสีเขียว');
  });

  it('keeps hostile text as escaped text, and drops control characters', () => {
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.mdLink);
    expect(documentXml).not.toContain('<script>');
    expect(documentXml).toContain('&lt;script&gt;');
    expect(text).toContain(HOSTILE.controlsCleaned);
    expect(documentXml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('names the moment in the running header and numbers the pages', () => {
    const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.length).toBeGreaterThan(0);
    expect(textOf(strFromU8(files[headers[0]!]!))).toMatch(TAKEN_AT_SHOWN);
    const footers = Object.keys(files)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .map((f) => strFromU8(files[f]!));
    expect(footers.some((xml) => xml.includes('PAGE') && xml.includes('NUMPAGES'))).toBe(true);
  });
});
