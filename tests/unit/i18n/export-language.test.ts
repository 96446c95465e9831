/**
 * Exports in the working language, in one chosen language, or side by side: card texts come from
 * the translations delegates added, headings from the labels of the document's language.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { EXPORT_LABELS, EXPORT_LABELS_EN, exportLabels, localiseExport, renderMarkdown, renderPrintHtml, type ExportInput } from '@plenary/shared/export';
import { addCard, createBoardDoc, getCardsMap, moveCard, readBoard, startTranslation, type CardInput } from '@plenary/shared/schema';
import { WORKSHOP, TAKEN_AT } from '../../export/fixtures.ts';

const thaiAction: CardInput = {
  kind: 'action',
  createdBy: 'Somchai',
  authorCity: 'Bangkok',
  lang: 'th',
  title: 'ลดขยะพลาสติกในตลาดสด',
  objective: 'ลดถุงพลาสติกลงครึ่งหนึ่งภายในปี 2570',
  leadCity: 'Bangkok',
  partnerCities: ['Seoul'],
  startDate: '2026-04-01',
  endDate: '2026-12-31',
  milestones: [],
  indicators: [],
  resources: '',
  responsibleOfficer: '',
  status: 'agreed'
} as unknown as CardInput;

/** A board with one agreed Thai action, its title translated into English (objective not). */
const input = (): ExportInput => {
  const doc: Y.Doc = createBoardDoc({ workshopId: 'w1', boardId: 'b1', theme: 'environment', title: 'Environment' });
  const id = addCard(doc, thaiAction);
  moveCard(doc, id, { lane: 'agreed' });
  const texts = startTranslation(getCardsMap(doc).get(id)!, 'action', 'en');
  texts.title!.insert(0, 'Less plastic in fresh markets');
  return { workshop: WORKSHOP, boards: [{ theme: 'Environment', snapshot: readBoard(doc) }], takenAt: TAKEN_AT };
};

describe('export language', () => {
  it('working: English where translated, the original elsewhere, English headings', () => {
    const md = renderMarkdown(localiseExport(input(), { lang: 'en', mode: 'working' }));
    expect(md).toContain('Less plastic in fresh markets');
    expect(md).not.toContain('ลดขยะพลาสติกในตลาดสด');
    expect(md).toContain('ลดถุงพลาสติกลงครึ่งหนึ่งภายในปี 2570');
    expect(md).toContain(EXPORT_LABELS_EN.actionPlan);
  });

  it('original: every text as written, with the chosen language’s headings', () => {
    const html = renderPrintHtml(localiseExport(input(), { lang: 'th', mode: 'original' }));
    expect(html).toContain('ลดขยะพลาสติกในตลาดสด');
    expect(html).not.toContain('Less plastic in fresh markets');
    expect(html).toContain(EXPORT_LABELS.th!.actionPlan);
    expect(html).toMatch(/<html lang="th"/);
  });

  it('side by side: the original, then the translation marked with its language', () => {
    const localised = localiseExport(input(), { lang: 'en', mode: 'side-by-side' });
    const card = localised.boards[0]!.snapshot.cards[0] as { title: string; lang: string };
    expect(card.title).toBe('ลดขยะพลาสติกในตลาดสด\n[en] Less plastic in fresh markets');
    expect(card.lang).toBe('th');
    const md = renderMarkdown(localised);
    expect(md).toContain('ลดขยะพลาสติกในตลาดสด');
    expect(md).toContain('Less plastic in fresh markets');
  });

  it('a card already in the document’s language is left as it is', () => {
    const given = input();
    const localised = localiseExport(given, { lang: 'th', mode: 'working' });
    expect(localised.boards[0]!.snapshot.cards[0]).toBe(given.boards[0]!.snapshot.cards[0]);
  });

  it('has headings in all twelve languages, each with every key and its own words', () => {
    const keys = (o: object): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]));
    expect(Object.keys(EXPORT_LABELS).sort()).toEqual(['en', 'hu', 'id', 'ja', 'km', 'ko', 'mn', 'pt', 'ru', 'th', 'vi', 'zh']);
    for (const [lang, labels] of Object.entries(EXPORT_LABELS)) {
      expect(keys(labels).sort(), lang).toEqual(keys(EXPORT_LABELS_EN).sort());
      if (lang !== 'en') expect(labels.actionPlan, lang).not.toBe(EXPORT_LABELS_EN.actionPlan);
    }
    expect(exportLabels('zh-Hans')).toBe(EXPORT_LABELS.zh);
    expect(exportLabels('xx')).toBe(EXPORT_LABELS_EN);
  });
});
