/**
 * Header and footer templates for Chromium's PDF printer (`page.pdf({ displayHeaderFooter,
 * headerTemplate, footerTemplate })`). Chromium fills elements of class `pageNumber` and
 * `totalPages`; templates need their own font size and family (they do not inherit the page's).
 */
import { escapeHtml } from './html-escape.ts';
import { prepareExport } from './model.ts';
import { runningHeader } from './print-html.ts';
import { PRINT_FONT_STACK } from './print-style.ts';
import type { ExportInput } from './types.ts';

const FAMILY = PRINT_FONT_STACK.map((f) => (f === 'sans-serif' ? f : `'${f}'`)).join(', ');
const BOX = `font-family: ${FAMILY}; font-size: 8pt; color: #555; width: 100%; margin: 0 16mm;`;

/** The header and footer of every printed page: workshop, moment taken, page N of M. */
export const printTemplates = (input: ExportInput): { headerTemplate: string; footerTemplate: string } => {
  const p = prepareExport(input);
  return {
    headerTemplate: `<div style="${BOX}">${escapeHtml(runningHeader(p))}</div>`,
    footerTemplate: `<div style="${BOX} text-align: right;">${escapeHtml(p.labels.page)} <span class="pageNumber"></span> ${escapeHtml(p.labels.of)} <span class="totalPages"></span></div>`
  };
};
