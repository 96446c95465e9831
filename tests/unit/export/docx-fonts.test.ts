/**
 * Word export fonts: the .docx (unzipped with fflate, its XML read with xmldom) sets every run of
 * text in a font office PCs have for its script — Khmer in a Khmer font, Thai in a Thai one, CJK in
 * the face of its language — with the matching language tag, and its font table names Noto as the
 * fallback of each; Noto is never a run's first choice.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { localiseExport, renderDocx } from '@plenary/shared/export';
import { buildCultureBoard, buildEnvironmentBoard, exportInput, SCRIPT_TITLES } from '../../export/fixtures.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Run {
  text: string;
  fonts: Record<string, string>;
  lang: Record<string, string>;
}

const attributes = (element: Element | undefined): Record<string, string> =>
  Object.fromEntries(Array.from(element?.attributes ?? []).map((a) => [a.localName, a.value]));

/** Every run of a WordprocessingML part: its text, its w:rFonts and its w:lang. */
const runsOf = (xml: string): Run[] => {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return Array.from(doc.getElementsByTagNameNS(W, 'r')).map((r) => {
    const props = Array.from(r.getElementsByTagNameNS(W, 'rPr'))[0];
    return {
      text: Array.from(r.getElementsByTagNameNS(W, 't'))
        .map((t) => t.textContent)
        .join(''),
      fonts: attributes(Array.from(props?.getElementsByTagNameNS(W, 'rFonts') ?? [])[0]),
      lang: attributes(Array.from(props?.getElementsByTagNameNS(W, 'lang') ?? [])[0])
    };
  });
};

const KHMER = /[\u1780-\u17FF]/;
const THAI = /[\u0E00-\u0E7F]/;

const documentOf = async (lang: string) => {
  const files = unzipSync(await renderDocx(localiseExport(exportInput([buildEnvironmentBoard(), buildCultureBoard()]), { lang, mode: 'working' })));
  return {
    runs: runsOf(strFromU8(files['word/document.xml']!)),
    fontTable: strFromU8(files['word/fontTable.xml']!),
    styles: strFromU8(files['word/styles.xml']!)
  };
};
const english = await documentOf('en');

describe('Word export fonts', () => {
  it('sets Khmer text in a Khmer font, tagged Khmer, and never in a Thai one', () => {
    const khmer = english.runs.filter((r) => KHMER.test(r.text));
    expect(khmer.map((r) => r.text).join('')).toContain(SCRIPT_TITLES.km);
    for (const run of khmer) {
      expect(run.fonts.cs, run.text).toBe('Khmer UI');
      expect(run.lang.bidi, run.text).toBe('km-KH');
      expect(THAI.test(run.text), run.text).toBe(false);
    }
  });

  it('sets Thai text in a Thai font, tagged Thai', () => {
    const thai = english.runs.filter((r) => THAI.test(r.text));
    expect(thai.map((r) => r.text).join('')).toContain(SCRIPT_TITLES.th);
    for (const run of thai) {
      expect(run.fonts.cs, run.text).toBe('Leelawadee UI');
      expect(run.lang.bidi, run.text).toBe('th-TH');
    }
  });

  it('sets Chinese, Japanese and Korean text in the face of its language', () => {
    const runWith = (text: string) => english.runs.find((r) => r.text.includes(text))!;
    expect(runWith(SCRIPT_TITLES.zh).fonts).toMatchObject({ eastAsia: 'Microsoft YaHei', hint: 'eastAsia' });
    expect(runWith(SCRIPT_TITLES.zh).lang.eastAsia).toBe('zh-CN');
    expect(runWith(SCRIPT_TITLES.ja).fonts.eastAsia).toBe('Yu Gothic');
    expect(runWith(SCRIPT_TITLES.ja).lang.eastAsia).toBe('ja-JP');
    expect(runWith(SCRIPT_TITLES.ko).fonts.eastAsia).toBe('Malgun Gothic');
    expect(runWith(SCRIPT_TITLES.ko).lang.eastAsia).toBe('ko-KR');
  });

  it('sets Latin, Vietnamese and Cyrillic text in Calibri, tagged with its language', () => {
    const runWith = (text: string) => english.runs.find((r) => r.text.includes(text))!;
    expect(runWith(SCRIPT_TITLES.vi).fonts).toMatchObject({ ascii: 'Calibri', hAnsi: 'Calibri' });
    expect(runWith(SCRIPT_TITLES.vi).lang.val).toBe('vi-VN');
    expect(runWith(SCRIPT_TITLES.ru).fonts.hAnsi).toBe('Calibri');
    expect(runWith(SCRIPT_TITLES.ru).lang.val).toBe('ru-RU');
    expect(runWith(SCRIPT_TITLES.mn).lang.val).toBe('mn-MN');
  });

  it('names a font for every script slot of every run, and Noto in none', () => {
    for (const run of english.runs.filter((r) => r.text.trim())) {
      expect(Object.keys(run.fonts).sort(), run.text).toEqual(expect.arrayContaining(['ascii', 'cs', 'eastAsia', 'hAnsi']));
      expect(
        Object.values(run.fonts).some((f) => f.startsWith('Noto')),
        run.text
      ).toBe(false);
    }
  });

  it('names Noto as the fallback of each font in the font table', () => {
    const table = new DOMParser().parseFromString(english.fontTable, 'text/xml');
    const fonts = Object.fromEntries(
      Array.from(table.getElementsByTagNameNS(W, 'font')).map((f) => [
        f.getAttributeNS(W, 'name'),
        Array.from(f.getElementsByTagNameNS(W, 'altName'))[0]?.getAttributeNS(W, 'val')
      ])
    );
    expect(fonts).toMatchObject({
      Calibri: 'Arial,Noto Sans',
      'Leelawadee UI': 'Tahoma,Noto Sans Thai',
      'Khmer UI': 'Leelawadee UI,Noto Sans Khmer',
      'Microsoft YaHei': 'SimSun,Noto Sans CJK SC',
      'Yu Gothic': 'MS Gothic,Noto Sans CJK JP',
      'Malgun Gothic': 'Gulim,Noto Sans CJK KR'
    });
  });

  it('sets the document’s own language and fonts as the default (a Khmer document: Khmer)', async () => {
    const khmer = await documentOf('km');
    expect(khmer.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts[^>]*w:cs="Khmer UI"/);
    expect(khmer.styles).toMatch(/<w:lang [^>]*w:bidi="km-KH"/);
    // The Khmer headings are set in Khmer too.
    const heading = khmer.runs.find((r) => r.text.includes('ផែនការសកម្មភាពរួម'))!;
    expect(heading.fonts.cs).toBe('Khmer UI');
  });
});
