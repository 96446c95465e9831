/**
 * The print page: a standalone A4 HTML document (title page, one page per theme with agreed
 * actions — the themes without any named on one line of the title page — then the annex of ideas
 * and best practices). The browser prints it to PDF; the server
 * does the same in Chromium. Every card carries its own `lang`, so the browser picks the right
 * font and line-breaking rules for Thai, Khmer and CJK text. All text is HTML-escaped.
 */
import type { ActionCard } from '../schema/snapshot-schema.ts';
import {
  boardsWithActions,
  emptyThemesLine,
  formatConsent,
  formatIndicator,
  formatMilestone,
  formatStatus,
  formatTimeline,
  takenLine,
  verdictParts,
  workshopDates
} from './fields.ts';
import { escapeHtml as esc, langAttr } from './html-escape.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import { printCss } from './print-style.ts';
import type { ExportCity, ExportInput } from './types.ts';

export interface PrintOptions {
  /**
   * Print the running header and page numbers through CSS page-margin boxes (for printing from a
   * browser). Off when the printer adds its own header and footer (the server's Chromium templates).
   */
  marginBoxes?: boolean;
}

const text = (value: string): string => `<span class="text">${esc(value)}</span>`;

const cityHtml = (city: ExportCity): string =>
  city.native && city.native !== city.en ? `${esc(city.en)} (<span${langAttr(city.lang)}>${esc(city.native)}</span>)` : esc(city.en);

const items = (values: string[]): string => (values.length === 0 ? '' : `<ul class="items">${values.map((v) => `<li>${text(v)}</li>`).join('')}</ul>`);

const row = (label: string, value: string): string => (value ? `<tr><th>${esc(label)}</th><td>${value}</td></tr>` : '');

const actionHtml = (p: PreparedExport, board: PreparedBoard, action: ActionCard, index: number): string => {
  const l = p.labels;
  const consent = board.consent[action.id] ?? [];
  const state = board.verdicts[action.id]?.state ?? '';
  // The first part is the verdict itself: its row carries the state, so print styles can mark it.
  const parts = verdictParts(board, action, l)
    .map((part, i) => {
      const value = part.list ? items(part.items) : text(part.items.join(', '));
      return i === 0 ? `<tr class="verdict" data-verdict="${esc(state)}"><th>${esc(part.label)}</th><td>${value}</td></tr>` : row(part.label, value);
    })
    .join('\n');
  return `<article class="action"${langAttr(action.lang)}>
<h3>${index + 1}. ${text(action.title)}</h3>
<table class="fields"><tbody>
${row(l.objective, action.objective && text(action.objective))}
${row(l.leadCity, action.leadCity ? text(action.leadCity) : '')}
${row(l.partnerCities, text(action.partnerCities.join(', ')))}
${row(l.timeline, esc(formatTimeline(p, action)))}
${row(l.milestones, items(action.milestones.map((m) => formatMilestone(m, p.dates.day))))}
${row(l.indicators, items(action.indicators.map((i) => formatIndicator(i, l))))}
${row(l.resources, action.resources && text(action.resources))}
${row(l.responsibleOfficer, action.responsibleOfficer && text(action.responsibleOfficer))}
${row(l.status, esc(formatStatus(board, action, l)))}
${parts}
${row(l.consent, items(consent.map((r) => formatConsent(r, l))))}
</tbody></table>
</article>`;
};

const themeHtml = (p: PreparedExport, board: PreparedBoard): string => `<section class="theme" data-board="${esc(board.boardId)}">
<h2>${esc(board.title)}</h2>
${board.agreed.map((a, i) => actionHtml(p, board, a, i)).join('\n')}
</section>`;

const annexHtml = (p: PreparedExport): string => {
  const l = p.labels;
  const boards = p.boards.map((board) => {
    const list = board.annex.map((card) => {
      const origin = card.kind === 'practice' && card.sourceCity ? card.sourceCity : card.authorCity;
      return `<li${langAttr(card.lang)}><span class="kind">${esc(card.kind === 'practice' ? l.practice : l.idea)}</span>${origin ? ` (${esc(origin)})` : ''}: ${text(card.text)}</li>`;
    });
    return `<h3>${esc(board.title)}</h3>\n${list.length === 0 ? `<p class="empty">${esc(l.noIdeas)}</p>` : `<ul>${list.join('\n')}</ul>`}`;
  });
  return `<section class="annex">\n<h2>${esc(l.annex)}</h2>\n${boards.join('\n')}\n</section>`;
};

/** The running header text: workshop title and the moment the export was taken. */
export const runningHeader = (p: PreparedExport): string => `${p.workshop.title} · ${takenLine(p)}`;

/** The boards as a print-ready HTML document. */
export const renderPrintHtml = (input: ExportInput, options: PrintOptions = {}): string => {
  const p = prepareExport(input);
  const { labels: l, workshop: w } = p;
  const css = printCss({ marginBoxes: options.marginBoxes ?? true, runningText: runningHeader(p), pageWord: l.page, ofWord: l.of });
  const title = p.boards.length === 1 ? `${w.title} – ${p.boards[0]!.title}` : w.title;
  return `<!doctype html>
<html${langAttr(p.lang)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<section class="cover">
<p class="kicker">${esc(l.actionPlan)}</p>
<h1>${esc(w.title)}</h1>
<dl>
${w.hostCity ? `<dt>${esc(l.hostCity)}</dt><dd>${cityHtml(w.hostCity)}</dd>` : ''}
${workshopDates(p) ? `<dt>${esc(l.dates)}</dt><dd>${esc(workshopDates(p))}</dd>` : ''}
${w.cities.length > 0 ? `<dt>${esc(l.participatingCities)}</dt><dd>${w.cities.map(cityHtml).join(', ')}</dd>` : ''}
<dt>${esc(l.theme)}</dt><dd>${p.boards.map((b) => esc(b.title)).join('<br>')}</dd>
</dl>
${emptyThemesLine(p) ? `<p class="no-actions">${esc(emptyThemesLine(p))}</p>` : ''}
<p class="taken">${esc(takenLine(p))}</p>
</section>
${boardsWithActions(p)
  .map((b) => themeHtml(p, b))
  .join('\n')}
${annexHtml(p)}
</body>
</html>
`;
};
