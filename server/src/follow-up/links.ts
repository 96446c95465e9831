/**
 * Follow-up links: each city's long-lived link and the read-only outcomes link. They are signed
 * like the workshop's links (auth/tokens.ts) with a follow-up role, so the meeting's token check
 * refuses them everywhere — boards, the sync upgrade, facilitation — and they open only the
 * follow-up routes. Each link has a generation in the follow-up state; re-issuing a city's link
 * bumps that city's generation alone, so its old link stops working and the other cities' stay.
 */
import { FollowUpLimits, FollowUpRole, type FollowUpClaims } from '@plenary/shared/follow-up';
import type { TokenSigner } from '../auth/tokens.ts';
import { matchCity } from '../facilitation/participants.ts';
import { createKeyedMutex } from '../lib/keyed-mutex.ts';
import { Refusal, RefusalKind } from '../lib/refusal.ts';
import type { Workshop } from '../workshops/workshop.ts';
import { cityKey, type FollowUpRecords, type FollowUpState } from './records.ts';

const TTL_SECONDS = FollowUpLimits.linkTtlDays * 86_400;

/** Who holds a follow-up link: a city, or a reader of the outcomes. */
export type FollowUpViewer = { role: typeof FollowUpRole.city; city: string } | { role: typeof FollowUpRole.outcomes };

export type LinkRequest = { role: typeof FollowUpRole.city; city: string; reissue: boolean } | { role: typeof FollowUpRole.outcomes; reissue: boolean };

const generationOf = (state: FollowUpState, claims: Pick<FollowUpClaims, 'r' | 'c'>): number =>
  claims.r === FollowUpRole.city ? (state.generations.cities[cityKey(claims.c ?? '')] ?? 0) : state.generations.outcomes;

export const createFollowUpLinks = (signer: TokenSigner, records: FollowUpRecords) => {
  // Re-issuing reads and writes the state: one at a time per workshop on this instance.
  const mutex = createKeyedMutex();
  return {
    /** A link's token; `reissue` first retires the current one. City names must be the workshop's. */
    async issue(workshop: Workshop, request: LinkRequest): Promise<{ token: string; city?: string }> {
      const city = request.role === FollowUpRole.city ? matchCity(workshop, request.city) : undefined;
      if (request.role === FollowUpRole.city && !city) throw new Refusal(RefusalKind.invalid, 'city: not a city of this workshop', 'city');
      return mutex.run(workshop.id, async () => {
        let state = await records.state(workshop.id);
        const claims = { w: workshop.id, r: request.role, ...(city ? { c: city } : {}) } as Pick<FollowUpClaims, 'w' | 'r' | 'c'>;
        if (request.reissue) {
          const next = generationOf(state, claims) + 1;
          state = {
            ...state,
            generations:
              request.role === FollowUpRole.city
                ? { ...state.generations, cities: { ...state.generations.cities, [cityKey(city!)]: next } }
                : { ...state.generations, outcomes: next }
          };
          await records.saveState(workshop.id, state);
        }
        return { token: signer.signFollowUp({ ...claims, g: generationOf(state, claims) }, TTL_SECONDS), ...(city ? { city } : {}) };
      });
    },
    /** The holder of a follow-up token of this workshop, or null (forged, expired, re-issued, another workshop's, a meeting token). */
    async viewerOf(workshop: Workshop, token: string | null): Promise<FollowUpViewer | null> {
      const check = signer.verifyFollowUp(token);
      if (!check.ok || check.claims.w !== workshop.id) return null;
      const state = await records.state(workshop.id);
      if (check.claims.g !== generationOf(state, check.claims)) return null;
      if (check.claims.r === FollowUpRole.city) {
        const city = matchCity(workshop, check.claims.c ?? '');
        return city ? { role: FollowUpRole.city, city } : null;
      }
      return { role: FollowUpRole.outcomes };
    }
  };
};
export type FollowUpLinks = ReturnType<typeof createFollowUpLinks>;
