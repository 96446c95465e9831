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
  themes: workshopSeed.themes.map((t) => t.en),
  startDate: workshopSeed.workshop.dates.start,
  endDate: workshopSeed.workshop.dates.end
};
