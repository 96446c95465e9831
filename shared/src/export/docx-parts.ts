/** Building blocks of the Word document: text runs that keep line breaks and languages, cells, bullets. */
import { Paragraph, TableCell, TextRun, WidthType, ShadingType, type IRunOptions } from 'docx';

/** Word's font slots: Latin/Cyrillic/Vietnamese, East Asian, and complex scripts (Thai, Khmer). */
export const DOCX_FONT = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: 'Noto Sans CJK SC', cs: 'Noto Sans Thai' } as const;

const EAST_ASIAN = /^(zh|ja|ko)\b/;

/** Word's language hint for a card's BCP-47 tag (it picks fonts and proofing by it). */
export const runLanguage = (lang: string | undefined): IRunOptions['language'] =>
  !lang || lang === 'und' ? undefined : EAST_ASIAN.test(lang) ? { eastAsia: lang } : { value: lang };

/** Runs for text that may span lines: each line after the first starts with a line break. */
export const textRuns = (text: string, options: { lang?: string; bold?: boolean } = {}): TextRun[] =>
  text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: options.bold, language: runLanguage(options.lang) }));

export const para = (text: string, options: { lang?: string; bold?: boolean } = {}): Paragraph => new Paragraph({ children: textRuns(text, options) });

export const bullet = (text: string, lang?: string): Paragraph => new Paragraph({ children: textRuns(text, { lang }), bullet: { level: 0 } });

/** A table cell of paragraphs, with a width in percent of the table. */
export const cell = (children: Paragraph[], widthPct: number, header = false): TableCell =>
  new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'DCE6F2', color: 'auto' } } : {})
  });
