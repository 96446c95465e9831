import type { BoardRef, City } from '@plenary/shared/api';
import type { Role } from '@plenary/shared/protocol';

export type { BoardRef, City };

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
