/** The one error type the schema helpers throw, with a stable code and the field path at fault. */

/** Why a helper refused to change a board. */
export const SchemaErrorCode = {
  /** Input failed validation (see `issues`). */
  invalidInput: 'invalid-input',
  /** A text is longer than `Limits.maxTextLength` (or a short field than `maxShortLength`). */
  tooLong: 'too-long',
  /** The board already holds `Limits.maxCards` cards, or a list `Limits.maxListItems` items. */
  tooMany: 'too-many',
  /** No card (or list item) with that id. */
  notFound: 'not-found',
  /** The field does not exist on this kind of card. */
  wrongField: 'wrong-field',
  /** `writeBoard` was given a document that already holds cards. */
  notEmpty: 'not-empty',
  /** The document was written by a newer version of Plenary than this code knows. */
  newerVersion: 'newer-version'
} as const;
export type SchemaErrorCode = (typeof SchemaErrorCode)[keyof typeof SchemaErrorCode];

/** One validation problem: a dotted field path (e.g. `cards[3].milestones[0].date`) and a message. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/** Thrown by the schema helpers when they refuse a change; nothing was written. */
export class BoardSchemaError extends Error {
  override readonly name = 'BoardSchemaError';
  constructor(
    readonly code: SchemaErrorCode,
    message: string,
    readonly issues: readonly SchemaIssue[] = []
  ) {
    super(message);
  }
}
