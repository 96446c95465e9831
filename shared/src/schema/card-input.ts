/**
 * What callers pass to `addCard` (a new card) and `updateCard` (a change to the non-text fields),
 * as zod schemas. Text fields are optional initial content; later typing goes through the card's
 * `Y.Text` (`getCardText`). The helpers themselves check their input with `input-checks.ts`, which
 * agrees with these schemas (so the browser need not load zod); `validateCardInput` uses them.
 */
import { z } from 'zod';
import { actionStatusSchema, idSchema, isoDate, langTag, laneSchema, longText, shortText } from './snapshot-schema.ts';
import { Limits } from './constants.ts';

/** Where a card goes in its lane: before or after another card, at an index, or (default) at the end. */
export const placementSchema = z.object({
  /** Put the card right before this card of the target lane. */
  beforeId: idSchema.optional(),
  /** Put the card right after this card of the target lane. */
  afterId: idSchema.optional(),
  /** Put the card at this index of the target lane (0 = top; counted without the card itself). */
  index: z.number().int().min(0).optional()
});
export type Placement = z.infer<typeof placementSchema>;

const common = {
  ...placementSchema.shape,
  /** Lane to put it in; by default ideas and practices go to `ideas`, actions to `proposed`. */
  lane: laneSchema.optional(),
  /** Id to use (imports); a new random id by default. */
  id: idSchema.optional(),
  /** Creation time (imports); now by default. */
  createdAt: z.iso.datetime({ offset: true }).optional(),
  createdBy: shortText,
  authorCity: shortText.default(''),
  lang: langTag
};

const milestoneInput = z.object({ date: isoDate.nullable().default(null), text: longText.default('') });
const indicatorInput = z.object({ indicator: longText.default(''), target: longText.default('') });

/** Input of `addListItem`: a new milestone or indicator. */
export const listItemInputSchemas = { milestones: milestoneInput, indicators: indicatorInput } as const;

export const ideaInputSchema = z.object({ ...common, kind: z.literal('idea'), text: longText.default('') });
export const practiceInputSchema = z.object({
  ...common,
  kind: z.literal('practice'),
  text: longText.default(''),
  sourceCity: shortText.default('')
});
export const actionInputSchema = z.object({
  ...common,
  kind: z.literal('action'),
  title: longText.default(''),
  objective: longText.default(''),
  leadCity: shortText.nullable().default(null),
  partnerCities: z.array(shortText).max(Limits.maxPartnerCities).default([]),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  milestones: z.array(milestoneInput).max(Limits.maxListItems).default([]),
  indicators: z.array(indicatorInput).max(Limits.maxListItems).default([]),
  resources: longText.default(''),
  responsibleOfficer: longText.default(''),
  status: actionStatusSchema.default('draft'),
  /** The idea or best practice this action was made from (`turnIdeaIntoAction`). */
  fromIdea: idSchema.optional()
});

/** Input of `addCard`, told apart by `kind`. */
export const cardInputSchema = z.discriminatedUnion('kind', [ideaInputSchema, practiceInputSchema, actionInputSchema]);
/** Input of `addCard` as callers write it (fields with defaults may be left out). */
export type CardInput = z.input<typeof cardInputSchema>;
/** Input of `addCard` after defaults are applied. */
export type ParsedCardInput = z.output<typeof cardInputSchema>;

const commonPatch = { authorCity: shortText, lang: langTag };

/** Non-text fields `updateCard` may change, per kind. Unknown keys and text fields are refused. */
export const cardPatchSchemas = {
  idea: z.strictObject(commonPatch).partial(),
  practice: z.strictObject({ ...commonPatch, sourceCity: shortText }).partial(),
  action: z
    .strictObject({
      ...commonPatch,
      leadCity: shortText.nullable(),
      partnerCities: z.array(shortText).max(Limits.maxPartnerCities),
      startDate: isoDate.nullable(),
      endDate: isoDate.nullable(),
      status: actionStatusSchema
    })
    .partial()
} as const;

/** A change to a card's non-text fields (the keys valid for its kind; see `cardPatchSchemas`). */
export interface CardPatch {
  authorCity?: string;
  lang?: string;
  sourceCity?: string;
  leadCity?: string | null;
  partnerCities?: string[];
  startDate?: string | null;
  endDate?: string | null;
  status?: z.infer<typeof actionStatusSchema>;
}

/** What `initBoard` is told about a new board. */
export const boardInitSchema = z.object({
  workshopId: shortText,
  boardId: shortText,
  theme: shortText,
  title: longText,
  createdAt: z.iso.datetime({ offset: true }).optional()
});

/** Board-level fields `updateBoardMeta` may change. */
export const boardMetaPatchSchema = z.strictObject({ title: longText, locked: z.boolean() }).partial();
