/**
 * A theme's name in each of the seminar's twelve languages. A workshop's board carries the names
 * its facilitators gave (`BoardRef.names`); the seminar's standing themes bring theirs from the
 * seed. Readers see the name in their own language, else the name the theme was created with.
 */
import { workshopSeed } from '../seed/index.ts';

/** The languages a theme can be named in: the seminar's twelve (`en th zh ja ko vi id ru km mn hu pt`). */
export const THEME_LANGUAGES: readonly string[] = workshopSeed.languages;

/** A theme's name per language (language code → name); languages without a name are absent. */
export type ThemeNames = Partial<Record<string, string>>;

/** Longest theme name (characters), the same as a theme given when a workshop is created. */
export const THEME_NAME_MAX = 200;

type SeedTheme = (typeof workshopSeed.themes)[number];

const seedThemeOf = (theme: string): SeedTheme | undefined =>
  workshopSeed.themes.find((t) => THEME_LANGUAGES.some((lang) => (t as Record<string, string>)[lang] === theme));

/** The twelve names of a standing theme given in any of its languages; `{}` for a theme of the workshop's own. */
export const standingThemeNames = (theme: string): ThemeNames => {
  const seed = seedThemeOf(theme) as Record<string, string> | undefined;
  if (!seed) return {};
  return Object.fromEntries(THEME_LANGUAGES.filter((lang) => seed[lang]).map((lang) => [lang, seed[lang]!]));
};

const baseOf = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0]!;

/**
 * The theme's name in `lang` (a BCP-47 tag: `zh-Hans` finds `zh`): the workshop's own name for
 * that language, else the standing theme's, else the name it was created with.
 */
export const themeName = (board: { theme: string; names?: ThemeNames | undefined }, lang: string): string => {
  const base = baseOf(lang);
  return board.names?.[base]?.trim() || standingThemeNames(board.theme)[base] || board.theme;
};

/** The names after applying `changes`: given names replace, empty ones are removed. */
export const mergeThemeNames = (current: ThemeNames | undefined, changes: ThemeNames): ThemeNames => {
  const next: Record<string, string> = {};
  for (const [lang, name] of Object.entries({ ...current, ...changes })) if (name) next[lang] = name;
  return next;
};
