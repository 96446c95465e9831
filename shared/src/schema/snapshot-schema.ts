/**
 * The JSON snapshot format of a board (what `readBoard` returns, `writeBoard` accepts, exports and
 * other tools read), as zod schemas. The TypeScript types are inferred from them, so the format is
 * written down once. Unknown keys (from newer writers) pass validation and are dropped from the
 * parsed value, so adding an optional field later does not break older readers.
 */
import { z } from 'zod';
import { ACTION_STATUSES, CARD_KINDS, LANES, Limits, SCHEMA_VERSION, SNAPSHOT_FORMAT, TEXT_FIELDS } from './constants.ts';
import type { ActionStatus, CardKind, Lane, TextField } from './constants.ts';
import { isIsoDate } from './dates.ts';
import { ID_PATTERN } from './ids.ts';
import { isOrderKey } from './order.ts';

/** A string typed by people: at most `Limits.maxTextLength` characters, stored verbatim. */
export const longText = z.string().max(Limits.maxTextLength);
/** A short plain string: a city, a name. */
export const shortText = z.string().max(Limits.maxShortLength);
/** A card or list-item id. */
export const idSchema = z.string().regex(ID_PATTERN, 'an id of 1-64 letters, digits, "_" or "-"');
/** A `yyyy-mm-dd` calendar day. */
export const isoDate = z.string().refine(isIsoDate, 'a real calendar day as yyyy-mm-dd');
/** A BCP-47 language tag such as `th`, `zh-Hans` or `und` (shape only; not checked against a registry). */
export const langTag = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP-47 language tag');
/** A fractional-indexing order key. */
export const orderKey = z.string().max(Limits.maxShortLength).refine(isOrderKey, 'a fractional-indexing order key');

export const laneSchema = z.enum(LANES as [Lane, ...Lane[]]);
export const cardKindSchema = z.enum(CARD_KINDS as [CardKind, ...CardKind[]]);
export const actionStatusSchema = z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]]);

/** A milestone of an action. */
export const milestoneSchema = z.object({ id: idSchema, date: isoDate.nullable(), text: longText });
/** An indicator of an action with its target. */
export const indicatorSchema = z.object({ id: idSchema, indicator: longText, target: longText });

/** Every text field of any kind: the fields a translation may carry. */
const TRANSLATABLE_FIELDS = [...new Set(Object.values(TEXT_FIELDS).flat())] as [TextField, ...TextField[]];

/** Fields every card has. */
const cardBase = {
  id: idSchema,
  lane: laneSchema,
  order: orderKey,
  /** ISO 8601 timestamp of creation. */
  createdAt: z.iso.datetime({ offset: true }),
  /** Display name of the person who created it. */
  createdBy: shortText,
  /** City of the person who created it ('' when unknown). */
  authorCity: shortText,
  /** BCP-47 tag of the language its text was written in. */
  lang: langTag,
  /** Translations people added: language → text field → text. Absent when there are none. */
  translations: z.record(langTag, z.partialRecord(z.enum(TRANSLATABLE_FIELDS), longText)).optional()
};

export const ideaCardSchema = z.object({ ...cardBase, kind: z.literal('idea'), text: longText });

export const practiceCardSchema = z.object({
  ...cardBase,
  kind: z.literal('practice'),
  text: longText,
  /** The city the practice comes from ('' when not given). */
  sourceCity: shortText
});

export const actionCardSchema = z.object({
  ...cardBase,
  kind: z.literal('action'),
  title: longText,
  /** What will be achieved, measurably. */
  objective: longText,
  leadCity: shortText.nullable(),
  partnerCities: z.array(shortText).max(Limits.maxPartnerCities),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  milestones: z.array(milestoneSchema).max(Limits.maxListItems),
  indicators: z.array(indicatorSchema).max(Limits.maxListItems),
  /** Resources and budget, free text. */
  resources: longText,
  responsibleOfficer: longText,
  status: actionStatusSchema,
  /** Id of the idea or best practice this action was made from; absent otherwise. */
  fromIdea: idSchema.optional()
});

/** Any card, told apart by `kind`. */
export const cardSnapshotSchema = z.discriminatedUnion('kind', [ideaCardSchema, practiceCardSchema, actionCardSchema]);

/** Board-level fields. */
export const boardMetaSchema = z.object({
  workshopId: shortText,
  boardId: shortText,
  /** Theme key (e.g. `environment`). */
  theme: shortText,
  /** Title shown on the board (e.g. the theme's name). */
  title: longText,
  /** Set by a facilitator; the server refuses delegates' edits while true. */
  locked: z.boolean(),
  createdAt: z.iso.datetime({ offset: true })
});

/** A whole board: the public, versioned JSON format. */
export const boardSnapshotSchema = z
  .looseObject({
    format: z.literal(SNAPSHOT_FORMAT),
    schemaVersion: z.literal(SCHEMA_VERSION),
    board: boardMetaSchema,
    /** Cards by lane in display order, then in their order within the lane. */
    cards: z.array(cardSnapshotSchema).max(Limits.maxCards)
  })
  .superRefine((snapshot, ctx) => {
    const seen = new Set<string>();
    snapshot.cards.forEach((card, i) => {
      if (seen.has(card.id)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'id'], message: `duplicate card id ${card.id}` });
      seen.add(card.id);
    });
  });

export type Milestone = z.infer<typeof milestoneSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type IdeaCard = z.infer<typeof ideaCardSchema>;
export type PracticeCard = z.infer<typeof practiceCardSchema>;
export type ActionCard = z.infer<typeof actionCardSchema>;
/** A card as plain JSON. */
export type CardSnapshot = z.infer<typeof cardSnapshotSchema>;
/** Board-level fields as plain JSON. */
export type BoardMeta = z.infer<typeof boardMetaSchema>;
/** A whole board as plain JSON: the public, versioned format. */
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>;
