/**
 * Names and limits of the board document: lanes, card kinds, action statuses, text fields per kind,
 * the schema version and the size limits every writer respects. Everything here is part of the
 * public, versioned format described in docs/SCHEMA.md.
 */

/**
 * Version of the board layout. Bumped only when existing data must be transformed (see
 * `migrateBoard`); adding an optional field that old readers can ignore does not bump it.
 */
export const SCHEMA_VERSION = 1;

/** Value of `format` in every JSON snapshot, so tools can recognise a board file. */
export const SNAPSHOT_FORMAT = 'plenary-board';

/** Names of the root shared types of a board Y.Doc. */
export const RootName = {
  /** `Y.Map` of board-level fields (schemaVersion, workshopId, theme, title, locked, …). */
  meta: 'board',
  /** `Y.Map` of card id → card `Y.Map`. */
  cards: 'cards'
} as const;

/** The lanes of a board. */
export const Lane = {
  ideas: 'ideas',
  proposed: 'proposed',
  agreed: 'agreed',
  parked: 'parked'
} as const;
export type Lane = (typeof Lane)[keyof typeof Lane];

/** Lanes in display order, left to right. */
export const LANES: readonly Lane[] = [Lane.ideas, Lane.proposed, Lane.agreed, Lane.parked];

/** English lane titles for exports and tools; the web app shows its own translated labels. */
export const LANE_TITLE_EN: Readonly<Record<Lane, string>> = {
  ideas: 'Ideas and best practices',
  proposed: 'Proposed actions',
  agreed: 'Agreed action plan',
  parked: 'Parked'
};

/** What a card is. */
export const CardKind = {
  /** Free text with its author's city. */
  idea: 'idea',
  /** A best practice: free text and the city it comes from. */
  practice: 'practice',
  /** A structured action of the joint plan. */
  action: 'action'
} as const;
export type CardKind = (typeof CardKind)[keyof typeof CardKind];
export const CARD_KINDS: readonly CardKind[] = [CardKind.idea, CardKind.practice, CardKind.action];

/** Where an action stands. */
export const ActionStatus = {
  draft: 'draft',
  proposed: 'proposed',
  agreed: 'agreed',
  inProgress: 'in-progress',
  done: 'done',
  dropped: 'dropped'
} as const;
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus];
export const ACTION_STATUSES: readonly ActionStatus[] = Object.values(ActionStatus);

/**
 * Fields people type into, per card kind. Each is a `Y.Text` in the document (edited character by
 * character by several people at once) and a plain string in snapshots.
 */
export const TEXT_FIELDS = {
  idea: ['text'],
  practice: ['text'],
  action: ['title', 'objective', 'resources', 'responsibleOfficer']
} as const satisfies Record<CardKind, readonly string[]>;
export type TextField = (typeof TEXT_FIELDS)[CardKind][number];
export type TextFieldOf<K extends CardKind> = (typeof TEXT_FIELDS)[K][number];

/** Lists of an action card: `Y.Array` of `Y.Map` items, each with an `id` and its own fields. */
export const LIST_FIELDS = {
  milestones: { text: ['text'], plain: ['date'] },
  indicators: { text: ['indicator', 'target'], plain: [] }
} as const;
export type ListField = keyof typeof LIST_FIELDS;
export type ListTextField<L extends ListField> = (typeof LIST_FIELDS)[L]['text'][number];

/**
 * Keys of a card map that later features own. Writers that do not know them leave them alone;
 * readers ignore what they do not understand (see docs/SCHEMA.md, "Evolving the format").
 */
export const RESERVED_CARD_KEYS = ['translations', 'consent', 'tally'] as const;

/** Size limits. Helpers refuse input beyond them with a `BoardSchemaError`; the validator rejects it. */
export const Limits = {
  /** Characters (UTF-16 code units, as `Y.Text` counts) in one text field. */
  maxTextLength: 10_000,
  /** Characters in a short plain field: a city, a display name, a BCP-47 tag, a title of the board. */
  maxShortLength: 200,
  /** Cards on one board. The board must stay smooth at 500; this leaves headroom. */
  maxCards: 2_000,
  /** Milestones or indicators on one action. */
  maxListItems: 100,
  /** Partner cities of one action. */
  maxPartnerCities: 100
} as const;

/** BCP-47 "undetermined": the language of text written before cards recorded one. */
export const UNDETERMINED_LANG = 'und';
