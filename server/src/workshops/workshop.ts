import type { Role } from '@plenary/shared/protocol';

/** A participating or host city (English name, name in its own script, country, language). */
export interface City {
  en: string;
  native?: string;
  country?: string;
  lang?: string;
}

export interface BoardRef {
  id: string;
  theme: string;
}

/** A workshop as stored (meta key `workshop:<id>`). */
export interface Workshop {
  id: string;
  title: string;
  hostCity?: City;
  cities: City[];
  startDate?: string;
  endDate?: string;
  boards: BoardRef[];
  joinCode: string;
  createdAt: string;
  /** Link generation per role; re-issuing a role's link bumps it and old tokens stop working. */
  generations: Record<Role, number>;
}
