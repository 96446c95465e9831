/**
 * The print page printed to PDF in real Chromium (the server's printer), text extracted with
 * pdftotext: every agreed action title is there — Thai, Chinese, Japanese, Korean, Vietnamese,
 * Khmer, Mongolian and Russian included — with the running header and page numbers; themes without
 * agreed actions share one line of the title page instead of a page each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printTemplates, renderPrintHtml } from '@plenary/shared/export';
import { createPdfPrinter } from '@plenary/server/exports/pdf-printer.ts';
import { buildCultureBoard, buildEmptyBoard, buildEnvironmentBoard, exportInput, HOSTILE, SCRIPT_TITLES, TAKEN_AT_SHOWN } from '../export/fixtures.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const dir = mkdtempSync(path.join(tmpdir(), 'plenary-pdf-'));
// One printer keeps its Chromium warm between prints; closed after the file.
const printer = createPdfPrinter(CHROMIUM);
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** pdftotext's text of a PDF, pages separated by form feeds. */
const pdfText = (pdf: Uint8Array): string => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};
/** Names of the fonts embedded in a PDF (pdffonts). */
const pdfFonts = (pdf: Uint8Array): string => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
};
/** Text without whitespace: pdftotext may break lines inside a title. */
const squash = (text: string): string => text.normalize('NFC').replace(/\s+/g, '');

describe('print page → PDF in Chromium', () => {
  const input = exportInput([buildEnvironmentBoard(), buildCultureBoard()], 'Day 2 close');
  let text = '';
  let fonts = '';

  it('prints to a PDF', async () => {
    const pdf = await printer.print({ html: renderPrintHtml(input, { marginBoxes: false }), ...printTemplates(input) });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    text = pdfText(pdf);
    expect(text.length).toBeGreaterThan(0);
    fonts = pdfFonts(pdf);
  });

  it('contains every agreed action title, in every script', () => {
    const flat = squash(text);
    for (const [lang, title] of Object.entries(SCRIPT_TITLES)) expect(flat, lang).toContain(squash(title));
    expect(flat).toContain(squash('文化节互访'));
    expect(flat).toContain(squash(HOSTILE.formula));
    expect(flat).toContain(squash(HOSTILE.script));
  });

  it('sets Thai and Khmer text in the Noto faces made for them', () => {
    // CJK faces are OpenType/CFF collections, which Chromium embeds as unnamed Type 3 fonts; their
    // text is checked through extraction above.
    for (const family of ['NotoSansThai', 'NotoSansKhmer']) expect(fonts).toContain(family);
  });

  it('puts each theme on its own pages, with the running header and page N of M', () => {
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.every((p) => TAKEN_AT_SHOWN.test(p))).toBe(true);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    const themePage = pages.findIndex((p) => p.includes('Culture, recreation and tourism') && p.includes('文化节互访'));
    expect(themePage).toBeGreaterThan(0);
    expect(squash(pages[themePage]!)).not.toContain(squash(SCRIPT_TITLES.th));
  });

  it('prints from a browser with its own page numbers (CSS page-margin boxes)', async () => {
    const pdf = await printer.print({ html: renderPrintHtml(input), headerTemplate: '<span></span>', footerTemplate: '<span></span>' });
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages[0]).toContain('Page 1 of');
    expect(pages[0]).toMatch(TAKEN_AT_SHOWN);
  });

  it('puts the themes without agreed actions on one line of the title page, not a page each', async () => {
    const empty = ['Mobility and transport', 'Economy, trade and investment', 'Health and welfare', 'Youth and education'];
    const workshop = exportInput([buildCultureBoard(), ...empty.map((title, i) => buildEmptyBoard(`b-empty-${i}`, title))]);
    const pdf = await printer.print({ html: renderPrintHtml(workshop, { marginBoxes: false }), ...printTemplates(workshop) });
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    // Title page, the one theme with actions, the annex: 3 pages where a page per theme made 7.
    expect(pages).toHaveLength(3);
    expect(squash(pages[0]!)).toContain(squash(`No agreed actions yet: ${empty.join(' · ')}`));
    expect(pages[1]).toContain('文化节互访');
  });
});
