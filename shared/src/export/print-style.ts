/**
 * The print page's style: A4, one page break per theme, and a font stack that covers every script
 * delegates write in. Families are the Noto fonts (Debian: fonts-noto-core, fonts-noto-cjk) with
 * common fallbacks; `:lang()` rules put the right CJK face first so Japanese, Korean and
 * Traditional Chinese characters take their own regional forms.
 */
import { cssString } from './html-escape.ts';

/** Families for Latin, Vietnamese and Cyrillic (incl. Mongolian Cyrillic), then the other scripts. */
export const PRINT_FONT_STACK = [
  'Noto Sans',
  'DejaVu Sans',
  'Liberation Sans',
  'Arial',
  'Noto Sans Thai',
  'Noto Sans Khmer',
  'Noto Sans Mongolian',
  'Noto Sans CJK SC',
  'Noto Sans CJK JP',
  'Noto Sans CJK KR',
  'Noto Sans CJK TC',
  'sans-serif'
] as const;

const stack = (first: readonly string[]): string =>
  [...first, ...PRINT_FONT_STACK.filter((f) => !first.includes(f))].map((f) => (f === 'sans-serif' ? f : `"${f}"`)).join(', ');

/** Families to put first per language (BCP-47 primary tag or tag prefix). */
const LANG_FIRST: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['th', ['Noto Sans Thai']],
  ['km', ['Noto Sans Khmer']],
  ['ja', ['Noto Sans CJK JP']],
  ['ko', ['Noto Sans CJK KR']],
  ['zh-Hant', ['Noto Sans CJK TC']],
  ['zh-TW', ['Noto Sans CJK TC']],
  ['zh-HK', ['Noto Sans CJK HK']],
  ['zh', ['Noto Sans CJK SC']]
];

/** The CSS of the print page. `runningText` is printed in the top margin of every page when `marginBoxes` is on. */
export const printCss = (options: { marginBoxes: boolean; runningText: string; pageWord: string; ofWord: string }): string => `
@page {
  size: A4;
  margin: 20mm 16mm 18mm;
  ${
    options.marginBoxes
      ? `@top-left { content: ${cssString(options.runningText)}; font-size: 8pt; color: #555; }
  @bottom-right { content: ${cssString(`${options.pageWord} `)} counter(page) ${cssString(` ${options.ofWord} `)} counter(pages); font-size: 8pt; color: #555; }`
      : ''
  }
}
html { font-family: ${stack([])}; font-size: 10.5pt; line-height: 1.45; color: #111; }
${LANG_FIRST.map(([lang, first]) => `:lang(${lang}) { font-family: ${stack(first)}; }`).join('\n')}
body { margin: 0; }
h1 { font-size: 22pt; margin: 0 0 6mm; }
h2 { font-size: 16pt; margin: 0 0 5mm; border-bottom: 1.5pt solid #1d4e89; padding-bottom: 2mm; color: #1d4e89; }
h3 { font-size: 12pt; margin: 0 0 2mm; }
.cover { padding-top: 40mm; }
.cover .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: #1d4e89; font-weight: 600; margin: 0 0 3mm; }
.cover dl { display: grid; grid-template-columns: 45mm 1fr; gap: 2mm 4mm; margin: 8mm 0; }
.cover dt { font-weight: 600; }
.cover dd { margin: 0; }
.taken { color: #444; font-size: 9pt; }
.no-actions { color: #444; margin: 0 0 4mm; }
.theme, .annex { break-before: page; }
.action { break-inside: avoid; margin: 0 0 6mm; border: 0.5pt solid #bbb; border-radius: 2mm; padding: 3mm 4mm; }
.fields { width: 100%; border-collapse: collapse; }
.fields th { text-align: left; vertical-align: top; width: 40mm; font-weight: 600; color: #333; padding: 1mm 3mm 1mm 0; }
.fields td { vertical-align: top; padding: 1mm 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.items { margin: 0; padding-left: 5mm; }
.empty { color: #666; font-style: italic; }
.annex h3 { margin-top: 5mm; }
.annex li { break-inside: avoid; margin-bottom: 1.5mm; }
.kind { font-weight: 600; }
`;
