/**
 * Markdown: the agreed plan per theme (the themes without agreed actions on one line), then the
 * annex. The document is built as a Markdown syntax tree (mdast) and written by
 * `mdast-util-to-markdown`, which escapes a character only where it would change the meaning at
 * its position: `#`, `- `, `1. `, `>` at a line start, `*`, `_`, `` ` ``, `[` and `<` that could
 * open emphasis, code, links or HTML. Ordinary punctuation mid-sentence, Thai and CJK text stay as
 * typed, so nothing people wrote becomes markup and the file still reads well as plain text.
 *
 * Web addresses (`http://`, `https://`) are written as autolinks (`<https://…>`), so they stay
 * exactly as typed; no other scheme (`javascript:`) ever becomes a link. `~` (GitHub's
 * strikethrough) and `|` (a table cell) are escaped too, as GitHub reads them as markup.
 */
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';
import {
  boardsWithActions,
  emptyThemesLine,
  formatCity,
  formatConsent,
  formatIndicator,
  formatMilestone,
  formatStatus,
  formatTimeline,
  takenLine,
  verdictParts,
  workshopDates
} from './fields.ts';
import { prepareExport, type PreparedBoard, type PreparedExport } from './model.ts';
import type { ExportInput } from './types.ts';
import type { ActionCard } from '../schema/snapshot-schema.ts';

/** GitHub Flavored Markdown's own constructs in running text (the core list knows CommonMark's). */
const GFM_UNSAFE: Unsafe[] = [
  { character: '~', inConstruct: 'phrasing' },
  { character: '|', inConstruct: 'phrasing' }
];

// A web address up to a space or a character that cannot end one; trailing punctuation is the sentence's.
const WEB_ADDRESS = /https?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/gi;

/** One line of people's text as phrasing: plain text, and web addresses as autolinks. */
const inline = (line: string): PhrasingContent[] => {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const match of line.matchAll(WEB_ADDRESS)) {
    const url = match[0];
    if (match.index > at) out.push({ type: 'text', value: line.slice(at, match.index) });
    out.push({ type: 'link', url, children: [{ type: 'text', value: url }] });
    at = match.index + url.length;
  }
  if (at < line.length) out.push({ type: 'text', value: line.slice(at) });
  return out;
};

/**
 * Text that may span lines: each line trimmed (leading spaces would open a code block), blank
 * lines at the ends dropped, tabs as spaces, lines joined by hard breaks.
 */
export const markdownPhrasing = (text: string): PhrasingContent[] => {
  const lines = text
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.flatMap((line, i) => [...(i > 0 ? [{ type: 'break' } as const] : []), ...inline(line)]);
};

const options = { bullet: '-', listItemIndent: 'one', unsafe: GFM_UNSAFE } as const;

/**
 * `text` as Markdown that reads back as that text, lines joined by hard breaks; lines after the
 * first are indented by `indent`, so the text can follow a list marker.
 */
export const escapeMarkdown = (text: string, indent = '  '): string =>
  toMarkdown({ type: 'paragraph', children: markdownPhrasing(text) }, options)
    .replace(/\n$/, '')
    .split('\n')
    .join(`\n${indent}`);

const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const heading = (depth: Heading['depth'], text: string): Heading => ({ type: 'heading', depth, children: markdownPhrasing(text.replace(/\s+/g, ' ')) });
const item = (...children: BlockContent[]): ListItem => ({ type: 'listItem', spread: false, children });
const list = (items: ListItem[]): List => ({ type: 'list', ordered: false, spread: false, children: items });
const labelled = (label: string, rest: PhrasingContent[]): Paragraph =>
  paragraph([{ type: 'strong', children: [{ type: 'text', value: `${label}:` }] }, ...(rest.length ? [{ type: 'text' as const, value: ' ' }, ...rest] : [])]);

/** `- **Label:** value`, or nothing when the value is empty. */
const field = (label: string, value: string): ListItem[] => (value.trim() ? [item(labelled(label, markdownPhrasing(value)))] : []);

/** `- **Label:**` with the items as a nested list, or nothing without items. */
const listField = (label: string, items: string[]): ListItem[] =>
  items.length === 0 ? [] : [item(labelled(label, []), list(items.map((value) => item(paragraph(markdownPhrasing(value))))))];

const actionBlocks = (p: PreparedExport, board: PreparedBoard, action: ActionCard, index: number): RootContent[] => {
  const l = p.labels;
  const fields = [
    ...field(l.objective, action.objective),
    ...field(l.leadCity, action.leadCity ?? ''),
    ...field(l.partnerCities, action.partnerCities.join(', ')),
    ...field(l.timeline, formatTimeline(p, action)),
    ...listField(
      l.milestones,
      action.milestones.map((m) => formatMilestone(m, p.dates.day))
    ),
    ...listField(
      l.indicators,
      action.indicators.map((i) => formatIndicator(i, l))
    ),
    ...field(l.resources, action.resources),
    ...field(l.responsibleOfficer, action.responsibleOfficer),
    ...field(l.status, formatStatus(board, action, l)),
    ...verdictParts(board, action, l).flatMap((part) => (part.list ? listField(part.label, part.items) : field(part.label, part.items.join(', ')))),
    ...listField(
      l.consent,
      (board.consent[action.id] ?? []).map((r) => formatConsent(r, l))
    )
  ];
  return [heading(3, `${index + 1}. ${action.title || '—'}`), ...(fields.length ? [list(fields)] : [])];
};

const annexBlocks = (p: PreparedExport, board: PreparedBoard): RootContent[] => {
  const l = p.labels;
  if (board.annex.length === 0) return [paragraph(markdownPhrasing(l.noIdeas))];
  return [
    list(
      board.annex.map((card) => {
        const kind = card.kind === 'practice' ? l.practice : l.idea;
        const origin = card.kind === 'practice' && card.sourceCity ? card.sourceCity : card.authorCity;
        return item(
          paragraph([
            { type: 'strong', children: [{ type: 'text', value: kind }] },
            { type: 'text', value: `${origin ? ` (${origin})` : ''}: ` },
            ...markdownPhrasing(card.text)
          ])
        );
      })
    )
  ];
};

/** The boards as a Markdown document. */
export const renderMarkdown = (input: ExportInput): string => {
  const p = prepareExport(input);
  const { labels: l, workshop: w } = p;
  const facts = [
    ...field(l.hostCity, w.hostCity ? formatCity(w.hostCity) : ''),
    ...field(l.dates, workshopDates(p)),
    ...field(l.participatingCities, w.cities.map(formatCity).join(', '))
  ];
  const empty = emptyThemesLine(p);
  const tree: Root = {
    type: 'root',
    children: [
      heading(1, w.title),
      paragraph([{ type: 'strong', children: [{ type: 'text', value: l.actionPlan }] }, { type: 'text', value: ' · ' }, ...markdownPhrasing(takenLine(p))]),
      ...(facts.length ? [list(facts)] : []),
      ...(empty ? [paragraph(markdownPhrasing(empty))] : []),
      ...boardsWithActions(p).flatMap((board) => [heading(2, board.title), ...board.agreed.flatMap((a, i) => actionBlocks(p, board, a, i))]),
      heading(2, l.annex),
      ...p.boards.flatMap((board) => [heading(3, board.title), ...annexBlocks(p, board)])
    ]
  };
  return toMarkdown(tree, options);
};
