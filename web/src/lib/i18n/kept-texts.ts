/**
 * What the browser's `Intl` wrote for this reader — calendar days, language names — kept on the
 * device between visits. A page's first `Intl.DateTimeFormat` loads ICU's calendar data and its
 * first `Intl.DisplayNames` the names of the world's languages: each about 25 ms on a laptop and
 * 110 ms on a mid-range phone, paid while the board's first screen is drawn, since every action card
 * shows its dates and every card in another language its language's name. A returning device
 * writes what it wrote before from this copy, and makes the formatter only for a text it has not
 * written yet.
 *
 * Kept for one browser version (an update may write them differently), at most MAX_TEXTS texts (the
 * oldest go first), saved a moment after the last new one. Keys name what they are ("day|…",
 * "language|…") so one copy serves every kind.
 *
 * Public API
 *   keptOr(key, make)      the text kept under this key; else make()'s, kept for the next visit
 *                          (a make() that throws keeps nothing: its error is the caller's)
 */
import { readJson, removeKey, writeJson } from '../session/storage.ts';

const STORAGE_KEY = 'plenary.intl-texts';
/** Where earlier versions kept the days alone: dropped once, on the first read. */
const EARLIER_KEY = 'plenary.days';
/** Texts kept: a workshop's boards show a few dozen days and a dozen languages. */
export const MAX_TEXTS = 500;
/** New texts are saved together, this long after the last one. */
const SAVE_DELAY_MS = 2000;

interface Stored {
  browser: string;
  texts: Record<string, string>;
}

const browser = (): string => (typeof navigator === 'undefined' ? '' : navigator.userAgent);

let texts: Map<string, string> | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

const load = (): Map<string, string> => {
  if (texts) return texts;
  const stored = readJson<Stored>(STORAGE_KEY);
  const entries = stored?.browser === browser() && stored.texts && typeof stored.texts === 'object' ? Object.entries(stored.texts) : [];
  texts = new Map(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  removeKey(EARLIER_KEY);
  return texts;
};

const save = (): void => {
  saveTimer = null;
  writeJson(STORAGE_KEY, { browser: browser(), texts: Object.fromEntries(load()) } satisfies Stored);
};

export const keptOr = (key: string, make: () => string): string => {
  const kept = load();
  const known = kept.get(key);
  if (known !== undefined) return known;
  const text = make();
  kept.set(key, text);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_TEXTS) break;
    kept.delete(oldest);
  }
  // Only where there is a device to keep it on (not in the server's or the tests' Node).
  if (saveTimer === null && typeof localStorage !== 'undefined') saveTimer = setTimeout(save, SAVE_DELAY_MS);
  return text;
};
