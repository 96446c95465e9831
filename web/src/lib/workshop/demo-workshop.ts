/** The demo seminar (16 sister cities, 5 themes), as the create form's fields. */
import { workshopSeed } from '@plenary/shared/seed';
import type { City } from '$lib/api';

export const DEMO_HOST: City = {
  en: workshopSeed.workshop.host.city,
  native: workshopSeed.workshop.host.native,
  country: workshopSeed.workshop.host.country,
  lang: workshopSeed.workshop.host.lang
};

export const DEMO_CITIES: City[] = workshopSeed.cities.map((c) => ({ ...c }));

export const DEMO_WORKSHOP = {
  title: workshopSeed.workshop.title,
  host: DEMO_HOST,
  cities: DEMO_CITIES,
  startDate: workshopSeed.workshop.dates.start,
  endDate: workshopSeed.workshop.dates.end
};

/** The seminar's themes in the reader's language (the server knows them in all twelve by any of their names). */
export const demoThemes = (locale: string): string[] => workshopSeed.themes.map((t) => (t as Record<string, string>)[locale] ?? t.en);
