/**
 * Consent on agreed actions: each city answers endorse, endorse with a reservation, or object.
 * This module counts the answers; whether an action is agreed is `consentVerdict`'s to say
 * (verdict.ts), never a count's.
 */
import type { ConsentRecord, ControlSnapshot } from './types.ts';

/** The answers on one action, per kind, and the cities still to answer. */
export interface ConsentSummary {
  endorse: number;
  reservation: number;
  object: number;
  /** Records by city. */
  byCity: Record<string, ConsentRecord>;
  /** Cities of `cities` that have not answered, in the order given. */
  missing: string[];
}

/**
 * The consent records of one action, from a control snapshot, against `cities` (the cities the
 * action asks: see `citiesAsked`).
 */
export const summariseConsent = (consent: ControlSnapshot['consent'], boardId: string, actionId: string, cities: readonly string[]): ConsentSummary => {
  const prefix = `${boardId}/${actionId}/`;
  const summary: ConsentSummary = { endorse: 0, reservation: 0, object: 0, byCity: {}, missing: [] };
  for (const [key, record] of Object.entries(consent)) {
    if (!key.startsWith(prefix)) continue;
    summary.byCity[record.city] = record;
    summary[record.answer]++;
  }
  summary.missing = cities.filter((c) => !summary.byCity[c]);
  return summary;
};
