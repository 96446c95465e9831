/**
 * A board for consent-verdict export tests: four actions in the agreed lane — one objected (with a
 * reason, and a reservation beside it), one awaiting a city, one agreed, one without a lead city —
 * and the consent records the workshop's control document would hold for them.
 */
import { addCard, createBoardDoc, readBoard, type BoardSnapshot, type CardInput } from '@plenary/shared/schema';
import { ConsentAnswer, type ConsentByAction, type ExportInput } from '@plenary/shared/export';
import { TAKEN_AT, WORKSHOP } from './fixtures.ts';

export const VERDICT_TITLES = { objected: 'Ferry timetable', awaiting: 'River clean-up', agreed: 'Open bus data', noLead: 'Someone should lead' } as const;
export const OBJECTION = { city: 'Hanoi', note: 'Clashes with our 2027 plan' } as const;
export const RESERVATION = { city: 'Seoul', note: 'Budget only from 2027' } as const;

const action = (title: string, leadCity: string | null, partnerCities: string[]): CardInput => ({
  kind: 'action',
  lane: 'agreed',
  lang: 'en',
  authorCity: 'Bangkok',
  createdBy: 'Facilitator',
  createdAt: '2026-03-13T02:00:00.000Z',
  title,
  leadCity,
  partnerCities,
  endDate: '2026-12-31',
  indicators: [{ indicator: 'Trips', target: '10' }],
  status: 'agreed'
});

export const buildVerdictBoard = (): { snapshot: BoardSnapshot; consent: ConsentByAction; ids: Record<keyof typeof VERDICT_TITLES, string> } => {
  const doc = createBoardDoc({ workshopId: 'ws1', boardId: 'board-verdict', theme: 'transport', title: 'Transport', createdAt: TAKEN_AT });
  const ids = {
    objected: addCard(doc, action(VERDICT_TITLES.objected, 'Bangkok', ['Seoul', 'Hanoi'])),
    awaiting: addCard(doc, action(VERDICT_TITLES.awaiting, 'Seoul', ['Hanoi', 'Fukuoka'])),
    agreed: addCard(doc, action(VERDICT_TITLES.agreed, 'Hanoi', [])),
    noLead: addCard(doc, action(VERDICT_TITLES.noLead, null, ['Moscow']))
  };
  const snapshot = readBoard(doc);
  doc.destroy();
  const consent: ConsentByAction = {
    [ids.objected]: [
      { city: 'Bangkok', answer: ConsentAnswer.endorse },
      { city: OBJECTION.city, answer: ConsentAnswer.object, note: OBJECTION.note },
      { city: RESERVATION.city, answer: ConsentAnswer.reservation, note: RESERVATION.note }
    ],
    [ids.awaiting]: [
      { city: 'Seoul', answer: ConsentAnswer.endorse },
      { city: 'Fukuoka', answer: ConsentAnswer.endorse }
    ],
    [ids.agreed]: [{ city: 'Hanoi', answer: ConsentAnswer.endorse }],
    [ids.noLead]: [{ city: 'Moscow', answer: ConsentAnswer.endorse }]
  };
  return { snapshot, consent, ids };
};

export const verdictInput = (overrides: Partial<ExportInput> = {}): ExportInput => {
  const { snapshot, consent } = buildVerdictBoard();
  return { workshop: WORKSHOP, boards: [{ theme: 'Transport', snapshot, consent }], takenAt: TAKEN_AT, ...overrides };
};
