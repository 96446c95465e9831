/**
 * Markdown: the agreed plan per theme, then the annex. Every piece of people's text is escaped so
 * that nothing they typed becomes markup: ASCII punctuation that Markdown reads is backslash-escaped
 * (so `[x](javascript:…)` stays text and `<script>` is not HTML) and line starts cannot open a
 * heading, list, quote or code block.
 */
import { formatCity, formatConsent, formatDateRange, formatIndicator, formatMilestone, formatStatus, takenLine, verdictParts, workshopDates } from './fields.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import type { ExportInput } from './types.ts';
import type { ActionCard } from '../schema/snapshot-schema.ts';

// Characters that open emphasis, code, links, images, HTML, entities, tables, strikethrough or
// e-mail autolinks.
const ACTIVE = /[\\`*_{}[\]()#+!|<>~&@]/g;

/** One line of text, inert in CommonMark and GitHub Markdown. */
export const escapeMarkdownLine = (text: string): string =>
  text
    .trim()
    .replace(ACTIVE, (ch) => `\\${ch}`)
    // Bare URLs (GitHub's and linkify's autolinks): people's text never becomes a link.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    // A line start that would open a list, a setext heading underline or an ordered list.
    .replace(/^([-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

/**
 * Text that may span lines, inert, for use after a list marker: lines are joined with a hard break
 * and indented so they stay in the list item.
 */
export const escapeMarkdown = (text: string, indent = '  '): string =>
  text
    .split('\n')
    .map((line) => escapeMarkdownLine(line.replace(/\t/g, ' ')))
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join(`\\\n${indent}`);

const field = (label: string, value: string): string[] => (value.trim() ? [`- **${label}:** ${escapeMarkdown(value)}`] : []);

const list = (label: string, items: string[]): string[] =>
  items.length === 0 ? [] : [`- **${label}:**`, ...items.map((item) => `  - ${escapeMarkdown(item, '    ')}`)];

const renderAction = (p: PreparedExport, board: PreparedBoard, action: ActionCard, index: number): string[] => {
  const { labels: l } = p;
  return [
    `### ${index + 1}\\. ${escapeMarkdownLine(action.title.replace(/\s+/g, ' ')) || '—'}`,
    '',
    ...field(l.objective, action.objective),
    ...field(l.leadCity, action.leadCity ?? ''),
    ...field(l.partnerCities, action.partnerCities.join(', ')),
    ...field(l.timeline, formatDateRange(action.startDate, action.endDate)),
    ...list(l.milestones, action.milestones.map(formatMilestone)),
    ...list(l.indicators, action.indicators.map((i) => formatIndicator(i, l))),
    ...field(l.resources, action.resources),
    ...field(l.responsibleOfficer, action.responsibleOfficer),
    ...field(l.status, formatStatus(board, action, l)),
    ...verdictParts(board, action, l).flatMap((part) => (part.list ? list(part.label, part.items) : field(part.label, part.items.join(', ')))),
    ...list(l.consent, (board.consent[action.id] ?? []).map((r) => formatConsent(r, l))),
    ''
  ];
};

const renderAnnex = (p: PreparedExport, board: PreparedBoard): string[] => {
  const { labels: l } = p;
  if (board.annex.length === 0) return [escapeMarkdownLine(l.noIdeas), ''];
  return [
    ...board.annex.map((card) => {
      const kind = card.kind === 'practice' ? l.practice : l.idea;
      const origin = card.kind === 'practice' && card.sourceCity ? card.sourceCity : card.authorCity;
      return `- **${kind}**${origin ? ` (${escapeMarkdownLine(origin)})` : ''}: ${escapeMarkdown(card.text)}`;
    }),
    ''
  ];
};

/** The boards as a Markdown document. */
export const renderMarkdown = (input: ExportInput): string => {
  const p = prepareExport(input);
  const { labels: l, workshop: w } = p;
  const head = [
    `# ${escapeMarkdownLine(w.title)}`,
    '',
    `**${l.actionPlan}** · ${escapeMarkdownLine(takenLine(p))}`,
    '',
    ...field(l.hostCity, w.hostCity ? formatCity(w.hostCity) : ''),
    ...field(l.dates, workshopDates(p)),
    ...field(l.participatingCities, w.cities.map(formatCity).join(', ')),
    ''
  ];
  const themes = p.boards.flatMap((board) => [
    `## ${escapeMarkdownLine(board.title)}`,
    '',
    ...(board.agreed.length === 0 ? [escapeMarkdownLine(l.noAgreedActions), ''] : board.agreed.flatMap((a, i) => renderAction(p, board, a, i)))
  ]);
  const annex = [`## ${escapeMarkdownLine(l.annex)}`, '', ...p.boards.flatMap((board) => [`### ${escapeMarkdownLine(board.title)}`, '', ...renderAnnex(p, board)])];
  return [...head, ...themes, ...annex].join('\n');
};
