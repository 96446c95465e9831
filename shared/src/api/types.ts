/** Shapes of the Plenary HTTP API's requests and answers, shared by the server and the web app (see README, "HTTP API"). */
import type { Role } from '../protocol/tokens.ts';
import type { ThemeNames } from '../themes/index.ts';

/** A participating or host city: English name, name in its own script, country, language. */
export interface City {
  en: string;
  native?: string;
  country?: string;
  lang?: string;
}

/** A theme board of a workshop; its id is the name of its Yjs document. */
export interface BoardRef {
  id: string;
  /** The theme as the workshop was created with it. */
  theme: string;
  /** The theme's name per language (standing themes: all twelve; facilitators may change them). */
  names?: ThemeNames;
}

export interface RoleTokens {
  facilitator: string;
  delegate: string;
  observer: string;
}

export interface CreateWorkshopInput {
  title: string;
  themes?: string[];
  hostCity?: City;
  cities?: City[];
  /** YYYY-MM-DD */
  startDate?: string;
  endDate?: string;
}

export interface CreatedWorkshop {
  id: string;
  title: string;
  boards: BoardRef[];
  tokens: RoleTokens;
  joinCode: string;
}

export interface Workshop {
  id: string;
  title: string;
  hostCity?: City | null;
  cities: City[];
  startDate?: string | null;
  endDate?: string | null;
  boards: BoardRef[];
  role: Role;
  /** Not given to observers. */
  joinCode?: string;
  /** Only for facilitators. */
  tokens?: RoleTokens;
}

export interface JoinResult {
  workshopId: string;
  title: string;
  /** A delegate token. */
  token: string;
  cities: City[];
}

/** What a voter sees of their own ballot in a dot-voting round (its votes are card ids). */
export interface MyVotes {
  votes: string[];
  left: number;
}
