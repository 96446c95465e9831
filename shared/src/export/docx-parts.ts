/**
 * Building blocks of the Word document: text runs that keep line breaks and name the fonts and
 * language of their script (docx-fonts.ts), paragraphs, bullets, cells. Every piece of text in the
 * document goes through `runs`, so no text is left to a font that lacks its letters.
 */
import { Paragraph, TableCell, TextRun, WidthType, ShadingType, type IParagraphOptions, type IRunOptions } from 'docx';
import { defaultRunFonts, runFontsOf, scriptRuns } from './docx-fonts.ts';

export interface TextOptions {
  /** Language of the text (a card's `lang`); the document's when absent. */
  lang?: string;
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

/** The text builders of one document (the document's language decides what unmarked Han text is). */
export interface DocxText {
  /** Runs for text that may span lines: one per line and script; each line after the first starts with a break. */
  runs(text: string, options?: TextOptions): TextRun[];
  para(text: string, options?: TextOptions & { paragraph?: Omit<IParagraphOptions, 'children' | 'text'> }): Paragraph;
  bullet(text: string, lang?: string): Paragraph;
  /** Run options (fonts, language) for a run whose content is not plain text (page numbers). */
  runOptions(text: string, options?: TextOptions): Pick<IRunOptions, 'font' | 'language'>;
}

export const docxText = (docLang: string): DocxText => {
  const style = (options: TextOptions) => ({
    ...(options.bold ? { bold: true } : {}),
    ...(options.italics ? { italics: true } : {}),
    ...(options.size ? { size: options.size } : {}),
    ...(options.color ? { color: options.color } : {})
  });
  const runOptions = (text: string, options: TextOptions = {}) => {
    const piece = scriptRuns(text)[0] ?? { text, script: 'latin' as const };
    return runFontsOf(piece.script, piece.text, options.lang, docLang);
  };
  const runs = (text: string, options: TextOptions = {}): TextRun[] =>
    text.split('\n').flatMap((line, i) => {
      const pieces = scriptRuns(line);
      // An empty line still needs its break.
      if (pieces.length === 0) return [new TextRun({ text: '', ...(i > 0 ? { break: 1 } : {}), ...style(options) })];
      return pieces.map(
        (piece, j) =>
          new TextRun({
            text: piece.text,
            ...(i > 0 && j === 0 ? { break: 1 } : {}),
            ...style(options),
            ...runFontsOf(piece.script, piece.text, options.lang, docLang)
          })
      );
    });
  return {
    runs,
    runOptions,
    para: (text, options = {}) => new Paragraph({ ...options.paragraph, children: runs(text, options) }),
    bullet: (text, lang) => new Paragraph({ children: runs(text, { lang }), bullet: { level: 0 } })
  };
};

/** The builders for an English document, for documents that need no other (the follow-up report). */
const english = docxText('en');
export const textRuns = (text: string, options: TextOptions = {}): TextRun[] => english.runs(text, options);
export const para = (text: string, options: TextOptions = {}): Paragraph => english.para(text, options);
export const bullet = (text: string, lang?: string): Paragraph => english.bullet(text, lang);
/** Default fonts of an English document: Calibri for Latin and Cyrillic, office CJK and Thai fonts. */
export const DOCX_FONT = defaultRunFonts('en').font;

/** A table cell of paragraphs, with a width in percent of the table. */
export const cell = (children: Paragraph[], widthPct: number, header = false): TableCell =>
  new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'DCE6F2', color: 'auto' } } : {})
  });
