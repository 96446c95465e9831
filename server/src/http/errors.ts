/** Errors answered as JSON `{ error, field? }` by the app's one onError handler. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Refusal, RefusalKind } from '../lib/refusal.ts';

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly error: string,
    readonly field?: string
  ) {
    super(status, { message: error });
  }
}

/** The first problem of a failed zod parse, as a 400 naming the field. */
export const badRequest = (issues: z.core.$ZodIssue[]): ApiError => {
  const issue = issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  return new ApiError(400, issue ? `${field}: ${issue.message}` : 'invalid request', field);
};

const STATUS_OF_REFUSAL: Record<RefusalKind, ContentfulStatusCode> = {
  'not-found': 404,
  invalid: 400,
  conflict: 409,
  forbidden: 403,
  'too-many': 429
};

/** A service's refusal (lib/refusal.ts) as the HTTP error it answers. */
export const fromRefusal = (refusal: Refusal): ApiError => new ApiError(STATUS_OF_REFUSAL[refusal.kind], refusal.message, refusal.field);
