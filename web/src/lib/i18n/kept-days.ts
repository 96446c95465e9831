/**
 * Calendar days as the reader writes them, kept on the device between visits. A page's first
 * `Intl.DateTimeFormat` loads ICU's calendar data: about 28 ms on a laptop and 110 ms on a
 * mid-range phone, paid while the board's first screen is drawn, since every action card shows its
 * dates. A returning device writes the days it showed before from this copy, and makes the
 * formatter only for a day it has not shown yet.
 *
 * Kept for one browser version (an update may write dates differently), at most MAX days (the
 * oldest go first), saved a moment after the last new one.
 *
 * Public API
 *   keptDay(key)          the text kept for this language, style and day, if any
 *   keepDay(key, text)    keeps it for the next visit
 */
import { readJson, writeJson } from '../session/storage.ts';

const STORAGE_KEY = 'plenary.days';
/** Days kept: a workshop's boards show a few dozen. */
const MAX = 400;
/** New days are saved together, this long after the last one. */
const SAVE_DELAY_MS = 2000;

interface Stored {
  browser: string;
  days: Record<string, string>;
}

const browser = (): string => (typeof navigator === 'undefined' ? '' : navigator.userAgent);

let days: Map<string, string> | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

const load = (): Map<string, string> => {
  if (days) return days;
  const stored = readJson<Stored>(STORAGE_KEY);
  const entries = stored?.browser === browser() && stored.days && typeof stored.days === 'object' ? Object.entries(stored.days) : [];
  days = new Map(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return days;
};

const save = (): void => {
  saveTimer = null;
  writeJson(STORAGE_KEY, { browser: browser(), days: Object.fromEntries(load()) } satisfies Stored);
};

export const keptDay = (key: string): string | undefined => load().get(key);

export const keepDay = (key: string, text: string): void => {
  const kept = load();
  kept.delete(key);
  kept.set(key, text);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX) break;
    kept.delete(oldest);
  }
  // Only where there is a device to keep it on (not in the server's or the tests' Node).
  if (saveTimer === null && typeof localStorage !== 'undefined') saveTimer = setTimeout(save, SAVE_DELAY_MS);
};
