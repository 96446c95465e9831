/** A board's theme in the interface language when it is one of the standing themes. */
import { workshopSeed } from '@plenary/shared/seed';

export const themeLabel = (theme: string, locale: string): string => {
  const known = workshopSeed.themes.find((t) => t.en === theme) as Record<string, string> | undefined;
  return known?.[locale] ?? theme;
};
