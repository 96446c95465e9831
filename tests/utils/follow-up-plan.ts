/**
 * The 2018 Bangkok seminar's demo plan for follow-up tests: three actions in the agreed lane of one
 * board. Two are agreed by every city they involve (Bangkok and Ho Chi Minh City, each leading
 * one); the third waits for Porto's answer and so never becomes a commitment.
 */
import type * as Y from 'yjs';
import { addCard, type CardInput } from '@plenary/shared/schema';

export const PLAN_CITIES = {
  hostCity: { en: 'Bangkok', native: 'กรุงเทพมหานคร', country: 'Thailand', lang: 'th' },
  cities: [
    { en: 'Ho Chi Minh City', native: 'Thành phố Hồ Chí Minh', country: 'Vietnam', lang: 'vi' },
    { en: 'Porto', country: 'Portugal', lang: 'pt' },
    { en: 'Seoul', native: '서울', country: 'Korea', lang: 'ko' }
  ]
} as const;

export interface DemoPlan {
  /** Led by Bangkok, Ho Chi Minh City partner: agreed. */
  schools: string;
  /** Led by Ho Chi Minh City, Bangkok partner: agreed. */
  river: string;
  /** Led by Porto, Bangkok partner: awaiting Porto, not agreed. */
  fair: string;
}

/** Adds the three actions to a board document (the caller syncs or writes it). */
export const addDemoPlan = (doc: Y.Doc): DemoPlan => {
  const action = (input: Omit<Extract<CardInput, { kind: 'action' }>, 'kind' | 'lane' | 'createdBy' | 'authorCity' | 'status'>) =>
    addCard(doc, { kind: 'action', lane: 'agreed', createdBy: 'Pim', authorCity: 'Bangkok', status: 'agreed', ...input });
  return {
    schools: action({
      lang: 'en',
      title: 'Green schools exchange',
      objective: 'Twelve schools of both cities run a joint environment curriculum',
      leadCity: 'Bangkok',
      partnerCities: ['Ho Chi Minh City'],
      startDate: '2018-06-01',
      endDate: '2019-05-31',
      milestones: [
        { date: '2018-09-01', text: 'First teacher visit' },
        { date: '2019-03-01', text: 'Joint curriculum published' }
      ],
      indicators: [{ indicator: 'Schools in the exchange', target: '12' }],
      resources: '2 million THB from the BMA education budget',
      responsibleOfficer: 'International Affairs Division, BMA'
    }),
    river: action({
      lang: 'en',
      title: 'River clean-up know-how transfer',
      objective: 'Apply the Chao Phraya clean-up methods on the Saigon River',
      leadCity: 'Ho Chi Minh City',
      partnerCities: ['Bangkok'],
      startDate: '2018-07-01',
      endDate: '2019-12-31',
      milestones: [
        { date: '2018-11-30', text: 'Study visit to the Chao Phraya' },
        { date: '2019-06-30', text: 'Pilot section on the Saigon River' }
      ],
      indicators: [{ indicator: 'Kilometres of river cleaned', target: '5' }],
      resources: 'City budget and ODA',
      responsibleOfficer: 'Department of Natural Resources and Environment'
    }),
    fair: action({
      lang: 'en',
      title: 'Sister-city tourism fair',
      objective: 'A fair in Porto with stands of every sister city',
      leadCity: 'Porto',
      partnerCities: ['Bangkok'],
      startDate: '2019-04-01',
      endDate: '2019-04-05',
      milestones: [{ date: '2019-01-15', text: 'Stands booked' }],
      indicators: [],
      resources: '',
      responsibleOfficer: ''
    })
  };
};

/** The consent answers that make `schools` and `river` agreed (a facilitator records them for each city). */
export const DEMO_CONSENT = (plan: DemoPlan): { actionId: string; city: string }[] => [
  { actionId: plan.schools, city: 'Bangkok' },
  { actionId: plan.schools, city: 'Ho Chi Minh City' },
  { actionId: plan.river, city: 'Ho Chi Minh City' },
  { actionId: plan.river, city: 'Bangkok' }
];
