/** How versions and their differences are named on screen, in the person's language. */
import type { CardSnapshot } from '@plenary/shared/schema';
import type { AutoLabel, CardDiff, RestoredVersionName, VersionAuto, VersionInfo } from '@plenary/shared/versions';
import { formatInstant, i18n } from '$lib/i18n';

/** A named version shows its label; an automatic one the reason it was saved. */
export const versionTitle = (v: VersionInfo): string => (v.auto ? i18n.t(`versions.auto.${v.auto}`) : v.label);

const REASON_OF_KIND: Record<AutoLabel['kind'], VersionAuto> = {
  'board-locked': 'lock',
  'timer-ended': 'timer',
  hourly: 'hourly',
  'before-restore': 'restore'
};

/** The version a restore brought back: its label as written, or its reason and time. */
const restoredName = (of: RestoredVersionName): string =>
  'label' in of ? of.label : [i18n.t(`versions.auto.${REASON_OF_KIND[of.kind]}`), of.at ? formatInstant(of.at, i18n.locale) : ''].filter(Boolean).join(' · ');

/**
 * What an automatic version's title leaves out, in the reader's language: which version a restore
 * replaced. Empty when the title says it all; an old label the app cannot read is shown as stored.
 */
export const versionDetail = (v: VersionInfo): string => {
  if (!v.auto) return '';
  if (v.autoLabel?.kind === 'before-restore') return i18n.t('versions.beforeRestoring', { label: restoredName(v.autoLabel.of) });
  return v.autoLabel ? '' : v.label;
};

export const versionTime = (v: VersionInfo): string => formatInstant(v.createdAt, i18n.locale);

export const versionAuthor = (v: VersionInfo): string => (v.author === 'system' ? i18n.t('versions.author.system') : v.author);

/** The line a card is known by: an action's title, else its text. */
export const cardLine = (card: CardSnapshot): string => (card.kind === 'action' ? card.title : card.text);

const KNOWN_FIELDS = new Set([
  'title',
  'objective',
  'text',
  'leadCity',
  'partnerCities',
  'startDate',
  'endDate',
  'milestones',
  'indicators',
  'resources',
  'responsibleOfficer',
  'status'
]);

/** "title, end date" — the changed fields of a card, translated; bookkeeping fields as "other details". */
export const changedFields = (diff: CardDiff): string => {
  const names = diff.fields.map((f) => (KNOWN_FIELDS.has(f.field) ? i18n.t(`versions.field.${f.field}`) : i18n.t('versions.field.other')));
  return [...new Set(names)].join(', ');
};

/** What a card is marked with on either side of a comparison. */
export type DiffMark = 'added' | 'removed' | 'moved' | 'changed';
export interface CardMarks {
  marks: DiffMark[];
  fields: string;
}

/** Marks per card id for the earlier side (`then`) or the later side (`now`) of a comparison. */
export const marksFor = (cards: readonly CardDiff[], side: 'then' | 'now'): Map<string, CardMarks> => {
  const out = new Map<string, CardMarks>();
  for (const diff of cards) {
    const marks: DiffMark[] = [];
    if (diff.presence === 'added' && side === 'now') marks.push('added');
    if (diff.presence === 'removed' && side === 'then') marks.push('removed');
    if (diff.moved) marks.push('moved');
    if (diff.fields.length > 0) marks.push('changed');
    if (marks.length > 0) out.set(diff.id, { marks, fields: changedFields(diff) });
  }
  return out;
};
