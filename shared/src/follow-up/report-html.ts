/**
 * The progress report as a print page (printed to PDF by the server's Chromium, like the plan's
 * PDF export): a summary by lead city and theme, then one block per commitment with what was
 * agreed, what was done and what slipped. No script; text escaped; each note marked with its
 * language so Thai, Vietnamese or Chinese notes take the right fonts (export/print-style.ts).
 */
import { escapeHtml, langAttr } from '../export/html-escape.ts';
import { PRINT_FONT_STACK, printCss } from '../export/print-style.ts';
import { PROGRESS_STATUSES } from './constants.ts';
import { reportLabels, type ReportLabels } from './labels.ts';
import type { ProgressReport, ReportEntry, ReportGroup } from './report.ts';

const e = escapeHtml;

const groupTable = (L: ReportLabels, title: string, groups: readonly ReportGroup[]): string => `
<h3>${e(title)}</h3>
<table class="summary"><thead><tr><th></th>${PROGRESS_STATUSES.map((s) => `<th>${e(L.statuses[s])}</th>`).join('')}<th>Σ</th></tr></thead>
<tbody>${groups.map((g) => `<tr><th>${e(g.name)}</th>${PROGRESS_STATUSES.map((s) => `<td>${g.counts[s] || ''}</td>`).join('')}<td>${g.total}</td></tr>`).join('')}</tbody></table>`;

const entryHtml = (L: ReportLabels, { progress: p, done, slipped }: ReportEntry): string => {
  const c = p.commitment;
  const row = (label: string, html: string) => (html ? `<tr><th>${e(label)}</th><td>${html}</td></tr>` : '');
  const text = (t: string, lang = c.lang) => (t ? `<span class="text"${langAttr(lang)}>${e(t)}</span>` : '');
  const milestones = p.milestones
    .map(
      (m) =>
        `<li>${e(m.dueDate ?? '')}${m.moved ? ` (${e(L.agreedDate)} ${e(m.milestone.date ?? '')})` : ''} ${text(m.milestone.text)} — <b>${e(L.statuses[m.status])}</b>${m.percent !== null ? ` ${m.percent}%` : ''}</li>`
    )
    .join('');
  const indicators = p.indicators
    .map(
      (i) =>
        `<li>${text(i.indicator.indicator)} (${e(L.target)}: ${text(i.indicator.target)})${i.value ? `, ${e(L.reached)}: ${e(i.value)}` : ''} — <b>${e(L.statuses[i.status])}</b></li>`
    )
    .join('');
  const updates = p.updates
    .slice(0, 5)
    .map(
      (u) =>
        `<li>${e(u.at.slice(0, 10))} · ${e(u.city)}${u.status ? ` · ${e(L.statuses[u.status])}` : ''}${u.percent !== undefined ? ` ${u.percent}%` : ''}${u.note ? `: ${text(u.note, u.lang)}` : ''}${u.evidence.map((link) => ` <span class="text">${e(link)}</span>`).join('')}</li>`
    )
    .join('');
  return `
<section class="action">
  <h3${langAttr(c.lang)}>${e(c.title)} <span class="status">${e(L.statuses[p.status])}${p.percent !== null ? ` · ${p.percent}%` : ''}</span></h3>
  <table class="fields">
    ${row(L.theme, e(c.theme))}
    ${row(L.leadCity, e(c.leadCity))}
    ${row(L.partnerCities, e(c.partnerCities.join(', ')))}
    ${row(L.objective, text(c.objective))}
    ${row(L.dates, e([c.startDate, c.endDate].filter(Boolean).join(' – ')))}
    ${row(L.resources, text(c.resources))}
    ${row(L.responsibleOfficer, text(c.responsibleOfficer))}
    ${row(L.reservations, c.reservations.map((r) => `${e(r.city)}: ${text(r.note, 'und')}`).join('<br>'))}
    ${row(L.milestones, milestones && `<ul class="items">${milestones}</ul>`)}
    ${row(L.indicators, indicators && `<ul class="items">${indicators}</ul>`)}
    ${row(L.whatWasDone, done.length > 0 ? e(done.map((m) => m.milestone.text).join('; ')) : `<span class="empty">${e(L.nothingDone)}</span>`)}
    ${row(L.whatSlipped, slipped.length > 0 ? slipped.map((s) => `${text(s.milestone.milestone.text)} (${e(L.due)} ${e(s.milestone.dueDate ?? '')}${s.overdue ? `, ${e(L.overdue)}` : ''})`).join('<br>') : `<span class="empty">${e(L.nothingSlipped)}</span>`)}
    ${row(L.latestUpdates, updates ? `<ul class="items">${updates}</ul>` : `<span class="empty">${e(L.noUpdates)}</span>`)}
  </table>
</section>`;
};

/** The running header of every printed page. */
export const reportRunningHeader = (report: ProgressReport): string => {
  const L = reportLabels(report.lang);
  return `${report.workshop.title} — ${L.progressReport}, ${L.asOf} ${report.date}`;
};

export const renderReportHtml = (report: ProgressReport, options: { marginBoxes: boolean }): string => {
  const L = reportLabels(report.lang);
  const themes = [...new Set(report.entries.map((x) => x.progress.commitment.theme))];
  return `<!doctype html>
<html lang="${report.lang}"><head><meta charset="utf-8"><title>${e(reportRunningHeader(report))}</title>
<style>${printCss({ marginBoxes: options.marginBoxes, runningText: reportRunningHeader(report), pageWord: L.page, ofWord: L.of })}
table.summary { border-collapse: collapse; margin: 0 0 6mm; }
table.summary th, table.summary td { border: 0.5pt solid #bbb; padding: 1mm 2mm; text-align: center; font-size: 9pt; }
table.summary tbody th { text-align: left; }
.status { font-size: 9pt; font-weight: 600; color: #1d4e89; margin-left: 2mm; }
</style></head><body>
<section class="cover">
  <p class="kicker">${e(L.progressReport)}</p>
  <h1>${e(report.workshop.title)}</h1>
  <p class="taken">${e(L.asOf)} ${e(report.date)} · ${report.entries.length} ${e(L.commitments)}</p>
  ${groupTable(L, L.byCity, report.byCity)}
  ${groupTable(L, L.byTheme, report.byTheme)}
</section>
${themes
  .map(
    (theme) =>
      `<section class="theme"><h2>${e(theme)}</h2>${report.entries
        .filter((x) => x.progress.commitment.theme === theme)
        .map((x) => entryHtml(L, x))
        .join('')}</section>`
  )
  .join('')}
</body></html>`;
};

const FAMILY = PRINT_FONT_STACK.map((f) => (f === 'sans-serif' ? f : `'${f}'`)).join(', ');
const BOX = `font-family: ${FAMILY}; font-size: 8pt; color: #555; width: 100%; margin: 0 16mm;`;

/** Header and footer templates for Chromium's printer (see export/print-templates.ts). */
export const reportPrintTemplates = (report: ProgressReport): { headerTemplate: string; footerTemplate: string } => {
  const L = reportLabels(report.lang);
  return {
    headerTemplate: `<div style="${BOX}">${e(reportRunningHeader(report))}</div>`,
    footerTemplate: `<div style="${BOX} text-align: right;">${e(L.page)} <span class="pageNumber"></span> ${e(L.of)} <span class="totalPages"></span></div>`
  };
};
