/**
 * The agreement rule, written once: every surface (the card's consent panel, the board, the wall,
 * present mode, every export and the export check) renders the `ConsentVerdict` computed here.
 *
 * An action is **agreed** only when it has a lead city and every city asked — by default the
 * cities it involves (its lead and partner cities), or every city of the workshop when the
 * facilitator chose the `workshop` scope — has answered, and none objects. Otherwise it is
 * *objected* (by whom, with their reasons), *awaiting* the cities that have not answered, or it
 * has *no lead city* and cannot be agreed at all. Answers of cities that are not asked (a partner
 * removed after answering, or every city while the scope was `workshop`) are kept but not counted.
 */
import { ConsentAnswer, ConsentScope } from './constants.ts';

/** What the rule needs of an action: the cities it involves. */
export interface VerdictAction {
  leadCity: string | null;
  partnerCities: readonly string[];
}

/** One city's answer, as counted. */
export interface VerdictAnswer {
  city: string;
  answer: ConsentAnswer;
  note?: string;
}

/** A city with what it said (the reservation or the reason for objecting). */
export interface CityNote {
  city: string;
  note: string;
}

/** The kinds of verdict, in the order they take precedence. */
export const VerdictState = {
  /** No lead city: the action cannot be agreed whatever the answers. */
  noLead: 'no-lead',
  /** At least one asked city objects. */
  objected: 'objected',
  /** No objection yet, but some asked cities have not answered. */
  awaiting: 'awaiting',
  /** Every asked city answered and none objects. */
  agreed: 'agreed'
} as const;
export type VerdictState = (typeof VerdictState)[keyof typeof VerdictState];

interface VerdictDetail {
  /** The cities asked, in the order given (lead first, then partners; or the workshop's list). */
  asked: string[];
  /** Asked cities that endorse without reservation. */
  endorsed: string[];
  /** Asked cities that endorse with a reservation, with it. */
  reservations: CityNote[];
  /** Asked cities that object, with their reasons. */
  objections: CityNote[];
  /** Asked cities that have not answered. */
  missing: string[];
}

/** Where an action stands on consent. Render it with a switch on `state`; only `agreed` is green. */
export type ConsentVerdict =
  | ({ state: typeof VerdictState.noLead } & VerdictDetail)
  | ({ state: typeof VerdictState.objected } & VerdictDetail)
  | ({ state: typeof VerdictState.awaiting } & VerdictDetail)
  | ({ state: typeof VerdictState.agreed } & VerdictDetail);

const norm = (city: string): string => city.trim().toLowerCase();

const unique = (cities: Iterable<string>): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of cities) {
    const city = c.trim();
    if (city && !seen.has(norm(city))) {
      seen.add(norm(city));
      out.push(city);
    }
  }
  return out;
};

/**
 * The cities whose answers count for `action` under `scope`: its lead and partners (`involved`),
 * or every city of the workshop (`workshop`).
 */
export const citiesAsked = (action: VerdictAction, scope: ConsentScope, workshopCities: readonly string[]): string[] =>
  scope === ConsentScope.workshop ? unique(workshopCities) : unique([...(action.leadCity ? [action.leadCity] : []), ...action.partnerCities]);

/** True when `city` is one of `asked` (names compare without case or surrounding blanks). */
export const isCityAsked = (asked: readonly string[], city: string): boolean => asked.some((c) => norm(c) === norm(city));

/** The verdict on one action from the answers recorded for it (any order; one per city). */
export const consentVerdict = (
  action: VerdictAction,
  answers: readonly VerdictAnswer[],
  scope: ConsentScope,
  workshopCities: readonly string[]
): ConsentVerdict => {
  const asked = citiesAsked(action, scope, workshopCities);
  const byCity = new Map(answers.map((a) => [norm(a.city), a]));
  const detail: VerdictDetail = { asked, endorsed: [], reservations: [], objections: [], missing: [] };
  for (const city of asked) {
    const a = byCity.get(norm(city));
    if (!a) detail.missing.push(city);
    else if (a.answer === ConsentAnswer.object) detail.objections.push({ city, note: a.note ?? '' });
    else if (a.answer === ConsentAnswer.reservation) detail.reservations.push({ city, note: a.note ?? '' });
    else detail.endorsed.push(city);
  }
  if (!action.leadCity?.trim()) return { state: VerdictState.noLead, ...detail };
  if (detail.objections.length > 0) return { state: VerdictState.objected, ...detail };
  if (detail.missing.length > 0) return { state: VerdictState.awaiting, ...detail };
  return { state: VerdictState.agreed, ...detail };
};

/** The verdict on one action from a control snapshot's consent records (`<boardId>/<actionId>/<city>`). */
export const verdictFromRecords = (
  action: VerdictAction & { id: string },
  boardId: string,
  consent: Readonly<Record<string, { boardId: string; actionId: string; city: string; answer: ConsentAnswer; note?: string }>>,
  scope: ConsentScope,
  workshopCities: readonly string[]
): ConsentVerdict =>
  consentVerdict(
    action,
    Object.values(consent).filter((r) => r.boardId === boardId && r.actionId === action.id),
    scope,
    workshopCities
  );
