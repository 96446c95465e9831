/**
 * Exported documents speak in words, not codes: every status, verdict and consent answer is the
 * document's language's word for it, in each of the twelve languages and every human-readable
 * format (Word, PDF's print page, Markdown, the calendar's descriptions). CSV keeps its code
 * columns for machines and says the same in words in its `…Label` columns.
 */
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  EXPORT_LABELS,
  EXPORT_LANGS,
  localiseExport,
  renderCsv,
  renderDocx,
  renderIcs,
  renderMarkdown,
  renderPrintHtml,
  type ConsentByAction,
  type ExportInput
} from '@plenary/shared/export';
import { addCard, createBoardDoc, readBoard, type CardInput } from '@plenary/shared/schema';
import { TAKEN_AT, WORKSHOP } from '../../export/fixtures.ts';

const action = (title: string, extra: Partial<Extract<CardInput, { kind: 'action' }>> = {}): CardInput => ({
  kind: 'action',
  lane: 'agreed',
  lang: 'en',
  createdBy: 'Mai',
  authorCity: 'Hanoi',
  title,
  leadCity: 'Bangkok',
  partnerCities: ['Seoul'],
  endDate: '2026-12-31',
  status: 'agreed',
  ...extra
});

/** One action per verdict (every answer given once), one in progress, one without a lead city, one only proposed. */
const input = (): ExportInput => {
  const doc: Y.Doc = createBoardDoc({ workshopId: WORKSHOP.id, boardId: 'b-words', theme: 'environment', title: 'Environment' });
  const ids = {
    endorsed: addCard(doc, action('Green schools exchange')),
    withNote: addCard(doc, action('River clean-up day')),
    objectedTo: addCard(doc, action('Night market twinning')),
    waiting: addCard(doc, action('Air sensor network')),
    started: addCard(doc, action('Heritage trail', { status: 'in-progress' })),
    leaderless: addCard(doc, action('Bus rapid transit study', { leadCity: null }))
  };
  addCard(doc, action('Bike lanes', { lane: 'proposed', status: 'proposed' }));
  const consent: ConsentByAction = {
    [ids.endorsed]: [
      { city: 'Bangkok', answer: 'endorse' },
      { city: 'Seoul', answer: 'endorse' }
    ],
    [ids.withNote]: [
      { city: 'Bangkok', answer: 'endorse' },
      { city: 'Seoul', answer: 'reservation', note: 'Budget first' }
    ],
    [ids.objectedTo]: [
      { city: 'Bangkok', answer: 'endorse' },
      { city: 'Seoul', answer: 'object', note: 'Too costly' }
    ],
    [ids.started]: [
      { city: 'Bangkok', answer: 'endorse' },
      { city: 'Seoul', answer: 'endorse' }
    ]
  };
  return { workshop: WORKSHOP, boards: [{ theme: 'Environment', snapshot: readBoard(doc), consent }], takenAt: TAKEN_AT };
};

/** The codes of statuses, verdicts and answers (ConsentAnswer, ShownStatus, VerdictState, ActionStatus). */
const CODES = [
  'agreed',
  'awaiting',
  'awaiting-consent',
  'objected',
  'no-lead',
  'in-progress',
  'draft',
  'proposed',
  'done',
  'dropped',
  'endorse',
  'endorses',
  'reservation',
  'object'
];
/** A code standing as a word of its own (not inside another word or a hyphenated code). */
const asWord = (code: string) => new RegExp(`(?<![\\p{L}-])${code}(?![\\p{L}-])`, 'u');

const humanTexts = async (doc: ExportInput): Promise<Record<string, string>> => {
  const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
  const ics = ICAL.Component.fromString(renderIcs(doc))
    .getAllSubcomponents('vevent')
    .map((e) => String(e.getFirstPropertyValue('description')));
  return {
    // Runs of a paragraph joined as they read, paragraphs apart.
    docx: xml
      .split('</w:p>')
      .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .join('\n'),
    print: renderPrintHtml(doc)
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' '),
    md: renderMarkdown(doc),
    ics: ics.join('\n')
  };
};

describe('human words in exports', () => {
  it.each(EXPORT_LANGS.filter((l) => l !== 'en'))('%s: no status, verdict or answer is printed as its code', async (lang) => {
    const texts = await humanTexts(localiseExport(input(), { lang, mode: 'working' }));
    const labels = EXPORT_LABELS[lang]!;
    for (const [format, text] of Object.entries(texts)) {
      for (const code of CODES) expect(text, `${lang} ${format}: ${code}`).not.toMatch(asWord(code));
    }
    expect(texts.docx).toContain(labels.statuses['in-progress']);
    expect(texts.docx).toContain(`Seoul: ${labels.consentAnswers.reservation} – Budget first`);
    expect(texts.md).toContain(`Seoul: ${labels.consentAnswers.object} – Too costly`);
    expect(texts.print).toContain(labels.verdicts['no-lead']);
  });

  it('en: the words for them, never the hyphenated or bare codes', async () => {
    const texts = await humanTexts(localiseExport(input(), { lang: 'en', mode: 'working' }));
    for (const [format, text] of Object.entries(texts)) {
      for (const code of ['awaiting-consent', 'no-lead', 'in-progress', 'endorse', 'object']) expect(text, `${format}: ${code}`).not.toMatch(asWord(code));
    }
    for (const words of [
      'in progress',
      'awaiting consent',
      'Seoul: endorses with reservation – Budget first',
      'Seoul: objects – Too costly',
      'objected by Seoul',
      'agreed by every city asked'
    ]) {
      expect(texts.docx).toContain(words);
    }
  });

  it('CSV: code columns for machines, label columns in the document’s language', () => {
    const rows = parse(renderCsv(localiseExport(input(), { lang: 'th', mode: 'working' })), { bom: true, columns: true }) as Array<Record<string, string>>;
    const th = EXPORT_LABELS.th!;
    const started = rows.find((r) => r.title === 'Heritage trail')!;
    expect(started).toMatchObject({
      status: 'in-progress',
      statusLabel: th.statuses['in-progress'],
      lane: 'agreed',
      laneLabel: th.lanes.agreed,
      kind: 'action',
      kindLabel: th.action
    });
    const objected = rows.find((r) => r.title === 'Night market twinning')!;
    expect(objected).toMatchObject({ verdict: 'objected', verdictLabel: th.verdicts.objected.replace('{cities}', 'Seoul') });
    expect(objected.consent).toContain(`Seoul: ${th.consentAnswers.object}`);
    const proposed = rows.find((r) => r.title === 'Bike lanes')!;
    expect(proposed).toMatchObject({ lane: 'proposed', laneLabel: th.lanes.proposed });
  });
});
