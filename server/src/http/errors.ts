/** Errors answered as JSON `{ error, field? }` by the app's one onError handler. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

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
