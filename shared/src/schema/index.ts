/**
 * The board document, written once for the web app, the server, exports and other tools.
 *
 * A board is one Y.Doc: a `Y.Map('board')` of board-level fields and a `Y.Map('cards')` of card
 * id → card `Y.Map`. Card text fields are `Y.Text`; a card's lane and order key are one `position`
 * value. `readBoard` turns a document into the public JSON format (docs/SCHEMA.md); `writeBoard`
 * and `validateBoard` go the other way. Every writing helper runs in one transaction carrying the
 * caller's `origin`.
 */
export * from './constants.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './dates.ts';
export * from './order.ts';
export * from './snapshot-schema.ts';
export * from './card-input.ts';
export * from './validate.ts';
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
export * from './write.ts';
export * from './migrate.ts';
export * from './translations.ts';
export * from './idea-to-action.ts';
export * from './text-location.ts';
