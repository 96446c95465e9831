/**
 * Consent on agreed actions: each city answers endorse, endorse with a reservation, or object.
 * An action counts as agreed when no city objects.
 */
import { ConsentAnswer } from './constants.ts';
import type { ConsentRecord, ControlSnapshot } from './types.ts';

/** The answers on one action, per kind, and the cities still to answer. */
export interface ConsentSummary {
  endorse: number;
  reservation: number;
  object: number;
  /** Records by city. */
  byCity: Record<string, ConsentRecord>;
  /** Cities of the workshop that have not answered, in the order given. */
  missing: string[];
  /** True when no city objects. */
  agreed: boolean;
}

/** The consent records of one action, from a control snapshot, against the workshop's cities. */
export const summariseConsent = (
  consent: ControlSnapshot['consent'],
  boardId: string,
  actionId: string,
  cities: readonly string[]
): ConsentSummary => {
  const prefix = `${boardId}/${actionId}/`;
  const summary: ConsentSummary = { endorse: 0, reservation: 0, object: 0, byCity: {}, missing: [], agreed: true };
  for (const [key, record] of Object.entries(consent)) {
    if (!key.startsWith(prefix)) continue;
    summary.byCity[record.city] = record;
    summary[record.answer]++;
  }
  summary.missing = cities.filter((c) => !summary.byCity[c]);
  summary.agreed = summary[ConsentAnswer.object] === 0;
  return summary;
};
