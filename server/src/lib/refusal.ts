/**
 * Why a service refuses what it was asked, in its own words: services throw a Refusal and know
 * nothing of HTTP; the HTTP layer maps each kind to a status (http/errors.ts).
 */
export const RefusalKind = {
  /** What was named does not exist (or is not the caller's to see). */
  notFound: 'not-found',
  /** A value in the request is not acceptable. */
  invalid: 'invalid',
  /** The request does not fit the current state (a closed round, no votes left). */
  conflict: 'conflict',
  /** The caller may not do this. */
  forbidden: 'forbidden',
  /** Too many of something (people, requests): try later or ask a facilitator. */
  tooMany: 'too-many'
} as const;
export type RefusalKind = (typeof RefusalKind)[keyof typeof RefusalKind];

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    /** The request field at fault, when there is one. */
    readonly field?: string
  ) {
    super(message);
  }
}
