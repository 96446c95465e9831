/**
 * What an automatic version's label says, kept as a kind and its parameters instead of words, so
 * the web app and exports write it in their reader's language. Versions saved before this existed
 * stored English words; `autoLabelOf` reads those back as the same kinds.
 */
/** An automatic version's label, without words. */
export type AutoLabel =
  | { kind: 'board-locked' }
  | { kind: 'timer-ended' }
  | { kind: 'hourly' }
  /** Saved just before a restore; `of` names the version that was restored. */
  | { kind: 'before-restore'; of: RestoredVersionName };

/** The version a restore brought back: a facilitator's label as written, or an automatic one's kind and time. */
export type RestoredVersionName = { label: string } | { kind: AutoLabel['kind']; at: string };

export const AUTO_LABEL_KINDS = ['board-locked', 'timer-ended', 'hourly', 'before-restore'] as const satisfies readonly AutoLabel['kind'][];

/**
 * The English words automatic versions were stored with before labels were kept as kinds; the API
 * still gives them as `label`, for readers of the JSON.
 */
export const AUTO_LABEL_ENGLISH: AutoLabelWords = {
  'board-locked': 'Board locked',
  'timer-ended': 'Timer ended',
  hourly: 'Hourly version',
  'before-restore': 'Before restoring “{of}”'
};
const STORED_ENGLISH: Readonly<Record<string, AutoLabel>> = Object.fromEntries(
  (['board-locked', 'timer-ended', 'hourly'] as const).map((kind) => [AUTO_LABEL_ENGLISH[kind], { kind }])
);
const STORED_BEFORE_RESTORE = /^Before restoring “([\s\S]*)”$/;

/** How a restored version is named inside a "before restore" label. */
export const restoredVersionName = (version: { label: string; createdAt: string; autoLabel?: AutoLabel | undefined }): RestoredVersionName =>
  version.autoLabel ? { kind: version.autoLabel.kind, at: version.createdAt } : { label: version.label };

/**
 * The label of a stored version: its kind when it was stored with one, else read from the English
 * words older versions were stored with. Null for a version a facilitator named (its label is
 * their own words) and for English words that match nothing known.
 */
export const autoLabelOf = (stored: { auto: string | null; label?: string | undefined; autoLabel?: AutoLabel | undefined }): AutoLabel | null => {
  if (!stored.auto) return null;
  if (stored.autoLabel) return stored.autoLabel;
  const label = stored.label ?? '';
  const known = STORED_ENGLISH[label];
  if (known) return known;
  const restored = STORED_BEFORE_RESTORE.exec(label);
  if (restored) {
    // The restored version's own label: an older automatic one reads as its kind (no time was kept).
    const inner = STORED_ENGLISH[restored[1]!];
    return { kind: 'before-restore', of: inner ? { kind: inner.kind, at: '' } : { label: restored[1]! } };
  }
  return null;
};

/** The words of a label, for one language: a template per kind (`{of}` is the restored version's name). */
export interface AutoLabelWords {
  'board-locked': string;
  'timer-ended': string;
  hourly: string;
  /** Contains `{of}`. */
  'before-restore': string;
}

/**
 * The label in words. `formatTime` writes an instant for the reader; an automatic restored
 * version is named by its kind, and its time when known.
 */
export const autoLabelText = (label: AutoLabel, words: AutoLabelWords, formatTime: (iso: string) => string): string => {
  if (label.kind !== 'before-restore') return words[label.kind];
  const of = label.of;
  const name = 'label' in of ? of.label : [words[of.kind].replace('{of}', '…'), of.at ? formatTime(of.at) : ''].filter(Boolean).join(' · ');
  return words['before-restore'].replace('{of}', name);
};
