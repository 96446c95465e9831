/** The agreement rule (shared/src/control/verdict.ts) and the status an action shows from it. */
import { describe, expect, it } from 'vitest';
import { ShownStatus, VerdictState, citiesAsked, consentVerdict, shownStatus } from '@plenary/shared/control';

const action = { leadCity: 'Porto', partnerCities: ['Kobe', 'Surabaya'] };
const workshop = ['Bordeaux', 'Porto', 'Kobe', 'Surabaya', 'Shanghai'];

describe('consent verdict', () => {
  it('asks the lead and partner cities by default, every city of the workshop when chosen', () => {
    expect(citiesAsked(action, 'involved', workshop)).toEqual(['Porto', 'Kobe', 'Surabaya']);
    expect(citiesAsked({ leadCity: 'Porto', partnerCities: ['porto ', 'Kobe'] }, 'involved', workshop)).toEqual(['Porto', 'Kobe']);
    expect(citiesAsked(action, 'workshop', workshop)).toEqual(workshop);
  });

  it('is never agreed with no answers: it awaits every city asked', () => {
    const v = consentVerdict(action, [], 'involved', workshop);
    expect(v).toMatchObject({ state: VerdictState.awaiting, missing: ['Porto', 'Kobe', 'Surabaya'] });
  });

  it('is agreed only when every city asked answered and none objects; reservations are carried', () => {
    const answers = [
      { city: 'Porto', answer: 'endorse' },
      { city: 'kobe', answer: 'reservation', note: 'Budget from 2027' },
      { city: 'Surabaya', answer: 'endorse' },
      // Not asked under the involved scope: kept elsewhere, not counted.
      { city: 'Shanghai', answer: 'object', note: 'Not consulted' }
    ] as const;
    const v = consentVerdict(action, answers, 'involved', workshop);
    expect(v).toMatchObject({
      state: VerdictState.agreed,
      endorsed: ['Porto', 'Surabaya'],
      reservations: [{ city: 'Kobe', note: 'Budget from 2027' }],
      missing: []
    });
    // Every city asked: Shanghai's objection now counts, Bordeaux has not answered.
    expect(consentVerdict(action, answers, 'workshop', workshop)).toMatchObject({
      state: VerdictState.objected,
      objections: [{ city: 'Shanghai', note: 'Not consulted' }],
      missing: ['Bordeaux']
    });
  });

  it('says objected before awaiting, and no lead city before anything', () => {
    const objected = consentVerdict(action, [{ city: 'Kobe', answer: 'object', note: 'Too costly' }], 'involved', workshop);
    expect(objected).toMatchObject({ state: VerdictState.objected, missing: ['Porto', 'Surabaya'] });
    const noLead = consentVerdict({ leadCity: null, partnerCities: ['Kobe'] }, [{ city: 'Kobe', answer: 'endorse' }], 'involved', workshop);
    expect(noLead.state).toBe(VerdictState.noLead);
    expect(consentVerdict({ leadCity: ' ', partnerCities: [] }, [], 'workshop', workshop).state).toBe(VerdictState.noLead);
  });

  it('derives the shown status so lane, status and verdict never contradict', () => {
    const agreed = consentVerdict(
      action,
      ['Porto', 'Kobe', 'Surabaya'].map((city) => ({ city, answer: 'endorse' as const })),
      'involved',
      workshop
    );
    const awaiting = consentVerdict(action, [], 'involved', workshop);
    const objected = consentVerdict(action, [{ city: 'Kobe', answer: 'object', note: 'x' }], 'involved', workshop);
    expect(shownStatus('agreed', 'draft', awaiting)).toBe(ShownStatus.awaitingConsent);
    expect(shownStatus('agreed', 'agreed', objected)).toBe(ShownStatus.objected);
    expect(shownStatus('agreed', 'draft', agreed)).toBe(ShownStatus.agreed);
    expect(shownStatus('agreed', 'in-progress', agreed)).toBe(ShownStatus.inProgress);
    expect(shownStatus('proposed', 'agreed', agreed)).toBe(ShownStatus.proposed);
    expect(shownStatus('parked', 'done', agreed)).toBe(ShownStatus.proposed);
    expect(shownStatus('proposed', 'draft', awaiting)).toBe(ShownStatus.draft);
    expect(shownStatus('parked', 'dropped', awaiting)).toBe(ShownStatus.dropped);
  });
});
