/** Cleaning text for exports, and file names. */
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, exportFileName } from '@plenary/shared/export';

describe('export text', () => {
  it('strips C0/C1 controls but keeps newlines and tabs; normalises CR LF', () => {
    expect(cleanText('a\u0000b\u0007c\td\r\ne\rf\u0085g\u007f')).toBe('abc\td\ne\nfg');
  });

  it('keeps every script and emoji intact, and replaces unpaired surrogates', () => {
    const text = 'กรุงเทพฯ 北京 서울 Hà Nội ភ្នំពេញ Улаанбаатар 👍🏽';
    expect(cleanText(text)).toBe(text);
    expect(cleanText('a\uD800b')).toBe('a\uFFFDb');
  });

  it('makes one line of a title', () => {
    expect(cleanLine('  one\n\ttwo  ')).toBe('one two');
  });

  it('builds file names without characters file systems refuse', () => {
    expect(exportFileName({ workshop: 'Seminar: "A/B"?', board: 'สิ่งแวดล้อม', takenAt: '2026-03-16T09:30:00Z', extension: 'docx' })).toBe(
      'Seminar A B – สิ่งแวดล้อม – 2026-03-16.docx'
    );
    expect(exportFileName({ workshop: '../..', takenAt: '2026-03-16T09:30:00Z', extension: 'csv' })).toBe('2026-03-16.csv');
  });
});
