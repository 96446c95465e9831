/**
 * The board document, written once for the web app, the server, exports and other tools.
 *
 * A board is one Y.Doc: a `Y.Map('board')` of board-level fields and a `Y.Map('cards')` of card
 * id → card `Y.Map`. Card text fields are `Y.Text`; a card's lane and order key are one `position`
 * value. `readBoard` turns a document into the public JSON format (docs/SCHEMA.md); `writeBoard`
 * and `validateBoard` go the other way. Every writing helper runs in one transaction carrying the
 * caller's `origin`.
 *
 * The format as zod schemas, with `validateBoard`, `validateCardInput` and `writeBoard` (which
 * checks a whole snapshot), is `@plenary/shared/schema/zod`: the server, tools and tests import
 * it; the web app does not, so the browser never downloads zod. The helpers here check their input
 * by hand (`input-checks.ts`), in agreement with those schemas.
 */
export * from './constants.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './dates.ts';
export * from './order.ts';
export type { Milestone, Indicator, IdeaCard, PracticeCard, ActionCard, CardSnapshot, BoardMeta, BoardSnapshot } from './snapshot-schema.ts';
export type { Placement, CardInput, ParsedCardInput, CardPatch } from './card-input.ts';
export type { ValidationResult } from './validate.ts';
export { formatPath, InputCheck } from './input-checks.ts';
export {
  getMetaMap,
  getCardsMap,
  getCardMap,
  readPosition,
  snapshotCard,
  type CardMap,
  type Position
} from './doc-layout.ts';
export * from './board.ts';
export * from './cards.ts';
export * from './card-lists.ts';
export * from './move.ts';
export * from './read.ts';
export * from './migrate.ts';
export * from './translations.ts';
export * from './idea-to-action.ts';
export * from './text-location.ts';
