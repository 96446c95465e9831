/**
 * The writing helpers check their input by hand (so the web app need not download zod); the format
 * is written down as zod schemas. Both must accept, default and refuse the same inputs, with the
 * same field paths and the same error code.
 */
import { describe, expect, it } from 'vitest';
import { BoardSchemaError, InputCheck, Limits } from '@plenary/shared/schema';
import {
  boardInitSchema,
  boardMetaPatchSchema,
  cardInputSchema,
  cardPatchSchemas,
  isoDate,
  laneSchema,
  listItemInputSchemas,
  parseOrThrow,
  placementSchema
} from '@plenary/shared/schema/zod';

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; paths: string[] };

const outcome = (fn: () => unknown): Outcome => {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (!(error instanceof BoardSchemaError)) throw error;
    return { ok: false, code: error.code, paths: error.issues.map((i) => i.path) };
  }
};

const agree = (hand: (input: unknown, what: string) => unknown, schema: Parameters<typeof parseOrThrow>[0], inputs: unknown[]): void => {
  for (const input of inputs) {
    const byHand = outcome(() => hand(input, 'x'));
    const byZod = outcome(() => parseOrThrow(schema, input, 'x'));
    expect(byHand, JSON.stringify(input)?.slice(0, 200)).toEqual(byZod);
  }
};

const long = 'x'.repeat(Limits.maxTextLength + 1);
const short = 'x'.repeat(Limits.maxShortLength + 1);
const notStrings = [undefined, null, 3, true, {}, [], 'ok'];
const dates = [undefined, null, '2026-02-28', '2026-02-29', '2024-02-29', '2026-13-01', 'tomorrow', 20260101, ''];
const dateTimes = [
  undefined,
  '2026-12-02T06:40:13Z',
  '2026-12-02T06:40:13.123+07:00',
  '2026-12-02T06:40Z',
  '2026-12-02T06:40:13',
  '2026-12-02 06:40:13Z',
  '2026-12-02T24:00:00Z',
  '2026-12-02T06:40:13+24:00',
  7
];
const ids = [undefined, 'abc_DEF-1', '', 'has space', 'x'.repeat(64), 'x'.repeat(65), 5];
const langs = [undefined, 'th', 'zh-Hans', 'und', 'x', 'en_US', 'pt-BR-x1', 12];
const indexes = [undefined, 0, 3, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e20, '2'];

const base = { kind: 'idea', createdBy: 'Somchai', authorCity: 'Bangkok', lang: 'th', text: 'ลดขยะ' };
const action = { kind: 'action', createdBy: 'Ana', lang: 'pt' };

const cardInputs: unknown[] = [
  base,
  { ...base, extra: 'dropped' },
  { ...base, authorCity: undefined },
  { ...base, kind: 'practice', sourceCity: 'Porto' },
  { ...base, kind: 'poem' },
  { ...base, kind: undefined },
  null,
  'card',
  [],
  action,
  { ...action, status: 'finished' },
  { ...action, status: 'agreed', leadCity: null, partnerCities: ['Porto', 'Bangkok'], startDate: '2026-01-01', endDate: '2026-02-30' },
  { ...action, milestones: [{ date: 'tomorrow' }, { text: 'kick-off', extra: 1 }, {}], indicators: [{ indicator: 'km', target: long }] },
  { ...action, milestones: Array.from({ length: Limits.maxListItems + 1 }, () => ({})) },
  { ...action, milestones: [...Array.from({ length: Limits.maxListItems + 1 }, () => ({})), { date: 'x' }] },
  { ...action, partnerCities: Array.from({ length: Limits.maxPartnerCities + 1 }, (_, i) => `c${i}`) },
  { ...action, partnerCities: 'Porto' },
  { ...action, fromIdea: 'idea_1', title: long, objective: 3 },
  { ...base, createdBy: short, lang: 'not a tag', text: long },
  { ...base, createdBy: undefined, lang: undefined },
  ...notStrings.map((text) => ({ ...base, text })),
  ...dates.map((startDate) => ({ ...action, startDate })),
  ...dateTimes.map((createdAt) => ({ ...base, createdAt })),
  ...ids.map((id) => ({ ...base, id })),
  ...ids.map((beforeId) => ({ ...base, beforeId, afterId: beforeId })),
  ...langs.map((lang) => ({ ...base, lang })),
  ...indexes.map((index) => ({ ...base, index })),
  ...['ideas', 'proposed', 'agreed', 'parked', 'bin', undefined, 1].map((lane) => ({ ...base, lane }))
];

describe('the writing helpers check input as the published schemas do', () => {
  it('a new card (addCard)', () => agree(InputCheck.cardInput, cardInputSchema, cardInputs));

  it('a change to a card (updateCard), per kind', () => {
    const patches: unknown[] = [
      {},
      { authorCity: 'Porto' },
      { authorCity: short },
      { lang: 'vi' },
      { lang: 'no tag' },
      { lang: undefined },
      { sourceCity: 'Porto' },
      { leadCity: null },
      { leadCity: 'Porto', partnerCities: ['Bangkok'] },
      { partnerCities: Array.from({ length: Limits.maxPartnerCities + 1 }, () => 'x') },
      { partnerCities: [short] },
      ...dates.map((startDate) => ({ startDate, endDate: startDate })),
      { status: 'done' },
      { status: 'finished' },
      { theme: 'x' },
      { theme: 'x', colour: 'red', lang: 3 },
      null,
      [],
      'patch'
    ];
    agree(InputCheck.cardPatch.idea, cardPatchSchemas.idea, patches);
    agree(InputCheck.cardPatch.practice, cardPatchSchemas.practice, patches);
    agree(InputCheck.cardPatch.action, cardPatchSchemas.action, patches);
  });

  it('a move (moveCard): lane and place', () => {
    agree(InputCheck.lane, laneSchema, ['ideas', 'proposed', 'agreed', 'parked', 'bin', undefined, null, 2]);
    const places: unknown[] = [
      {},
      ...ids.map((beforeId) => ({ beforeId })),
      ...ids.map((afterId) => ({ afterId })),
      ...indexes.map((index) => ({ index })),
      { other: 1 },
      null
    ];
    agree(InputCheck.placement, placementSchema, places);
  });

  it('list items (addListItem) and a milestone date (setMilestoneDate)', () => {
    const milestones: unknown[] = [{}, ...dates.map((date) => ({ date })), { text: long }, { text: 4, date: 'x' }, { extra: 1 }, null, 'm'];
    agree(InputCheck.listItem.milestones, listItemInputSchemas.milestones, milestones);
    const indicators: unknown[] = [{}, { indicator: 'km', target: '10' }, { indicator: long }, { target: null }, [], undefined];
    agree(InputCheck.listItem.indicators, listItemInputSchemas.indicators, indicators);
    agree(InputCheck.date, isoDate.nullable(), dates);
  });

  it('a new board (initBoard) and a change to it (updateBoardMeta)', () => {
    const init = { workshopId: 'ws', boardId: 'b1', theme: 'environment', title: 'Environment' };
    const inits: unknown[] = [
      init,
      { ...init, extra: 1 },
      { ...init, theme: short },
      { ...init, title: long },
      { ...init, workshopId: undefined },
      ...dateTimes.map((createdAt) => ({ ...init, createdAt })),
      null
    ];
    agree(InputCheck.boardInit, boardInitSchema, inits);
    const metas: unknown[] = [{}, { title: 'New' }, { title: long }, { locked: true }, { locked: 'yes' }, { theme: 'x' }, { title: undefined }, null];
    agree(InputCheck.boardMetaPatch, boardMetaPatchSchema, metas);
  });
});
