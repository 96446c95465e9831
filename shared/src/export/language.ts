/**
 * The language of an export. Cards are written in their authors' languages and may carry
 * translations (docs/SCHEMA.md §1.4); an export is produced in one of three modes:
 *
 *  - `working`: each text in the document's language where someone translated it (by default
 *    English, the working language of workshops), else as written;
 *  - `original`: every text as its author wrote it;
 *  - `side-by-side`: the text as written, followed by its translation into the document's language
 *    (marked with that language) where there is one.
 *
 * The document's headings and fixed words follow its language too (`exportLabels`). Pure: returns
 * a new input, the snapshots given are not changed.
 */
import type { CardSnapshot } from '../schema/snapshot-schema.ts';
import { exportLabels } from './labels-by-lang.ts';
import type { ExportInput } from './types.ts';

export const ExportMode = { working: 'working', original: 'original', sideBySide: 'side-by-side' } as const;
export type ExportMode = (typeof ExportMode)[keyof typeof ExportMode];
export const EXPORT_MODES: readonly ExportMode[] = Object.values(ExportMode);
export const isExportMode = (value: unknown): value is ExportMode => (EXPORT_MODES as readonly unknown[]).includes(value);

/** Language of the working language of workshops: the default of every export. */
export const WORKING_LANG = 'en';

/** What the caller chose: the document's language (BCP-47) and the mode. */
export interface ExportLanguage {
  lang: string;
  mode: ExportMode;
}

const TEXT_KEYS = ['text', 'title', 'objective', 'resources', 'responsibleOfficer'] as const;
type TextKey = (typeof TEXT_KEYS)[number];

const baseOf = (tag: string): string => tag.toLowerCase().split('-')[0]!;

/** The card's translation into `lang` (matching `zh` with `zh-Hans` and the like), if any. */
const translationInto = (card: CardSnapshot, lang: string): Partial<Record<TextKey, string>> | undefined => {
  const translations = card.translations;
  if (!translations) return undefined;
  if (translations[lang]) return translations[lang];
  const wanted = baseOf(lang);
  const key = Object.keys(translations).find((tag) => baseOf(tag) === wanted);
  return key ? translations[key] : undefined;
};

const localiseCard = (card: CardSnapshot, { lang, mode }: ExportLanguage): CardSnapshot => {
  if (mode === ExportMode.original || baseOf(card.lang) === baseOf(lang)) return card;
  const translation = translationInto(card, lang);
  if (!translation) return card;
  const out: Record<string, unknown> = { ...card };
  let translatedAll = true;
  for (const key of TEXT_KEYS) {
    const original = (card as Record<string, unknown>)[key];
    if (typeof original !== 'string' || original === '') continue;
    const translated = translation[key];
    if (!translated) {
      translatedAll = false;
      continue;
    }
    out[key] = mode === ExportMode.working ? translated : `${original}\n[${lang}] ${translated}`;
  }
  // A card wholly in the document's language is marked so; a mixed one keeps its own `lang`.
  if (mode === ExportMode.working && translatedAll) out.lang = lang;
  return out as CardSnapshot;
};

/** The export input in the chosen language and mode (labels included, unless the caller gave some). */
export const localiseExport = (input: ExportInput, choice: ExportLanguage): ExportInput => ({
  ...input,
  labels: input.labels ?? exportLabels(choice.lang),
  lang: choice.lang,
  boards: input.boards.map((board) => ({
    ...board,
    snapshot: { ...board.snapshot, cards: board.snapshot.cards.map((card) => localiseCard(card, choice)) }
  }))
});
