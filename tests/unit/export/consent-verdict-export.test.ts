/**
 * Every export prints each action's consent verdict (never "agreed" unless the cities asked all
 * answered without objection), objections with their reasons, reservations with their notes and
 * the cities that did not answer; the export check warns about each action that is not agreed;
 * the words exist in all twelve languages.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { VerdictState, consentVerdict } from '@plenary/shared/control';
import {
  EXPORT_LABELS,
  EXPORT_LABELS_EN,
  exportDocument,
  exportDocumentSchema,
  exportWarnings,
  renderCsv,
  renderDocx,
  renderMarkdown,
  renderPrintHtml,
  ExportGap
} from '@plenary/shared/export';
import { OBJECTION, RESERVATION, VERDICT_TITLES, buildVerdictBoard, verdictInput } from '../../export/verdict-fixture.ts';

const l = EXPORT_LABELS_EN;
const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const docxText = async (): Promise<string> => {
  const xml = strFromU8(unzipSync(await renderDocx(verdictInput()))['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (e) => XML_ENTITIES[e]!)).join('\n');
};
const stripTags = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** What every human-readable format must say, in order of the actions. */
const EXPECTED = [
  'objected by Hanoi',
  `${OBJECTION.city}: ${OBJECTION.note}`,
  `${RESERVATION.city}: ${RESERVATION.note}`,
  'awaiting answers (1): Hanoi',
  'agreed by every city asked',
  'no lead city: it cannot be agreed'
];

describe('consent verdicts in exports', () => {
  it('Markdown: verdict, objection with reason, reservation with note, cities not answered; status never agreed unless agreed', () => {
    const md = renderMarkdown(verdictInput()).replace(/\\/g, '');
    for (const text of EXPECTED) expect(md).toContain(text);
    expect(md).toContain(`**${l.notAnswered}:** Hanoi`);
    const statuses = [...md.matchAll(/\*\*Status:\*\* (.+)/g)].map((m) => m[1]);
    expect(statuses).toEqual(['objected', 'awaiting consent', 'agreed', 'awaiting consent']);
  });

  it('print page (PDF): the same parts, and the verdict row carries its state', () => {
    const html = renderPrintHtml(verdictInput());
    const text = stripTags(html);
    for (const part of EXPECTED) expect(text).toContain(part);
    expect([...html.matchAll(/data-verdict="([^"]+)"/g)].map((m) => m[1])).toEqual(['objected', 'awaiting', 'agreed', 'no-lead']);
    expect(text).not.toContain('Status agreed Agreement objected');
  });

  it('Word: the same parts in the consent column', async () => {
    const text = await docxText();
    for (const part of EXPECTED) expect(text).toContain(part);
    expect(text).toContain(`${l.notAnswered}: Hanoi`);
  });

  it('CSV: verdict state, objections, reservations and cities not answered in their own columns; shown status', () => {
    const rows = parse(renderCsv(verdictInput()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
    expect(byTitle[VERDICT_TITLES.objected]).toMatchObject({
      status: 'objected',
      verdict: 'objected',
      objections: `${OBJECTION.city}: ${OBJECTION.note}`,
      reservations: `${RESERVATION.city}: ${RESERVATION.note}`,
      notAnswered: ''
    });
    expect(byTitle[VERDICT_TITLES.awaiting]).toMatchObject({ status: 'awaiting-consent', verdict: 'awaiting', notAnswered: 'Hanoi' });
    expect(byTitle[VERDICT_TITLES.agreed]).toMatchObject({ status: 'agreed', verdict: 'agreed' });
    expect(byTitle[VERDICT_TITLES.noLead]).toMatchObject({ status: 'awaiting-consent', verdict: 'no-lead' });
  });

  it('JSON: each action carries the verdict the board shows, and the file still validates', () => {
    const doc = exportDocument(verdictInput());
    expect(exportDocumentSchema.safeParse(JSON.parse(JSON.stringify(doc))).success).toBe(true);
    const { ids } = buildVerdictBoard();
    const board = doc.boards[0]!;
    const byTitle = Object.fromEntries(board.snapshot.cards.map((c) => [c.kind === 'action' ? c.title : c.id, c.id]));
    expect(board.verdicts[byTitle[VERDICT_TITLES.objected]!]).toMatchObject({
      state: 'objected',
      objections: [OBJECTION],
      reservations: [RESERVATION],
      missing: []
    });
    expect(board.verdicts[byTitle[VERDICT_TITLES.awaiting]!]).toMatchObject({ state: 'awaiting', missing: ['Hanoi'] });
    expect(board.statuses[byTitle[VERDICT_TITLES.agreed]!]).toBe('agreed');
    expect(doc.consentScope).toBe('involved');
    expect(Object.keys(board.verdicts)).toHaveLength(Object.keys(ids).length);
  });

  it('asks every city of the workshop when the scope says so: an agreed action turns back to awaiting', () => {
    const doc = exportDocument(verdictInput({ consentScope: 'workshop' }));
    const verdicts = Object.values(doc.boards[0]!.verdicts);
    expect(verdicts.some((v) => v.state === VerdictState.agreed)).toBe(false);
  });

  it('the export check warns about each agreed-lane action that is not agreed, with its verdict', () => {
    const { snapshot, consent } = buildVerdictBoard();
    const cities = ['Bangkok', 'Beijing', 'Fukuoka', 'Seoul', 'Hanoi', 'Phnom Penh', 'Ulaanbaatar', 'Moscow'];
    const warnings = exportWarnings(snapshot, (action) =>
      consentVerdict(
        action,
        (consent[action.id] ?? []).map((r) => ({ city: r.city, answer: r.answer, ...(r.note ? { note: r.note } : {}) })),
        'involved',
        cities
      )
    );
    expect(warnings.map((w) => [w.title, w.verdict?.state])).toEqual([
      [VERDICT_TITLES.objected, 'objected'],
      [VERDICT_TITLES.awaiting, 'awaiting'],
      [VERDICT_TITLES.noLead, 'no-lead']
    ]);
    expect(warnings.every((w) => w.missing.includes(ExportGap.consent))).toBe(true);
  });

  it('has the verdict words in all twelve languages, with their placeholders', () => {
    expect(Object.keys(EXPORT_LABELS)).toHaveLength(12);
    for (const [lang, labels] of Object.entries(EXPORT_LABELS)) {
      for (const key of ['agreement', 'objections', 'reservations', 'notAnswered'] as const) expect(labels[key], `${lang} ${key}`).toBeTruthy();
      expect(labels.verdicts.awaiting, lang).toContain('{count}');
      expect(labels.verdicts.awaiting, lang).toContain('{cities}');
      expect(labels.verdicts.objected, lang).toContain('{cities}');
      expect(labels.statuses['awaiting-consent'], lang).toBeTruthy();
      if (lang !== 'en') expect(labels.verdicts.agreed, lang).not.toBe(l.verdicts.agreed);
    }
    const th = renderMarkdown(verdictInput({ labels: EXPORT_LABELS.th!, lang: 'th' }));
    expect(th).toContain('คัดค้านโดย Hanoi');
  });
});
